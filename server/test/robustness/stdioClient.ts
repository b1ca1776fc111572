import { spawn, type ChildProcessWithoutNullStreams } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/** The repository root: the nearest ancestor of this file's directory that holds package.json. */
export function repoRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${__dirname}`);
  }
}

export function distFile(name: string): string {
  const file = path.join(repoRoot(), 'dist', name);
  if (!fs.existsSync(file)) throw new Error(`${file} not found: run "npm run build" first`);
  return file;
}

export interface Message {
  readonly jsonrpc?: string;
  readonly id?: number | string | null;
  readonly method?: string;
  readonly params?: any;
  readonly result?: any;
  readonly error?: { code: number; message: string };
}

/**
 * A deliberately small LSP client over the child's stdio: it frames messages by hand so that tests
 * can also write broken frames, and it keeps every message the server sent for later assertions.
 */
export class StdioClient {
  readonly child: ChildProcessWithoutNullStreams;
  readonly received: Message[] = [];
  stderr = '';
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly waiters: { match: (message: Message) => boolean; resolve: (message: Message) => void }[] = [];
  private exited: number | null | undefined;

  constructor(args: readonly string[], options: { nodeArgs?: readonly string[]; env?: NodeJS.ProcessEnv } = {}) {
    this.child = spawn(process.execPath, [...(options.nodeArgs ?? []), distFile('server.js'), '--stdio', ...args], {
      env: options.env ?? process.env,
      stdio: 'pipe',
    });
    this.child.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    this.child.on('exit', (code) => (this.exited = code));
    // A server that dies mid-test must fail the assertion, not crash the runner with EPIPE.
    this.child.stdin.on('error', () => undefined);
  }

  get alive(): boolean {
    return this.exited === undefined && this.child.exitCode === null;
  }

  get exitCode(): number | null | undefined {
    return this.exited;
  }

  writeRaw(bytes: Buffer | string): void {
    this.child.stdin.write(bytes);
  }

  send(message: object): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.writeRaw(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  notify(method: string, params?: unknown): void {
    this.send({ method, params });
  }

  /** Sends a request and returns its id without waiting. */
  post(method: string, params?: unknown): number {
    const id = this.nextId++;
    this.send({ id, method, params });
    return id;
  }

  request(method: string, params?: unknown, timeoutMs = 10_000): Promise<Message> {
    const id = this.post(method, params);
    return this.waitFor((message) => message.id === id && message.method === undefined, timeoutMs, `response to ${method}`);
  }

  async initialize(): Promise<void> {
    await this.request('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    this.notify('initialized', {});
  }

  /** Resolves with the first message (already received or still to come) that matches. */
  waitFor(match: (message: Message) => boolean, timeoutMs = 10_000, what = 'message'): Promise<Message> {
    const seen = this.received.find(match);
    if (seen) return Promise.resolve(seen);
    return this.waitForNext(match, timeoutMs, what);
  }

  /** Resolves with the next message to arrive that matches, ignoring those already received. */
  waitForNext(match: (message: Message) => boolean, timeoutMs = 10_000, what = 'message'): Promise<Message> {
    return new Promise((resolve, reject) => {
      const waiter = { match, resolve: (message: Message) => (clearTimeout(timer), resolve(message)) };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; server alive: ${this.alive}; stderr: ${this.stderr.slice(-2000)}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  diagnosticsFor(uri: string): Message[] {
    return this.received.filter((message) => message.method === 'textDocument/publishDiagnostics' && message.params?.uri === uri);
  }

  async shutdown(timeoutMs = 5_000): Promise<number | null> {
    if (this.alive) {
      await this.request('shutdown', null, timeoutMs);
      this.notify('exit');
    }
    if (this.exited !== undefined) return this.exited;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.child.kill();
        reject(new Error('server did not exit after shutdown/exit'));
      }, timeoutMs);
      this.child.once('exit', (code) => (clearTimeout(timer), resolve(code)));
    });
  }

  kill(): void {
    if (this.alive) this.child.kill();
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const length = Number(/Content-Length:\s*(\d+)/i.exec(header)?.[1]);
      if (!Number.isFinite(length)) throw new Error(`server sent a frame without Content-Length: ${header}`);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(JSON.parse(body) as Message);
    }
  }

  private dispatch(message: Message): void {
    // Requests from the server (configuration, capability registration) get an empty answer, as a minimal editor would.
    if (message.method !== undefined && message.id !== undefined) this.send({ id: message.id, result: null });
    this.received.push(message);
    for (const waiter of [...this.waiters]) {
      if (waiter.match(message)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(message);
      }
    }
  }
}
