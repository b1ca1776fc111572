import type { Span } from '../document/tree';

export type CandidateKind = 'service' | 'action' | 'wildcard' | 'keyword' | 'value' | 'snippet';

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
  readonly sortText?: string;
  /** Ask the editor to open completion again after inserting (after "s3:"). */
  readonly retrigger?: boolean;
}

export interface CompletionResult {
  readonly candidates: readonly Candidate[];
  /** The text that the chosen candidate replaces (the string's contents, quotes excluded). */
  readonly replace: Span;
}
