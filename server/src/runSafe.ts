import { CancellationToken, LSPErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';

/**
 * Wraps a request handler so that a bug logs and returns the empty result instead of taking the server
 * down, and a cancelled request answers as cancelled.
 */
export function runSafe<T>(connection: Connection, name: string, emptyResult: T, token: CancellationToken | undefined, work: () => T): T | ResponseError<void> {
  if (token?.isCancellationRequested) return cancelled();
  try {
    return work();
  } catch (error) {
    connection.console.error(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return emptyResult;
  }
}

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}
