import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Catalog } from '../../../engine/src';
import type { RuleDocsLink } from '../diagnostics';
import type { DocumentCache } from '../documentCache';

export interface ServerRuntime {
  readonly catalog: Catalog;
  readonly docsLink: RuleDocsLink;
  /** Milliseconds to wait after an edit before validating; later edits restart the wait. */
  readonly validationDelay?: number;
  readonly version: string;
}

/** What every feature module gets: the connection, the open documents and their parsed policies. */
export interface FeatureContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly cache: DocumentCache;
  readonly runtime: ServerRuntime;
}
