import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'path';
import { parseJsonOutput, runCli, tempFolder } from './cliRunner';
import { sarifSchemaErrors } from './sarifSchema';

// `iam-author check DIR` as a process: a .json file of the folder that is empty or not JSON is a
// json-syntax finding on that file; the rest is checked and the exit code comes from the findings.
// A file named on the command line that cannot be read is still an input error (exit 2).

const GOOD = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::reports/*"}]}';
const UNKNOWN_ACTION = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObjekt","Resource":"arn:aws:s3:::reports/*"}]}';

let dir: string;
let cleanup: () => void;

before(() => {
  ({ dir, cleanup } = tempFolder({
    'policies/good.json': GOOD,
    'policies/empty.json': '',
    'policies/notes.json': 'TODO: write the reader policy\n',
    'policies/team/typo.json': UNKNOWN_ACTION,
    'quiet/good.json': GOOD,
    'quiet/blank.json': '  \n',
    // Data, not policies: objects one after another (DynamoDB's S3 import format) and JSON Lines.
    'data/items.json': '{"Item":\n{\n  "id":{"N":"01"}\n}}\n\n{"Item":\n{\n  "id":{"N":"02"}\n}}\n',
    'data/events.json': '{"level":"info","msg":"started"}\n{"level":"warn","msg":"slow"}\n["a", 1]\n',
    // Broken policies, still findings: two policies one after another; objects with a comma between them.
    'data/twice.json': `${GOOD}\n${GOOD}\n`,
    'data/comma.json': '{"a":1},\n{"b":2}\n',
  }));
});

after(() => cleanup());

const posix = (file: string) => file.split(path.sep).join('/');

test('check DIR: an empty and a non-JSON file are findings on those files, the rest is checked, exit 1 from the findings', () => {
  const result = runCli(dir, ['check', 'policies']);
  assert.equal(result.status, 1, result.stdout + result.stderr);
  assert.equal(result.stderr, '');
  const lines = result.stdout.trim().split('\n').map(posix);
  assert.deepEqual(lines, [
    'policies/empty.json:1:1: error IAM001 The file is empty: a policy file holds one JSON object. Write the policy, or delete the file. [json-syntax]',
    'policies/notes.json:1:1: error IAM001 Not valid JSON, so no policy in the file could be checked: invalid symbol. Fix the JSON, or move the file out of the folder. [json-syntax]',
    'policies/team/typo.json:1:65: error IAM102 Unknown action "s3:GetObjekt". Did you mean "s3:GetObject"? [unknown-action]',
    '3 errors, 0 warnings, 0 info, 0 hints in 4 files',
  ]);
});

test('the JSON output carries the finding on the file, outside any policy', () => {
  const output = parseJsonOutput(runCli(dir, ['check', '--format', 'json', 'policies']));
  const empty = output.files.find((file: any) => posix(file.file) === 'policies/empty.json');
  assert.deepEqual(empty.policies, []);
  assert.deepEqual(empty.findings.map((finding: any) => [finding.code, finding.severity, finding.path, finding.range.start]), [['IAM001', 'error', '', { line: 0, character: 0 }]]);
  assert.equal(output.passedOver, undefined);
});

test('the SARIF output carries it as a result on that artifact, and the run counts as successful', () => {
  const result = runCli(dir, ['check', '--format', 'sarif', 'policies']);
  assert.equal(result.status, 1);
  const sarif = parseJsonOutput(result);
  assert.deepEqual(sarifSchemaErrors(sarif), []);
  const run = sarif.runs[0];
  const results = run.results.map((entry: any) => [entry.ruleId, entry.level, entry.locations[0].physicalLocation.artifactLocation.uri]);
  assert.deepEqual(results, [
    ['IAM001', 'error', 'policies/empty.json'],
    ['IAM001', 'error', 'policies/notes.json'],
    ['IAM102', 'error', 'policies/team/typo.json'],
  ]);
  assert.equal(run.invocations[0].executionSuccessful, true);
});

test('its severity follows json-syntax settings: a warning passes by default, "off" passes the file over with the reason', () => {
  assert.equal(runCli(dir, ['check', '--rule', 'IAM001=warning', 'quiet']).status, 0);
  assert.equal(runCli(dir, ['check', '--rule', 'IAM001=warning', '--fail-on', 'warning', 'quiet']).status, 1);
  const off = runCli(dir, ['check', '--format', 'json', '--rule', 'json-syntax=off', 'quiet']);
  assert.equal(off.status, 0, off.stdout + off.stderr);
  assert.deepEqual(parseJsonOutput(off).passedOver.map((entry: any) => [posix(entry.file), entry.reason]), [['quiet/blank.json', 'not valid JSON']]);
});

test('check DIR: JSON objects one after another, none a policy, are a data stream and passed over; two policies so are not', () => {
  const result = runCli(dir, ['check', '--format', 'json', 'data']);
  assert.equal(result.status, 1, result.stdout + result.stderr);
  const output = parseJsonOutput(result);
  assert.deepEqual(output.passedOver.map((entry: any) => [posix(entry.file), entry.reason]), [
    ['data/events.json', 'JSON data stream'],
    ['data/items.json', 'JSON data stream'],
  ]);
  const codes = (file: any) => [...(file.findings ?? []), ...file.policies.flatMap((policy: any) => policy.findings)].map((finding: any) => finding.code);
  const findings = output.files.map((file: any) => [posix(file.file), codes(file)]);
  assert.deepEqual(findings, [
    ['data/comma.json', ['IAM001']],
    ['data/twice.json', ['IAM001']],
  ]);
  const text = runCli(dir, ['check', 'data']);
  assert.match(text.stdout, /; passed over 2 files: 2 JSON data streams$/m);
  // Named on the command line, it is still read as the policy the user said it is.
  assert.equal(runCli(dir, ['check', 'data/items.json']).status, 2);
});

test('an empty or non-JSON file named on the command line is still an input error', () => {
  for (const file of ['policies/empty.json', 'policies/notes.json']) {
    const result = runCli(dir, ['check', file, 'policies/good.json']);
    assert.equal(result.status, 2, file);
    assert.match(result.stderr, /^iam-author: .*: not valid JSON/m);
  }
});
