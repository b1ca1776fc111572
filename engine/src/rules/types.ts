import type { Catalog } from '../catalog/catalog';
import type { Policy, Statement } from '../document/model';
import type { PolicyFile } from '../document/policyFile';
import type { PathSegment, Span } from '../document/tree';
import type { LintCache } from './support/lintCache';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** error: the policy is invalid; security: valid but risky; warning: likely a mistake; suggestion: could be better. */
export type RuleCategory = 'error' | 'security' | 'warning' | 'suggestion';

export interface RuleMeta {
  /** Stable identifier, never reused: IAM0xx grammar, IAM1xx catalogue, IAM2xx conditions, IAM3xx security, IAM4xx redundancy. */
  readonly id: string;
  /** kebab-case, stable too. */
  readonly name: string;
  readonly severity: Severity;
  readonly category: RuleCategory;
  readonly description: string;
  /** The equivalent IAM Access Analyzer finding, where one exists. */
  readonly accessAnalyzer?: string;
  /** The equivalent Parliament issue code, where one exists. */
  readonly parliament?: string;
  /**
   * True for a rule that reasons about unknown template values itself (document/unknown.ts); the
   * findings of every other rule on a value with unknown parts are dropped.
   */
  readonly checksUnknowns?: boolean;
}

/** What a quick fix needs to know; plain data so every front end can offer the same fixes. */
export interface FixHint {
  readonly title: string;
  /** The text that replaces `span` (or, without one, the finding's span). */
  readonly replacement: string;
  /**
   * The text to replace when it is not the finding's own span: a zero-length span inserts
   * (a Condition skeleton after a statement's last property), a wider one removes (an array entry
   * with its comma).
   */
  readonly span?: Span;
}

export interface Finding {
  readonly ruleId: string;
  readonly ruleName: string;
  readonly severity: Severity;
  readonly message: string;
  /** The narrowest span that shows the problem: a value, a key, never a whole file when less will do. */
  readonly span: Span;
  /** Path of the offending node from the root of the file. */
  readonly path: readonly PathSegment[];
  /** Index into PolicyFile.policies; undefined for findings about the file itself. */
  readonly policyIndex?: number;
  readonly fixes?: readonly FixHint[];
  /** The finding's own default severity, when its rule gave one (see ReportOptions). */
  readonly ownSeverity?: Severity;
}

/**
 * A finding's own default severity, where one rule's findings differ in weight (an unmodelled ARN
 * form is a warning where a typo of a resource type is an error). A severity the user configured
 * for the rule still applies to every finding of it.
 */
export interface ReportOptions {
  readonly severity?: Severity;
}

export interface ReportTarget {
  readonly span: Span;
  readonly path: readonly PathSegment[];
}

export interface RuleContext {
  /**
   * For the text of the policy's own nodes (and back to the start of a line, for indentation).
   * A policy rule's findings must follow from its policy alone: lintFile reuses them while the
   * policy's text and placement stay the same (see support/policyResults.ts).
   */
  readonly file: PolicyFile;
  readonly catalog: Catalog;
  /** Lookups shared by every rule of one lint (and by later lints against the same catalogue). */
  readonly cache: LintCache;
  readonly policy: Policy;
  report(target: ReportTarget, message: string, fixes?: readonly FixHint[], options?: ReportOptions): void;
}

export interface FileRuleContext {
  readonly file: PolicyFile;
  readonly catalog: Catalog;
  readonly cache: LintCache;
  report(target: ReportTarget, message: string, fixes?: readonly FixHint[], options?: ReportOptions): void;
}

/**
 * A rule looks at one statement at a time, one policy at a time, or (rarely) at the whole file. A
 * statement rule's findings must follow from that statement and its policy's placement alone (not
 * from the other statements): lintFile reuses them while the statement's text and place stay the
 * same, so an edit re-checks only the edited statement.
 */
export type Rule =
  | { readonly meta: RuleMeta; readonly scope: 'statement'; check(context: RuleContext, statement: Statement): void }
  | { readonly meta: RuleMeta; readonly scope: 'policy'; check(context: RuleContext): void }
  | { readonly meta: RuleMeta; readonly scope: 'file'; check(context: FileRuleContext): void };
