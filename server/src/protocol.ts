/**
 * Custom requests between the VS Code client and the server, declared once for both sides.
 * Plain types only: this module must not import vscode or vscode-languageserver.
 */

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

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

export const ListPolicyTestsRequestMethod = 'iam/listPolicyTests';
export const RunPolicyTestsRequestMethod = 'iam/runPolicyTests';

export interface PolicyTestsParams {
  /** A `*.iamtest.json` file; an open document's text wins over the file on disk when listing. */
  readonly uri: string;
}

export interface PolicyTestEntry {
  readonly name: string;
  /** The test object in the file. */
  readonly range: Range;
}

export interface PolicyTestOutcome extends PolicyTestEntry {
  readonly expect: string;
  /** The decision, or for AllowAll / AllowSome / DenyAll expectations the answer for the pattern. */
  readonly actual: SimulateResult['decision'] | 'AllowAll' | 'AllowSome' | 'DenyAll';
  readonly pass: boolean;
  readonly summary: string;
}

export interface ListPolicyTestsResult {
  readonly tests: readonly PolicyTestEntry[];
  readonly error?: string;
}

export interface RunPolicyTestsResult {
  readonly results: readonly PolicyTestOutcome[];
  /** Set when the file could not be run at all (malformed, unreadable); no results then. */
  readonly error?: string;
  readonly elapsedMs: number;
}

/**
 * The environment to start the server in: the client's own, less NODE_EXTRA_CA_CERTS. Node 20 reads
 * and parses that certificate bundle while it starts, before any of our code runs (about 50 ms on a
 * small machine, a third of a cold start), and the server opens no TLS connection to use it for.
 * Corporate machines often set it for every process. The benchmark starts the server the same way.
 */
export function serverEnvironment(environment: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  // Present and undefined rather than absent: vscode-languageclient lays the options' env over its own
  // process.env, so only an explicit undefined overrides it; Node's spawn leaves undefined values out.
  return { ...environment, NODE_EXTRA_CA_CERTS: undefined };
}

/** What a client may pass in `initialize`'s initializationOptions. */
export interface InitializationOptions {
  /**
   * Language ids whose syntax errors the editor already reports (VS Code's JSON checker: json, jsonc).
   * The server then leaves IAM001 out of those documents; other editors and the CLI keep it.
   */
  readonly syntaxCheckedByEditor?: readonly string[];
}

/** Reads initializationOptions defensively: a client may send anything, or nothing. */
export function readInitializationOptions(raw: unknown): { syntaxCheckedByEditor: string[] } {
  const list = raw && typeof raw === 'object' ? (raw as { syntaxCheckedByEditor?: unknown }).syntaxCheckedByEditor : undefined;
  return { syntaxCheckedByEditor: Array.isArray(list) ? list.filter((id): id is string => typeof id === 'string') : [] };
}

export const NewRoleCommand = 'iamAuthor.newRole';
export const NewRoleChoicesRequestMethod = 'iam/newRoleChoices';
export const NewRoleRequestMethod = 'iam/newRole';

/** What the New Role flow offers: service use cases and the AWS managed policies. */
export interface NewRoleChoicesResult {
  readonly useCases: readonly {
    readonly id: string;
    readonly label: string;
    readonly description: string;
    readonly principal: string;
    readonly instanceProfile: boolean;
    readonly commonActions: readonly string[];
    /** The resources the common actions start on; `{account}` stands for the account ID. */
    readonly commonResources: readonly string[];
    /** Service role vs service-linked role vs instance role, as the hover explains it (Markdown). */
    readonly explanation: string;
    readonly serviceLinkedNote?: string;
  }[];
  readonly managedPolicies: readonly { readonly name: string; readonly arn: string; readonly path: string }[];
}

/** The trusted entity and permissions, as the flow gathered them (see engine NewRoleSpec). */
export interface NewRoleParams {
  readonly spec: unknown;
  /** Where it goes: JSON files, or into the open CloudFormation template at `uri`. */
  readonly target: { readonly kind: 'files' } | { readonly kind: 'template'; readonly uri: string };
}

export interface NewRoleResult {
  /** For the files target: file names and their content. */
  readonly files?: readonly { readonly name: string; readonly content: string }[];
  /** For the template target: the template's whole new text. */
  readonly templateText?: string;
  /** Findings above info on what was generated (none expected), and why the role could not be made. */
  readonly findings?: readonly string[];
  readonly error?: string;
}
export const NewPolicyTestCommand = 'iamAuthor.newPolicyTest';
export const PolicySummaryRequestMethod = 'iam/policySummary';
/** The command the summary code lens runs: opens the summary view of one policy. */
export const ShowPolicySummaryCommand = 'iamAuthor.showPolicySummary';

export interface PolicySummaryParams {
  readonly uri: string;
  /** Index of the policy among the document's policies; all policies when absent. */
  readonly policyIndex?: number;
}

/** One access level of one service, granted or denied, as the summary view shows it. */
export interface SummaryLevel {
  readonly level: string;
  /** "Full" or "Limited" for grants; "removes" or "limits" for denials. */
  readonly extent: string;
  readonly count: number;
  readonly total: number;
  readonly sample: readonly string[];
  readonly resources: readonly string[];
  readonly conditions: readonly string[];
  readonly principals: readonly string[];
  /** Where the statements it comes from are. */
  readonly statements: readonly { readonly index: number; readonly sid?: string; readonly range: Range }[];
}

export interface SummaryService {
  readonly prefix: string;
  readonly name: string;
  readonly line: string;
  readonly fullAccess: boolean;
  readonly grants: readonly SummaryLevel[];
  readonly denials: readonly SummaryLevel[];
}

export interface PolicySummaryEntry {
  readonly policyIndex: number;
  readonly label: string;
  readonly type: string;
  readonly headline: string;
  readonly services: readonly SummaryService[];
  readonly unrecognizedActions: readonly string[];
  readonly range: Range;
}

export interface PolicySummaryResult {
  readonly policies: readonly PolicySummaryEntry[];
  readonly error?: string;
}

export const ManagedPolicyDocumentRequestMethod = 'iam/managedPolicyDocument';

export interface ManagedPolicyDocumentParams {
  /** A managed policy's name or ARN. */
  readonly name: string;
}

export interface ManagedPolicyDocumentResult {
  /** The default version's document, as two-space JSON. */
  readonly text?: string;
  readonly arn?: string;
  readonly versionId?: string;
  readonly error?: string;
}

export const AccessDiffRequestMethod = 'iam/accessDiff';
/** The command palette's "IAM: Review Access Changes". */
export const ReviewAccessChangesCommand = 'iamAuthor.reviewAccessChanges';

export interface AccessDiffParams {
  /** The open document: the new version. */
  readonly uri: string;
  /** The old version's text (the client reads it from git HEAD); empty when the file is new. */
  readonly oldText: string;
  /** How the old version is named in the answer, e.g. "HEAD". */
  readonly oldLabel?: string;
}

export interface AccessWitness {
  readonly action: string;
  readonly resource: string;
  readonly principal?: string;
  readonly context?: Record<string, string | readonly string[]>;
  readonly service: string;
  readonly serviceName: string;
  readonly accessLevel: string;
  /** How many other actions the same request stands for. */
  readonly sameFor: number;
  /** The allowing statement: in the open document for added access, in the old version for removed. */
  readonly statement?: { readonly index: number; readonly sid?: string; readonly range: Range };
}

export interface AccessDiffResult {
  readonly newAccess: boolean;
  readonly complete: boolean;
  readonly checked: number;
  readonly added: readonly AccessWitness[];
  readonly removed: readonly AccessWitness[];
  readonly error?: string;
}
