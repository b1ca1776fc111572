// A minimal LSP client over a child process's stdio, for timing the server the way an editor talks to it.
import { spawn } from 'node:child_process';
import { serverEnvironment } from './paths.mjs';

export class LspClient {
  // The environment is the one the VS Code extension gives the server (see serverEnvironment).
  constructor(serverPath, { nodeArgs = [], env = serverEnvironment(process.env) } = {}) {
    this.child = spawn(process.execPath, [...nodeArgs, serverPath, '--stdio'], { stdio: 'pipe', env });
    this.buffer = Buffer.alloc(0);
    this.nextId = 1;
    this.pending = new Map();
    this.listeners = [];
    this.stderr = '';
    this.child.stdout.on('data', (chunk) => this.onData(chunk));
    this.child.stderr.on('data', (chunk) => (this.stderr += chunk));
    this.child.stdin.on('error', () => undefined);
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  send(message) {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  notify(method, params) {
    this.send({ method, params });
  }

  request(method, params, timeoutMs = 30_000) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method} timed out; stderr: ${this.stderr.slice(-1000)}`));
      }, timeoutMs);
      this.pending.set(id, (message) => {
        clearTimeout(timer);
        if (message.error) reject(new Error(`${method}: ${message.error.message}`));
        else resolve(message.result);
      });
      this.send({ id, method, params });
    });
  }

  /** Resolves with the next notification that satisfies `match`. */
  next(match, timeoutMs = 30_000) {
    return new Promise((resolve, reject) => {
      const listener = (message) => {
        if (!match(message)) return false;
        clearTimeout(timer);
        resolve(message);
        return true;
      };
      const timer = setTimeout(() => {
        this.listeners = this.listeners.filter((candidate) => candidate !== listener);
        reject(new Error(`no matching notification within ${timeoutMs} ms; stderr: ${this.stderr.slice(-1000)}`));
      }, timeoutMs);
      this.listeners.push(listener);
    });
  }

  nextDiagnostics(uri, version, timeoutMs) {
    return this.next((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && (version === undefined || m.params.version === version), timeoutMs);
  }

  async initialize() {
    // Advertise what VS Code's client does, so the numbers are the ones VS Code users get.
    const capabilities = {
      textDocument: {
        completion: { completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'] } },
      },
    };
    await this.request('initialize', { processId: process.pid, rootUri: null, capabilities });
    this.notify('initialized', {});
  }

  async close() {
    try {
      await this.request('shutdown', null, 5_000);
      this.notify('exit');
    } catch {
      this.child.kill();
    }
    return this.exited;
  }

  onData(chunk) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length:\s*(\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      if (message.method !== undefined && message.id !== undefined) this.send({ id: message.id, result: null });
      else if (message.id !== undefined) this.pending.get(message.id)?.(message), this.pending.delete(message.id);
      else this.listeners = this.listeners.filter((listener) => !listener(message));
    }
  }
}

/** LSP position of a character offset (UTF-16 code units, as LSP counts by default). */
export function positionAt(text, offset) {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}
