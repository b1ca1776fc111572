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
}

export interface SimulatedStatement {
  readonly policyType: string;
  readonly policyLabel: string;
  readonly index: number;
  readonly sid?: string;
  readonly effect?: 'Allow' | 'Deny';
  readonly action: string;
  readonly resource: string;
  readonly principal: string;
  readonly conditions: readonly { operator: string; key: string; matched: boolean; policyValues: readonly string[]; requestValues?: readonly string[] }[];
  readonly applies: boolean;
  readonly range: Range;
}

export interface SimulateResult {
  readonly decision: 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';
  readonly summary: string;
  readonly decidingStatements: readonly SimulatedStatement[];
  readonly statements: readonly SimulatedStatement[];
  readonly missingContextKeys: readonly string[];
  /** Set when the request could not be evaluated (no policy in the document, for instance). */
  readonly error?: string;
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
