/** Policy summaries, AWS managed policy documents and access diffs. */
import type { Range } from './range';

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
