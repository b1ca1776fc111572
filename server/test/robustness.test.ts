import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { StdioClient } from './robustness/stdioClient';

// The built server, run the way an editor runs it, must answer well-formed messages after any amount of
// malformed ones, and must never publish diagnostics for a version older than the newest it has seen.

const URI = 'file:///robustness/policy.json';

function policyText(actionSuffix: string): string {
  return JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [{ Sid: 'Read', Effect: 'Allow', Action: [`s3:GetObject${actionSuffix}`], Resource: 'arn:aws:s3:::bucket/*' }],
    },
    null,
    2,
  );
}

function open(client: StdioClient, uri: string, text: string, version = 1): void {
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version, text } });
}

/** Where the action name sits in policyText: line and column of its first letter. */
function actionPosition(text: string): { line: number; character: number } {
  const before = text.slice(0, text.indexOf('s3:GetObject') + 1).split('\n');
  return { line: before.length - 1, character: before.at(-1)!.length };
}

/**
 * Proof of life: a well-formed request gets its well-formed answer. A broken frame can swallow the
 * header of the frame after it, so one retry is allowed.
 */
async function assertResponsive(client: StdioClient): Promise<void> {
  const params = { textDocument: { uri: 'file:///nowhere.json' }, position: { line: 0, character: 0 } };
  const response = await client.request('textDocument/hover', params, 2_000).catch(() => client.request('textDocument/hover', params));
  assert.equal(response.error, undefined);
  assert.equal(response.result, null);
  assert.ok(client.alive, 'the server process exited');
}

/** Deterministic junk bytes: a linear congruential sequence, so failures reproduce. */
function junk(length: number, seed: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed >>> 0;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

function frame(body: string | Buffer, length = Buffer.byteLength(body)): Buffer {
  return Buffer.concat([Buffer.from(`Content-Length: ${length}\r\n\r\n`, 'ascii'), Buffer.from(body)]);
}

describe('server over stdio survives hostile input', () => {
  let client: StdioClient;

  before(async () => {
    client = new StdioClient([]);
    await client.initialize();
  });

  after(async () => {
    assert.ok(client.alive, `the server died; stderr: ${client.stderr}`);
    assert.equal(await client.shutdown(), 0);
    assert.doesNotMatch(client.stderr, /uncaught|unhandled/i);
  });

  const malformed: [name: string, bytes: () => Buffer][] = [
    ['garbage bytes ending in a blank line', () => Buffer.concat([Buffer.from([0, 255, 1, 254, 0x7f, 0x80]), Buffer.from('\r\n\r\n')])],
    ['64 KB of random bytes', () => Buffer.concat([junk(65_536, 7), Buffer.from('\r\n\r\n')])],
    ['a header line without a colon', () => Buffer.from('Hello world\r\n\r\n')],
    ['a frame without Content-Length', () => Buffer.from('Content-Type: application/json\r\n\r\n')],
    ['a non-numeric Content-Length', () => Buffer.from('Content-Length: abc\r\n\r\n')],
    ['a Content-Length shorter than the body', () => Buffer.concat([frame('{"jsonrpc":"2.0","id":9', 10), Buffer.from('\r\n\r\n')])],
    ['a Content-Length longer than the body, completed by filler', () => Buffer.concat([frame('{"jsonrpc":', 40), Buffer.from(' '.repeat(29))])],
    ['a body that is not JSON', () => frame('{not json at all')],
    ['a body of invalid UTF-8', () => frame(Buffer.from([0xc3, 0x28, 0xff, 0xfe]))],
    ['JSON that is not a JSON-RPC message', () => frame('[1,2,3]')],
    ['a JSON-RPC message with a numeric method', () => frame('{"jsonrpc":"2.0","id":77,"method":123}')],
    ['a request with params of the wrong shape', () => frame('{"jsonrpc":"2.0","id":78,"method":"textDocument/hover","params":"oops"}')],
    ['a completion with no params', () => frame('{"jsonrpc":"2.0","id":79,"method":"textDocument/completion"}')],
    ['a didChange for a document never opened', () => frame(JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri: 'file:///ghost.json', version: 2 }, contentChanges: [{ text: '{' }] } }))],
    ['a simulate request with nonsense params', () => frame('{"jsonrpc":"2.0","id":80,"method":"iam/simulate","params":{"uri":42,"action":[],"resource":{}}}')],
  ];

  for (const [name, bytes] of malformed) {
    it(`answers the next request after ${name}`, async () => {
      client.writeRaw(bytes());
      await assertResponsive(client);
    });
  }

  it('stays alive through random bytes with no header terminator, and resynchronises at a blank line', async () => {
    // vscode-jsonrpc reads everything up to the next blank line as one header block, so without the
    // blank line every later frame would be merged into the junk: survival, then resync, is the contract.
    client.writeRaw(junk(4_096, 11));
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.ok(client.alive, 'the server process exited');
    client.writeRaw('\r\n\r\n');
    await assertResponsive(client);
  });

  it('answers an unknown request method with MethodNotFound and ignores an unknown notification', async () => {
    client.notify('iam/noSuchNotification', { x: 1 });
    const response = await client.request('iam/noSuchRequest', { x: 1 });
    assert.equal(response.error?.code, -32601);
    await assertResponsive(client);
  });

  it('answers requests for unknown and closed documents with empty results', async () => {
    const uri = 'file:///robustness/closed.json';
    open(client, uri, policyText(''));
    const whileOpen = await client.request('textDocument/hover', { textDocument: { uri }, position: actionPosition(policyText('')) });
    assert.match(String(whileOpen.result?.contents?.value), /GetObject/);
    client.notify('textDocument/didClose', { textDocument: { uri } });
    for (const method of ['textDocument/hover', 'textDocument/completion']) {
      const response = await client.request(method, { textDocument: { uri }, position: actionPosition(policyText('')) });
      assert.equal(response.error, undefined, method);
      assert.equal(response.result, null, method);
    }
    const simulation = await client.request('iam/simulate', { uri, action: 's3:GetObject', resource: 'arn:aws:s3:::bucket/k' });
    assert.match(String(simulation.result?.error), /not open/);
    const cleared = await client.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.diagnostics.length === 0);
    assert.ok(cleared);
  });

  it('answers every request exactly once around $/cancelRequest, including cancels of unknown ids', async () => {
    open(client, 'file:///robustness/cancel.json', policyText(''));
    const ids: number[] = [];
    for (let i = 0; i < 20; i++) {
      const id = client.post('textDocument/completion', { textDocument: { uri: 'file:///robustness/cancel.json' }, position: actionPosition(policyText('')) });
      client.notify('$/cancelRequest', { id });
      ids.push(id);
    }
    client.notify('$/cancelRequest', { id: 987654 });
    client.notify('$/cancelRequest', { id: 'not-a-number' });
    client.notify('$/cancelRequest', null);
    const responses = await Promise.all(ids.map((id) => client.waitFor((m) => m.id === id && m.method === undefined)));
    for (const response of responses) {
      // A cancelled request answers RequestCancelled; one that had already run answers normally.
      assert.ok(response.error === undefined || response.error.code === -32800, JSON.stringify(response.error));
    }
    await assertResponsive(client);
    for (const id of ids) assert.equal(client.received.filter((m) => m.id === id && m.method === undefined).length, 1);
  });

  it('debounces edits that arrive faster than it validates, and publishes only the newest version', async () => {
    const edits = 60;
    const first = client.received.length;
    open(client, URI, policyText('Zero'));
    for (let version = 2; version <= edits; version++) {
      client.notify('textDocument/didChange', { textDocument: { uri: URI, version }, contentChanges: [{ text: policyText(`V${version}`) }] });
    }
    const newest = await client.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === URI && m.params.version === edits, 10_000);
    // Give a stale validation every chance to arrive late.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const published = client.received.slice(first).filter((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === URI);
    const versions = published.map((m) => m.params.version as number);
    assert.ok(published.length < edits / 4, `expected debounced publishing, got ${published.length} for ${edits} edits: ${versions.join(',')}`);
    assert.deepEqual([...versions].sort((a, b) => a - b), versions, 'versions published out of order');
    assert.equal(versions.at(-1), edits, 'the last publishDiagnostics does not carry the newest version');
    const messages = (newest.params.diagnostics as { message: string }[]).map((d) => d.message).join('\n');
    assert.match(messages, new RegExp(`GetObjectV${edits}`), 'the newest diagnostics do not describe the newest text');
    assert.doesNotMatch(messages, /GetObjectV(?:[2-9]|[1-5]\d)\b/);
  });

  it('keeps a large document consistent under a burst of incremental edits', async () => {
    const uri = 'file:///robustness/large.json';
    const statements = Array.from({ length: 3000 }, (_, i) => ({ Sid: `S${i}`, Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::b${i}/*` }));
    const text = JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 1);
    open(client, uri, text);
    const at = text.indexOf('"Allow"') + 1;
    const lines = text.slice(0, at).split('\n');
    const position = { line: lines.length - 1, character: lines.at(-1)!.length };
    // Alternately break and repair the first Effect; 21 edits leave it broken.
    for (let version = 2; version <= 22; version++) {
      const change =
        version % 2 === 0
          ? { range: { start: position, end: { line: position.line, character: position.character + 1 } }, text: 'a' }
          : { range: { start: position, end: { line: position.line, character: position.character + 1 } }, text: 'A' };
      client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    }
    const last = await client.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.version === 22, 20_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const versions = client.diagnosticsFor(uri).map((m) => m.params.version as number);
    assert.equal(versions.at(-1), 22, versions.join(','));
    assert.deepEqual([...versions].sort((a, b) => a - b), versions);
    assert.ok((last.params.diagnostics as { message: string }[]).some((d) => /case-sensitive/.test(d.message)));
  });
});
