import type { Policy, PolicyType } from '../document/model';
import type { PolicyFile } from '../document/policyFile';
import type { Span } from '../document/tree';

export type Decision = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';

export type ContextValue = string | readonly string[];

/** What is being asked: who does what to which resource, in which context. */
export interface AccessRequest {
  readonly action: string;
  readonly resource: string;
  /** ARN of the calling principal; optional for identity-only simulation. */
  readonly principal?: string;
  readonly resourceAccount?: string;
  /** Context keys, matched case-insensitively; multi-valued keys take arrays. */
  readonly context?: Readonly<Record<string, ContextValue>>;
}

/** A policy together with where it came from, so results can point back at the source. */
export interface SourcedPolicy {
  readonly policy: Policy;
  /** The file (or a label such as "inline") the policy was read from. */
  readonly source: string;
  readonly file?: PolicyFile;
}

/** The policies that take part in a request, by the role each plays in evaluation. */
export interface PolicySet {
  readonly identity?: readonly SourcedPolicy[];
  readonly resource?: readonly SourcedPolicy[];
  readonly boundary?: readonly SourcedPolicy[];
  readonly session?: readonly SourcedPolicy[];
  readonly scp?: readonly SourcedPolicy[];
  readonly rcp?: readonly SourcedPolicy[];
}

export type MatchState = 'match' | 'no-match' | 'not-applicable';

export interface ConditionTrace {
  readonly operator: string;
  readonly key: string;
  readonly policyValues: readonly string[];
  /** Undefined when the request lacks the key. */
  readonly requestValues?: readonly string[];
  readonly matched: boolean;
  readonly span: Span;
}

export interface StatementTrace {
  readonly source: string;
  readonly policyType: PolicyType;
  /** Index of the policy in its PolicyFile, when known. */
  readonly policyLabel: string;
  readonly index: number;
  readonly sid?: string;
  readonly effect: 'Allow' | 'Deny' | undefined;
  readonly action: MatchState;
  readonly resource: MatchState;
  readonly principal: MatchState;
  readonly conditions: readonly ConditionTrace[];
  /** True when every element and condition matched: the statement applies to the request. */
  readonly applies: boolean;
  readonly span: Span;
}

export interface SimulationResult {
  readonly decision: Decision;
  /** The statements that decided: every matching Deny for an explicit deny, the matching Allows for an allow. */
  readonly decidingStatements: readonly StatementTrace[];
  /** Every statement that was looked at, in order, with why it did or did not apply. */
  readonly statements: readonly StatementTrace[];
  /** Context keys a condition asked for that the request did not supply. */
  readonly missingContextKeys: readonly string[];
  /** One sentence a person can read. */
  readonly summary: string;
}
