/** How the client starts the server and what it may tell it in `initialize`. */

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
