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

/** An editor-neutral completion candidate; the server turns it into an LSP CompletionItem. */
export interface Candidate {
  readonly label: string;
  readonly kind: CandidateKind;
  /** One line shown next to the label, e.g. the access level. */
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
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
