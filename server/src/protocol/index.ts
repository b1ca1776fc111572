/**
 * Custom requests between the VS Code client and the server, declared once for both sides.
 * Plain types only: these modules must not import vscode or vscode-languageserver.
 */

export * from './range';
export * from './simulate';
export * from './policyTests';
export * from './session';
export * from './newRole';
export * from './access';
