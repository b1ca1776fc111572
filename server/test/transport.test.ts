import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import type { Message } from 'vscode-languageserver/node';
import { frameMessage, routeConsoleTo, SingleWriteMessageWriter } from '../src/transport';

/** A stream that records each write, or fails them all with `failure`. */
function recorder(failure?: Error) {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (failure) return callback(failure);
      chunks.push(chunk);
      callback();
    },
  });
  return { stream, chunks };
}

function parseFrame(frame: Buffer): { length: number; body: unknown } {
  const split = frame.indexOf('\r\n\r\n');
  const length = Number(/^Content-Length: (\d+)$/.exec(frame.subarray(0, split).toString('ascii'))?.[1]);
  assert.equal(frame.length - split - 4, length, 'Content-Length counts the bytes of the body');
  return { length, body: JSON.parse(frame.subarray(split + 4).toString('utf8')) };
}

describe('frameMessage', () => {
  const messages = [
    { jsonrpc: '2.0', id: 1, result: null },
    { jsonrpc: '2.0', id: 2, result: { detail: 'Read · bucket', value: 'partition: `aws` — AWS', emoji: '🔐' } },
    { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'line\r\n"quoted"\u2028' } },
  ];
  for (const message of messages) {
    it(`frames ${JSON.stringify(message).slice(0, 60)} with its length in bytes`, () => {
      assert.deepEqual(parseFrame(frameMessage(message)).body, message);
    });
  }
});

describe('SingleWriteMessageWriter', () => {
  it('writes header and body of each message in one write, in order', async () => {
    const { stream, chunks } = recorder();
    const writer = new SingleWriteMessageWriter(stream);
    const sent = [1, 2, 3].map((id) => ({ jsonrpc: '2.0', id, result: { items: ['é'.repeat(id)] } }));
    await Promise.all(sent.map((message) => writer.write(message)));
    assert.equal(chunks.length, 3);
    assert.deepEqual(chunks.map((chunk) => parseFrame(chunk).body), sent);
  });

  it('rejects and reports a failed write instead of throwing', async () => {
    const failure = new Error('EPIPE');
    const { stream } = recorder(failure);
    stream.on('error', () => undefined);
    const writer = new SingleWriteMessageWriter(stream);
    const reported: unknown[] = [];
    writer.onError(([error]) => reported.push(error));
    await assert.rejects(writer.write({ jsonrpc: '2.0', id: 1, result: null } as Message), /EPIPE/);
    assert.ok(reported.includes(failure));
  });

  it('rejects a message that cannot be serialised', async () => {
    const writer = new SingleWriteMessageWriter(recorder().stream);
    const cyclic: Record<string, unknown> = { jsonrpc: '2.0', id: 1 };
    cyclic['result'] = cyclic;
    await assert.rejects(writer.write(cyclic as never), /circular/i);
  });
});

describe('routeConsoleTo', () => {
  it('sends console output to the client log instead of stdout', () => {
    const seen: string[] = [];
    const remote = { error: (m: string) => seen.push(`error ${m}`), warn: (m: string) => seen.push(`warn ${m}`), info: (m: string) => seen.push(`info ${m}`), log: (m: string) => seen.push(`log ${m}`) };
    const target = { ...console } as Console;
    routeConsoleTo(remote, target);
    target.log('count', 2, { a: [1] });
    target.error('bad');
    target.warn('careful');
    target.info('fyi');
    target.debug('detail');
    target.dir({ deep: true });
    assert.deepEqual(seen, ['log count 2 { a: [ 1 ] }', 'error bad', 'warn careful', 'info fyi', 'log detail', 'log { deep: true }']);
  });
});
