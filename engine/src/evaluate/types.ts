import type { DecisionDependencies } from './dependsOn';
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
  /**
   * The organization's management account. SCPs do not limit principals of that account and RCPs do
   * not limit its resources; without it every account is taken to be a member account.
   */
  readonly managementAccount?: string;
  /**
   * The VPC endpoint the request travels through, when it names one: its ID and VPC fill
   * aws:SourceVpce and aws:SourceVpc unless the context gives them.
   */
  readonly endpoint?: { readonly id?: string; readonly vpc?: string };
}

/** How much explanation `simulate` builds. */
export interface SimulateOptions {
  /**
   * 'full' (the default): a trace for every statement. 'deciding': traces only for the deciding
   * statements, for callers that simulate many requests and show only decisions.
   */
  readonly trace?: 'full' | 'deciding';
  /**
   * Lower-case prefixes of the services whose resources RCPs govern (Catalog.rcpServices): a request to
   * another service is not limited by RCPs. Without it, RCPs are applied to every request.
   */
  readonly rcpServices?: ReadonlySet<string>;
}

/** A policy together with where it came from, so results can point back at the source. */
export interface SourcedPolicy {
  readonly policy: Policy;
  /** The file (or a label such as "inline") the policy was read from. */
  readonly source: string;
  readonly file?: PolicyFile;
  /**
   * For SCPs and RCPs: the level of the organization the policy is attached to (root, an OU, the
   * account). Every level must allow. Policies without a level form one level per source.
   */
  readonly level?: string;
  /** 'endpoint' for a VPC endpoint policy, which traces then name as such (its document type stays 'resource'). */
  readonly role?: 'endpoint';
}

/**
 * The policies that take part in a request, by the role each plays in evaluation. Role trust
 * policies go under `resource` (a trust policy is the resource policy of its role); they are told
 * apart by their type, 'trust'.
 */
export interface PolicySet {
  readonly identity?: readonly SourcedPolicy[];
  readonly resource?: readonly SourcedPolicy[];
  readonly boundary?: readonly SourcedPolicy[];
  readonly session?: readonly SourcedPolicy[];
  readonly scp?: readonly SourcedPolicy[];
  readonly rcp?: readonly SourcedPolicy[];
  /**
   * VPC endpoint policies: the request travels through the endpoint, so they must allow it too (an
   * extra gate: a Deny there denies, no Allow there is an implicit deny, an Allow there grants nothing).
   */
  readonly endpoint?: readonly SourcedPolicy[];
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
  /** The policy's type, or 'endpoint' for a VPC endpoint policy. */
  readonly policyType: PolicyType | 'endpoint';
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
  /** What in the Principal element named the caller, when it did (see PrincipalGrant). */
  readonly principalGrant?: PrincipalGrant;
  /** For SCPs and RCPs: the level the policy is attached to. */
  readonly level?: string;
  /** Set when the policy took no part in the decision, with the reason (e.g. SCPs and a service-linked role). */
  readonly ignoredBecause?: string;
}

/**
 * Which form of the Principal element named the caller. It decides whether an implicit deny in the
 * identity policies, the boundary or the session policy still limits a resource-policy grant.
 */
export type PrincipalGrant =
  | 'wildcard'
  | 'account'
  | 'user'
  | 'role'
  | 'session'
  | 'federated-user'
  | 'service'
  | 'federated'
  | 'canonical-user'
  | 'not-principal';

/** The kinds of caller the simulator tells apart. */
export type PrincipalKind =
  | 'user'
  | 'role-session'
  | 'federated-user'
  | 'root'
  | 'service'
  | 'web-identity'
  | 'anonymous'
  | 'unknown';

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
  /** The caller as the simulator understood it. */
  readonly principalKind?: PrincipalKind;
  /** True when the caller's account differs from the resource's: both sides then must allow. */
  readonly crossAccount?: boolean;
  /** The reasoning, step by step, in sentences (which policy types applied, which rule decided). */
  readonly notes?: readonly string[];
  /** Set when a rule of the service itself took part (serviceRules.ts): an action that needs no permission, or a guardrail. */
  readonly serviceRule?: ServiceRuleOutcome;
  /** What the deciding statements relied on that the template does not state (dependsOn.ts). */
  readonly dependsOn?: DecisionDependencies;
}

/** A rule the service enforces whatever the policies say, and what it did to the decision. */
export interface ServiceRuleOutcome {
  readonly id: string;
  /** 'no-permission': AWS answers without consulting any policy; 'guardrail': no customer caller may do this. */
  readonly kind: 'no-permission' | 'guardrail';
  readonly decision: Decision;
  /** Why, with the documentation's words. */
  readonly reason: string;
  /** The AWS page that states the rule. */
  readonly source: string;
  /** What the policies alone decided. */
  readonly policyDecision: Decision;
}
