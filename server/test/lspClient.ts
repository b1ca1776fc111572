import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';

/** The repository root, found by walking up from the compiled test (out/server/test) to package.json. */
export function repoRoot(): string {
  let directory = __dirname;
  while (!fs.existsSync(path.join(directory, 'package.json'))) {
    const parent = path.dirname(directory);
    if (parent === directory) throw new Error(`no package.json above ${__dirname}`);
    directory = parent;
  }
  return directory;
}

export interface Position {
  line: number;
  character: number;
}

/** Splits a `|` cursor marker out of a fixture: the text without it, and the marker's position. */
export function withCursor(marked: string): { text: string; position: Position } {
  const offset = marked.indexOf('|');
  if (offset < 0) throw new Error('the fixture has no | cursor marker');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return { text, position: positionAt(text, offset) };
}

export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

/**
 * The language server as an editor runs it: `node dist/server.js --stdio` in its own process, spoken
 * to over JSON-RPC. Diagnostics and log messages are recorded as they arrive.
 */
export class LspClient {
  readonly connection: MessageConnection;
  readonly diagnostics: PublishDiagnosticsParams[] = [];
  readonly logs: string[] = [];
  stderr = '';
  private readonly child: ChildProcess;
  private exited: Promise<number | null>;
  private waiters: (() => void)[] = [];

  constructor(serverPath = path.join(repoRoot(), 'dist', 'server.js')) {
    if (!fs.existsSync(serverPath)) throw new Error(`${serverPath} is missing: run npm run build first`);
    this.child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
    this.child.stderr!.on('data', (chunk) => (this.stderr += String(chunk)));
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.diagnostics.push(params);
      this.wake();
    });
    this.connection.onNotification('window/logMessage', (params: { message: string }) => this.logs.push(params.message));
    // The server may ask for configuration or capability registration; an empty answer is a valid one.
    this.connection.onRequest(() => null);
    this.connection.listen();
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** `params` adds to (or overrides) the initialize parameters, e.g. the workspace folders. */
  async initialize(params: object = {}): Promise<any> {
    const result = await this.request('initialize', { processId: process.pid, rootUri: null, capabilities: {}, clientInfo: { name: 'lsp.test' }, ...params });
    this.notify('initialized', {});
    return result;
  }

  request<T = any>(method: string, params: unknown, timeoutMs = 10_000): Promise<T> {
    return withTimeout(this.connection.sendRequest(method, params) as Promise<T>, timeoutMs, `${method} got no answer within ${timeoutMs} ms`);
  }

  notify(method: string, params: unknown): void {
    void this.connection.sendNotification(method, params);
  }

  open(uri: string, text: string, version = 1, languageId = 'json'): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** Waits for a publishDiagnostics for `uri` that satisfies `accept`, including ones that already arrived after `since`. */
  async waitForDiagnostics(uri: string, accept: (params: PublishDiagnosticsParams) => boolean = () => true, since = 0, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.diagnostics.slice(since).find((params) => params.uri === uri && accept(params));
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; got ${JSON.stringify(this.diagnostics.filter((p) => p.uri === uri))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Shuts the server down politely; kills it if it does not leave. Returns its exit code. */
  async close(): Promise<number | null> {
    if (this.alive) {
      try {
        await this.request('shutdown', null, 5000);
        this.notify('exit', null);
      } catch {
        // A wedged server is killed below.
      }
    }
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    const code = await this.exited;
    clearTimeout(timer);
    this.connection.dispose();
    return code;
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  return Promise.race([promise, new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)))]).finally(() => clearTimeout(timer));
}
