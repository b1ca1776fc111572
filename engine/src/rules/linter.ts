import type { Catalog } from '../catalog/catalog';
import type { PolicyFile } from '../document/policyFile';
import { RULES } from './registry';
import { LintCache } from './support/lintCache';
import { PolicyResults, type PolicyResultCache, record, replay } from './support/policyResults';
import { fixesOnWrittenText, isAboutUnknown, templateValueSpans, type TemplateValueSpans } from './support/unknownValues';
import type { Finding, FixHint, ReportOptions, ReportTarget, Rule, Severity } from './types';
import type { Policy } from '../document/model';

export interface LintOptions {
  /** Rules to leave out, by id or name. */
  readonly disabled?: readonly string[];
  /** Per-rule severity, by id or name; "off" leaves the rule out (for iamAuthor.rules and .iam-author.json). */
  readonly severities?: Readonly<Record<string, Severity | 'off'>>;
  /**
   * Whether to keep this lint's findings per policy and statement for the next lint of the same
   * text (default true: an editor lints the same document again at every keystroke). A command-line
   * scan lints each file once; remembering would only cost time and memory.
   */
  readonly remember?: boolean;
}

/**
 * Runs every rule over a parsed file in one pass. A policy whose text and placement are unchanged
 * since an earlier lint against the same catalogue gets that lint's findings again, moved to where
 * the policy now is (see PolicyResultCache): editing one policy of a large dump re-checks that one.
 * Within a changed policy, statement rules reuse the findings of unchanged statements the same way,
 * so a keystroke re-runs them on the edited statement only (policy rules still see the whole policy).
 */
export function lintFile(file: PolicyFile, catalog: Catalog, options: LintOptions = {}): Finding[] {
  const disabled = new Set(options.disabled ?? []);
  const cache = LintCache.for(catalog);
  const findings: Finding[] = [];
  const policies = file.policies;
  const remembering = options.remember !== false;
  const remembered = remembering ? cache.policyResults.begin(file.text, policies) : lintOnce(policies);
  const statementsByPolicy: (readonly PolicyResults[] | undefined)[] = [];
  for (let ruleIndex = 0; ruleIndex < RULES.length; ruleIndex++) {
    const rule = RULES[ruleIndex]!;
    if (disabled.has(rule.meta.id) || disabled.has(rule.meta.name)) continue;
    const configured = options.severities?.[rule.meta.id] ?? options.severities?.[rule.meta.name];
    const severity = configured ?? rule.meta.severity;
    if (severity === 'off') continue;
    // One reporter per rule, told which policy it is in, rather than two closures per rule and policy:
    // a 1 MB dump holds hundreds of policies.
    const sink = new Reporter(rule, severity, configured !== undefined, findings);
    const report = sink.report;
    if (rule.scope === 'file') {
      sink.spans = fileTemplateValueSpans(policies);
      runSafely(rule, () => rule.check({ file, catalog, cache, report }));
      continue;
    }
    const meta = { ruleId: rule.meta.id, ruleName: rule.meta.name, severity, configured: configured !== undefined };
    for (let index = 0; index < policies.length; index++) {
      const entry = remembered.entries[index]!;
      const known = entry.byRule[ruleIndex];
      if (known) {
        for (const recorded of known) findings.push(replay(entry, recorded, meta, index));
        continue;
      }
      sink.policyIndex = index;
      sink.spans = templateValueSpans(policies[index]!);
      const before = findings.length;
      let complete: boolean;
      if (rule.scope === 'statement') {
        // An edit changes one statement of the policy: the others' findings are those of the last lint.
        const statementEntries = (statementsByPolicy[index] ??= remembered.statements(index));
        complete = true;
        const context = { file, catalog, cache, policy: policies[index]!, report };
        for (let s = 0; s < statementEntries.length; s++) {
          const statementEntry = statementEntries[s]!;
          const knownHere = statementEntry.byRule[ruleIndex];
          if (knownHere) {
            for (const recorded of knownHere) findings.push(replay(statementEntry, recorded, meta, index));
            continue;
          }
          const from = findings.length;
          if (!runSafely(rule, () => rule.check(context, policies[index]!.statements[s]!))) complete = false;
          else if (remembering) statementEntry.byRule[ruleIndex] = record(statementEntry, findings, from);
        }
      } else {
        complete = runSafely(rule, () => rule.check({ file, catalog, cache, policy: policies[index]!, report }));
      }
      if (complete && remembering) entry.byRule[ruleIndex] = record(entry, findings, before);
    }
  }
  remembered.finish();
  return findings.sort(compareFindings);
}

/** Fresh, empty results for a lint that nothing will reuse. */
function lintOnce(policies: readonly Policy[]): ReturnType<PolicyResultCache['begin']> {
  const entries = policies.map(() => new PolicyResults());
  return { entries, statements: (index) => policies[index]!.statements.map(() => new PolicyResults()), finish: () => undefined };
}

/** Findings in text order, then by rule id. */
export function compareFindings(a: Finding, b: Finding): number {
  // Rule ids are all "IAM" and three digits, so comparing code units orders them as localeCompare did, faster.
  return a.span.offset - b.span.offset || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

class Reporter {
  policyIndex: number | undefined = undefined;
  /** Where the current policy's values hold unknown parts or derived text (see document/unknown.ts). */
  spans: TemplateValueSpans = { unknown: [], notWritten: [], resolvedKey: '' };
  readonly report: (target: ReportTarget, message: string, fixes?: readonly FixHint[], options?: ReportOptions) => void;

  constructor(rule: Rule, severity: Severity, configured: boolean, findings: Finding[]) {
    const checksUnknowns = rule.meta.checksUnknowns === true;
    this.report = (target, message, hints, options) => {
      // An unknown part is never a defect: a rule that does not reason about unknowns themselves
      // gets no say about a value that has some. A fix never edits text that is not written there.
      if (!checksUnknowns && isAboutUnknown(this.spans, target.span)) return;
      const fixes = fixesOnWrittenText(this.spans, target.span, hints);
      findings.push({
        ruleId: rule.meta.id,
        ruleName: rule.meta.name,
        severity: configured ? severity : (options?.severity ?? severity),
        ...(options?.severity !== undefined && { ownSeverity: options.severity }),
        message,
        span: target.span,
        path: target.path,
        policyIndex: this.policyIndex,
        fixes,
      });
    };
  }
}

function fileTemplateValueSpans(policies: readonly Policy[]): TemplateValueSpans {
  const unknown = policies.flatMap((policy) => templateValueSpans(policy).unknown);
  const notWritten = policies.flatMap((policy) => templateValueSpans(policy).notWritten);
  return { unknown, notWritten, resolvedKey: '' };
}

/**
 * A rule that throws is a bug in that rule, not in the user's policy: it is contained so that the
 * other rules still report.
 */
function runSafely(rule: Rule, check: () => void): boolean {
  try {
    check();
    return true;
  } catch (error) {
    // Surfacing the failure on stderr keeps the bug visible without taking the other findings down.
    console.error(`IAM Author: rule ${rule.meta.id} failed: ${error instanceof Error ? error.stack : String(error)}`);
    return false;
  }
}
