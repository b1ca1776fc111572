import type { ClientCapabilities, Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Catalog, ManagedPolicies } from '../../../engine/src';
import type { RuleDocsLink } from '../diagnostics';
import type { DocumentCache } from '../documentCache';
import type { WorkspaceRoots } from '../workspaceRoots';
import type { RuleConfiguration } from './ruleSettings';

export interface ServerRuntime {
  readonly catalog: Catalog;
  /** The AWS managed policies, read lazily (service-linked role hovers show what their policy allows). */
  readonly managed?: ManagedPolicies;
  readonly docsLink: RuleDocsLink;
  /** Milliseconds to wait after an edit before validating; later edits restart the wait. */
  readonly validationDelay?: number;
  readonly version: string;
}

/** What the client said about itself in `initialize`; empty until then. */
export interface ClientState {
  capabilities: ClientCapabilities;
  /**
   * Language ids whose syntax errors the editor reports itself (VS Code's JSON checker for json and
   * jsonc): IAM001 stays out of those documents so one mistake is not reported twice.
   */
  syntaxCheckedLanguages: ReadonlySet<string>;
  /** The workspace folders: the only places files named by workspace files are read from. */
  readonly workspace: WorkspaceRoots;
}

/** What every feature module gets: the connection, the open documents and their parsed policies. */
export interface FeatureContext {
  readonly connection: Connection;
  readonly client: ClientState;
  readonly documents: TextDocuments<TextDocument>;
  readonly cache: DocumentCache;
  readonly runtime: ServerRuntime;
  /** Rule severities per document, from the editor's settings and the project's `.iam-author.json`. */
  readonly settings: RuleConfiguration;
}
