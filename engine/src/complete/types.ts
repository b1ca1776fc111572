import type { Span } from '../document/tree';

export type CandidateKind =
  | 'service'
  | 'action'
  | 'wildcard'
  | 'keyword'
  | 'value'
  | 'snippet'
  | 'property'
  | 'operator'
  | 'conditionKey'
  | 'principal'
  | 'resource'
  | 'variable';

export type DocumentationKind =
  | 'service'
  | 'action'
  | 'actionWildcard'
  | 'operator'
  | 'conditionKey'
  | 'variable'
  | 'servicePrincipal'
  | 'servicePrincipalValue'
  | 'identityProvider'
  | 'arnFormat';

/**
 * Enough to rebuild a candidate's documentation from the catalogue: small, plain JSON, so an editor can
 * carry it in a completion item and hand it back. `args` holds what the text needs beyond the key.
 */
export interface DocumentationKey {
  readonly kind: DocumentationKind;
  /** A qualified action or wildcard, a prefix, an operator, a condition key, a principal, "service/resourceType". */
  readonly key: string;
  readonly args?: readonly string[];
}

/** An editor-neutral completion candidate; the server turns it into an LSP CompletionItem. */
export interface Candidate {
  readonly label: string;
  readonly kind: CandidateKind;
  /** One line shown next to the label, e.g. the access level. */
  readonly detail?: string;
  /** Markdown, for candidates whose text is short and fixed. */
  readonly documentation?: string;
  /**
   * Where the documentation can be recomputed from instead (see candidateDocumentation), for candidates
   * of long lists: the server then leaves it out of the reply and fills it in when the item is resolved.
   */
  readonly documentationKey?: DocumentationKey;
  /** Text that replaces `replace`; defaults to the label. */
  readonly insertText?: string;
  /** True when insertText is a snippet with tab stops. */
  readonly isSnippet?: boolean;
  /** Text the editor filters on against the replaced text typed so far; defaults to the label. */
  readonly filterText?: string;
  readonly sortText?: string;
  /** Ask the editor to open completion again after inserting (after "s3:"). */
  readonly retrigger?: boolean;
  /** A candidate-specific replacement span, when it differs from the result's. */
  readonly replace?: Span;
}

export interface CompletionResult {
  readonly candidates: readonly Candidate[];
  /** The text that the chosen candidate replaces (the string's contents, quotes excluded, or an empty span). */
  readonly replace: Span;
}
