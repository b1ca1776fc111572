import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { serverEnvironment } from '../src/protocol';

test('serverEnvironment clears NODE_EXTRA_CA_CERTS and keeps everything else', () => {
  const given = { PATH: '/bin', NODE_EXTRA_CA_CERTS: '/etc/certs.pem', NODE_OPTIONS: '--max-old-space-size=4096', LANG: 'C.UTF-8' };
  const env = serverEnvironment(given);
  assert.deepEqual({ ...env }, { PATH: '/bin', NODE_EXTRA_CA_CERTS: undefined, NODE_OPTIONS: '--max-old-space-size=4096', LANG: 'C.UTF-8' });
  assert.equal(given.NODE_EXTRA_CA_CERTS, '/etc/certs.pem', 'the caller’s environment is not changed');
});

for (const [how, merge] of [
  ['given as the whole environment', false],
  // What vscode-languageclient does with a forked module's options.env.
  ['laid over the parent environment', true],
] as const) {
  test(`the server process does not see NODE_EXTRA_CA_CERTS when serverEnvironment is ${how}`, () => {
    const parent = { ...process.env, NODE_EXTRA_CA_CERTS: '/nonexistent/bundle.pem' };
    const env = merge ? { ...parent, ...serverEnvironment(parent) } : serverEnvironment(parent);
    const result = spawnSync(process.execPath, ['-e', 'process.stdout.write(String("NODE_EXTRA_CA_CERTS" in process.env))'], { env, encoding: 'utf8' });
    assert.equal(result.stdout, 'false');
  });
}
