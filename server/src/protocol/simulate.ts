/** Simulate Access, Simulate All Actions and what their pickers ask the server for. */
import type { Position, Range } from './range';

export const SimulateRequestMethod = 'iam/simulate';

export interface SimulateParams {
  /** The document whose policies are evaluated. */
  readonly uri: string;
  readonly action: string;
  readonly resource: string;
  readonly principal?: string;
  readonly resourceAccount?: string;
  readonly context?: Record<string, string | string[]>;
  /**
   * Simulate with the credentials of this role of the template (a logical id, or a SAM function's),
   * its identity policies and boundary deciding; for an sts:AssumeRole* action, whether `principal`
   * may assume it. Absent: every policy of the document plays its part.
   */
  readonly asRole?: string;
}

/** How one element of a statement (Action, Resource, Principal) fared against the request. */
export type ElementMatch = 'match' | 'no-match' | 'not-applicable';

export interface SimulatedCondition {
  readonly operator: string;
  readonly key: string;
  readonly matched: boolean;
  readonly policyValues: readonly string[];
  /** Undefined when the request lacked the key. */
  readonly requestValues?: readonly string[];
  /** Where the condition entry is, in the simulated document (absent in older servers). */
  readonly range?: Range;
}

export interface SimulatedStatement {
  readonly policyType: string;
  readonly policyLabel: string;
  readonly index: number;
  readonly sid?: string;
  readonly effect?: 'Allow' | 'Deny';
  readonly action: ElementMatch;
  readonly resource: ElementMatch;
  readonly principal: ElementMatch;
  readonly conditions: readonly SimulatedCondition[];
  readonly applies: boolean;
  readonly range: Range;
  /** The file or label the policy came from. */
  readonly source?: string;
  /** For SCPs and RCPs: the organization level the policy is attached to. */
  readonly level?: string;
  /** Set when the policy took no part in the decision, with the reason. */
  readonly ignoredBecause?: string;
}

export interface SimulateResult {
  readonly decision: 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';
  readonly summary: string;
  readonly decidingStatements: readonly SimulatedStatement[];
  readonly statements: readonly SimulatedStatement[];
  readonly missingContextKeys: readonly string[];
  /** The reasoning step by step, in sentences (which policy types applied, which rule decided). */
  readonly notes?: readonly string[];
  /** The kind of caller the simulator took the principal for (user, role-session, root, service, ...). */
  readonly principalKind?: string;
  /** True when the caller's account differs from the resource's. */
  readonly crossAccount?: boolean;
  /** Set when a rule of the service itself took part: an action that needs no permission, or a guardrail no caller passes. */
  readonly serviceRule?: SimulatedServiceRule;
  /** Set when the request could not be evaluated (no policy in the document, for instance). */
  readonly error?: string;
  /**
   * What the decision rests on that the template does not state: unknown values the deciding
   * statements matched through (`source` as written, `reason`), the template conditions they exist
   * under, and the unknowns taken to be the request's own (the stack's account and region).
   */
  readonly dependsOn?: DecisionDependsOn;
}

export interface DecisionDependsOn {
  readonly unknowns: readonly { readonly source: string; readonly reason: string }[];
  readonly assumptions: readonly { readonly condition: string; readonly holds: boolean }[];
  readonly assumedFromRequest: readonly { readonly source: string; readonly reason: string }[];
}

export interface SimulatedServiceRule {
  readonly id: string;
  readonly kind: 'no-permission' | 'guardrail';
  readonly reason: string;
  /** The AWS documentation page that states the rule. */
  readonly source: string;
  /** What the policies alone decided. */
  readonly policyDecision: SimulateResult['decision'];
}

export const ActionsInDocumentRequestMethod = 'iam/actionsInDocument';

export interface ActionsInDocumentParams {
  readonly uri: string;
}

export interface ActionsInDocumentResult {
  /** Actions the document's policies name, wildcards as written. */
  readonly actions: readonly string[];
  /** Resource ARNs the document's policies name. */
  readonly resources: readonly string[];
}

/** Optional scope for the requests below: one statement of one policy in the document. */
export interface StatementScope {
  /** Index of the policy among the document's policies. */
  readonly policyIndex: number;
  /** Index of the statement inside that policy. */
  readonly statementIndex: number;
}

export const RequestTemplateRequestMethod = 'iam/requestTemplate';

export interface RequestTemplateParams {
  readonly uri: string;
  /** When given, resources are suggested for this action's resource types. */
  readonly action?: string;
  /** When given, that statement's actions, resources and keys come first. */
  readonly scope?: StatementScope;
  /** The cursor, so that the role around it is offered first. */
  readonly position?: Position;
}

/** A role of a template to simulate as. */
export interface TemplateRole {
  /** The role's logical id (for a SAM function, the generated role's: `<Function>Role`). */
  readonly name: string;
  readonly detail?: string;
  /** True when the cursor is inside the resource that makes the role. */
  readonly containsCursor: boolean;
}

export interface TemplateAction {
  /** A concrete action, "service:Name" in the catalogue's spelling when it is known. */
  readonly action: string;
  /** The pattern the policy wrote that produced it, e.g. "s3:Get*". */
  readonly from: string;
  /** True when it comes from the scoped statement. */
  readonly inScope: boolean;
}

export interface TemplateResource {
  /** An ARN, an ARN pattern from the policy, or an ARN format with ${Placeholders} left to fill. */
  readonly arn: string;
  readonly origin: 'policy' | 'resource-type';
  /** For resource types: "s3 object", for instance. */
  readonly detail?: string;
  /** True when the value still holds ${Placeholders} or wildcards the user should replace. */
  readonly needsEditing: boolean;
  readonly inScope: boolean;
}

export interface TemplateContextKey {
  /** As the policy writes it (case kept). */
  readonly key: string;
  /** The catalogue's type (String, ArrayOfString, Bool, Date, IPAddress, Numeric, ARN, ...); "String" when unknown. */
  readonly type: string;
  readonly description?: string;
  /** The operators the policy uses with this key. */
  readonly operators: readonly string[];
  /** The values the policy compares with, as hints. */
  readonly policyValues: readonly string[];
  readonly inScope: boolean;
}

export interface RequestTemplateResult {
  /** The policy's own actions, wildcards expanded through the catalogue (capped at `actionLimit`). */
  readonly actions: readonly TemplateAction[];
  /** True when the expansion was cut at `actionLimit`. */
  readonly actionsTruncated: boolean;
  readonly resources: readonly TemplateResource[];
  /** Principal ARNs, account ids and service names from Principal elements. */
  readonly principals: readonly string[];
  readonly contextKeys: readonly TemplateContextKey[];
  /** The template's roles to simulate as, the one around the cursor first (absent outside templates). */
  readonly roles?: readonly TemplateRole[];
}

export const CatalogActionsRequestMethod = 'iam/catalogActions';

export interface CatalogActionsResult {
  /** Every action of the catalogue as "service:Name", sorted. */
  readonly actions: readonly string[];
}

export const SimulateAllRequestMethod = 'iam/simulateAll';

export interface SimulateAllParams {
  readonly uri: string;
  readonly resource: string;
  readonly principal?: string;
  readonly resourceAccount?: string;
  readonly context?: Record<string, string | string[]>;
  /** At most this many actions are simulated; default 500, at most 5000. */
  readonly limit?: number;
}

export interface SimulateAllRow {
  readonly action: string;
  readonly decision: SimulateResult['decision'];
  /** The deciding statements, pointing into the document. */
  readonly decidingStatements: readonly Pick<SimulatedStatement, 'policyLabel' | 'index' | 'sid' | 'effect' | 'range'>[];
  readonly missingContextKeys: readonly string[];
  /** The service rule that took part, when one did (see SimulateResult.serviceRule). */
  readonly serviceRule?: SimulatedServiceRule;
  /** For a resource pattern: allowed for every resource it matches, some, or none; `decision` is then the denied example's. */
  readonly coverage?: Coverage;
  /** For a resource pattern: a resource the action is allowed on, and one it is denied on. */
  readonly allowedResource?: string;
  readonly deniedResource?: string;
}

export type Coverage = 'AllowAll' | 'AllowSome' | 'DenyAll';

/** One action pattern the policy writes (`s3:Get*`), answered over the actions it stands for. */
export interface SimulatedActionPattern {
  readonly pattern: string;
  readonly coverage: Coverage;
  /** How many of its actions were simulated (the table's cap may leave some out). */
  readonly actions: number;
  readonly allowedAction?: string;
  readonly deniedAction?: string;
}

export interface SimulateAllResult {
  readonly resource: string;
  readonly rows: readonly SimulateAllRow[];
  /** How many actions the policy names after expansion, before the cap. */
  readonly totalActions: number;
  readonly truncated: boolean;
  /** Wall time of the evaluation on the server, in milliseconds. */
  readonly elapsedMs: number;
  /** True when the resource holds `*` or `?`: each row then answers for every resource it matches. */
  readonly resourcePattern?: boolean;
  /** The action patterns of the policy, each answered over the rows it expanded to. */
  readonly actionPatterns?: readonly SimulatedActionPattern[];
  readonly error?: string;
}

/** The arguments the "Simulate" code lens (and any caller) passes to the iamAuthor.simulateAccess command. */
export interface SimulateCommandArgs {
  /** The document to simulate; the active editor when absent. */
  readonly uri?: string;
  readonly action?: string;
  readonly resource?: string;
  readonly principal?: string;
  readonly resourceAccount?: string;
  readonly context?: Record<string, string | string[]>;
  readonly scope?: StatementScope;
  /** Simulate as this role of the template (see SimulateParams.asRole). */
  readonly asRole?: string;
}

export const SimulateAccessCommand = 'iamAuthor.simulateAccess';
export const SimulateAllActionsCommand = 'iamAuthor.simulateAllActions';
