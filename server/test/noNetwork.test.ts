import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { distFile, StdioClient } from './robustness/stdioClient';
import { sarifSchemaErrors } from './sarifSchema';

// The tool promises to work fully offline: the only channel the server may use is the one its client
// gave it. Every network entry point is stubbed in the child processes (robustness/netGuard.ts) and
// the bundles are scanned for network modules.

const GUARD = path.join(__dirname, 'robustness', 'netGuard.js');

let workDir: string;

function logFile(name: string): string {
  return path.join(workDir, `${name}.netlog`);
}

function attempts(log: string): string {
  return fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '';
}

function runGuarded(args: readonly string[], log: string, input?: string) {
  return spawnSync(process.execPath, ['-r', GUARD, ...args], {
    env: { ...process.env, IAM_AUTHOR_NET_LOG: log },
    input,
    encoding: 'utf8',
    timeout: 30_000,
  });
}

const IDENTITY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: ['s3:GetObject', 'ec2:Describe*', 'iam:PassRole'], Resource: 'arn:aws:s3:::bucket/*', Condition: { StringEquals: { 'aws:SourceVpc': 'vpc-1' } } },
    { Effect: 'Deny', NotAction: 's3:*', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } },
  ],
});
const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com', AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' }],
});

before(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iam-author-net-'));
  fs.writeFileSync(path.join(workDir, 'identity.json'), IDENTITY);
  fs.writeFileSync(path.join(workDir, 'trust.json'), TRUST);
});

after(() => fs.rmSync(workDir, { recursive: true, force: true }));

describe('the network guard itself', () => {
  // Without this, a guard that records nothing would make every other test here pass vacuously.
  const probes: [name: string, code: string, expected: RegExp][] = [
    ['http.get', `require('http').get('http://127.0.0.1:9/')`, /^http\.get /m],
    ['https.request', `require('https').request('https://example.invalid/')`, /^https\.request /m],
    ['net.connect', `require('net').connect(9, '127.0.0.1')`, /^net\.connect /m],
    ['new net.Socket().connect', `new (require('net').Socket)().connect(9, '127.0.0.1')`, /^net\.Socket\.prototype\.connect /m],
    ['dns.lookup', `require('dns').lookup('example.invalid', () => {})`, /^dns\.lookup /m],
    ['fetch', `fetch('http://127.0.0.1:9/')`, /^fetch /m],
  ];
  for (const [name, code, expected] of probes) {
    it(`records and blocks ${name}`, () => {
      const log = logFile(`probe-${name.replace(/\W+/g, '-')}`);
      const result = runGuarded(['-e', `try { ${code} } catch {}`], log);
      assert.equal(result.status, 0, result.stderr);
      assert.match(attempts(log), expected);
    });
  }
});

describe('dist/server.js over stdio opens no socket', () => {
  it('serves a whole editing session without touching the network', async () => {
    const log = logFile('server');
    const client = new StdioClient([], { nodeArgs: ['-r', GUARD], env: { ...process.env, IAM_AUTHOR_NET_LOG: log } });
    try {
      await client.initialize();
      const documents = { 'file:///net/identity.json': IDENTITY, 'file:///net/trust.json': TRUST };
      for (const [uri, text] of Object.entries(documents)) {
        client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text } });
        await client.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri);
        for (let character = 0; character < text.length; character += 7) {
          await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 0, character } });
          await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character } });
        }
      }
      const hover = await client.request('textDocument/hover', {
        textDocument: { uri: 'file:///net/identity.json' },
        position: { line: 0, character: IDENTITY.indexOf('s3:GetObject') + 2 },
      });
      assert.match(String(hover.result?.contents?.value), /GetObject/, 'the session did not reach the engine');
      const simulation = await client.request('iam/simulate', { uri: 'file:///net/identity.json', action: 's3:GetObject', resource: 'arn:aws:s3:::bucket/k', context: { 'aws:SourceVpc': 'vpc-1' } });
      assert.ok(simulation.result?.decision);
      client.notify('textDocument/didChange', { textDocument: { uri: 'file:///net/identity.json', version: 2 }, contentChanges: [{ text: IDENTITY.replace('Deny', 'Dny') }] });
      await client.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.version === 2);
      assert.equal(await client.shutdown(), 0);
    } finally {
      client.kill();
    }
    assert.equal(attempts(log), '', 'the server tried to reach the network');
  });
});

describe('dist/cli.js opens no socket', () => {
  const runs: [name: string, args: (dir: string) => string[], input?: string][] = [
    ['check (text)', (dir) => ['check', path.join(dir, 'identity.json'), path.join(dir, 'trust.json')]],
    ['check (sarif)', (dir) => ['check', '--format', 'sarif', dir]],
    ['check (json, stdin)', () => ['check', '--format', 'json', '-'], IDENTITY],
    ['simulate', (dir) => ['simulate', '--identity', path.join(dir, 'identity.json'), '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::bucket/k', '--format', 'json']],
    ['--version', () => ['--version']],
  ];
  for (const [name, args, input] of runs) {
    it(`runs ${name} offline`, () => {
      const log = logFile(`cli-${name.replace(/\W+/g, '-')}`);
      const result = runGuarded([distFile('cli.js'), ...args(workDir)], log, input);
      assert.ok(result.status === 0 || result.status === 1, `exit ${result.status}: ${result.stderr}`);
      assert.ok(result.stdout.length > 0, 'the command printed nothing');
      if (name === 'check (sarif)') assert.deepEqual(sarifSchemaErrors(JSON.parse(result.stdout)), []);
      assert.equal(attempts(log), '', 'the CLI tried to reach the network');
    });
  }
});

describe('the bundles do not load network modules', () => {
  const NETWORK_MODULES = /\brequire\(\s*["'`](?:node:)?(https?|http2|dns|tls|dgram)(?:\/[\w/]*)?["'`]\s*\)|\bimport\(\s*["'`](?:node:)?(?:https?|http2|dns|tls|dgram)["'`]/g;
  it('finds the scan pattern in a sample, so a miss is meaningful', () => {
    const sample = 'var a=require("https"),b=require(\'node:dns\');';
    assert.equal([...sample.matchAll(NETWORK_MODULES)].length, 2);
  });
  for (const bundle of ['server.js', 'cli.js', 'extension.js']) {
    it(`dist/${bundle} requires none of http, https, http2, dns, tls, dgram`, () => {
      const text = fs.readFileSync(distFile(bundle), 'utf8');
      assert.ok(text.includes('require('), 'not a CommonJS bundle: the scan would prove nothing');
      assert.deepEqual([...text.matchAll(NETWORK_MODULES)].map((match) => match[0]), []);
    });
  }
});
