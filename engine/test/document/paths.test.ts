import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatPath, parseJson, parsePolicyFile, relativePath, type PathSegment } from '../../src/document';
import { textAt } from './fixtureText';

test('formatPath writes paths the way people read them', () => {
  const cases: [PathSegment[], string][] = [
    [[], ''],
    [['Statement'], 'Statement'],
    [['Statement', 0, 'Action', 1], 'Statement[0].Action[1]'],
    [[0, 'Effect'], '[0].Effect'],
    [['Resources', 'AppRole', 'Properties', 'Policies', 2, 'PolicyDocument'], 'Resources.AppRole.Properties.Policies[2].PolicyDocument'],
    [['Statement', 0, 'Condition', 'StringEquals', 'aws:PrincipalTag/team'], 'Statement[0].Condition.StringEquals["aws:PrincipalTag/team"]'],
    [['Resources', 'Fn::Sub'], 'Resources["Fn::Sub"]'],
    [['a b', 'x'], '["a b"].x'],
  ];
  for (const [path, expected] of cases) assert.equal(formatPath(path), expected, JSON.stringify(path));
});

test('relativePath drops the policy prefix', () => {
  assert.deepEqual(relativePath(['Role', 'AssumeRolePolicyDocument', 'Statement', 0], ['Role', 'AssumeRolePolicyDocument']), ['Statement', 0]);
  assert.deepEqual(relativePath(['Statement'], []), ['Statement']);
});

const PLAIN = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "Read",
      "Effect": "Allow",
      "Action": ["s3:GetObject", "s3:ListBucket"],
      "Resource": "arn:aws:s3:::bucket/*",
      "Condition": { "StringEquals": { "aws:PrincipalTag/team": ["a", 7, true] } }
    },
    {
      "Effect": "Deny",
      "NotAction": "iam:*",
      "NotResource": ["arn:aws:iam::*:role/x"],
      "Principal": { "AWS": ["arn:aws:iam::111122223333:root"], "Service": "ec2.amazonaws.com" }
    }
  ]
}`;

test('every element of a plain policy has its span and path', () => {
  const file = parsePolicyFile(PLAIN);
  assert.deepEqual(file.syntaxProblems, []);
  assert.equal(file.policies.length, 1);
  const [policy] = file.policies;
  assert.deepEqual(policy!.path, []);
  assert.equal(policy!.label, 'policy');
  assert.equal(textAt(PLAIN, policy!.version!.value!.span), '"2012-10-17"');
  assert.equal(policy!.statements.length, 2);
  const [first, second] = policy!.statements;

  assert.equal(formatPath(first!.path), 'Statement[0]');
  assert.equal(first!.sid?.value?.kind === 'string' && first!.sid.value.value, 'Read');
  assert.equal(first!.effectValue, 'Allow');
  assert.equal(first!.action?.keyword, 'Action');
  const actions = first!.action!.values.map((value) => [value.value, formatPath(value.path), textAt(PLAIN, value.span)]);
  assert.deepEqual(actions, [
    ['s3:GetObject', 'Statement[0].Action[0]', '"s3:GetObject"'],
    ['s3:ListBucket', 'Statement[0].Action[1]', '"s3:ListBucket"'],
  ]);
  assert.equal(textAt(PLAIN, first!.action!.property.keySpan), '"Action"');
  assert.equal(textAt(PLAIN, first!.action!.property.span), '"Action": ["s3:GetObject", "s3:ListBucket"]');
  assert.equal(formatPath(first!.resource!.values[0]!.path), 'Statement[0].Resource');
  const [block] = first!.condition!.blocks;
  assert.equal(block!.operator, 'StringEquals');
  assert.equal(block!.entries[0]!.key, 'aws:PrincipalTag/team');
  assert.deepEqual(
    block!.entries[0]!.values.map((value) => formatPath(value.path)),
    ['Statement[0].Condition.StringEquals["aws:PrincipalTag/team"][0]', 'Statement[0].Condition.StringEquals["aws:PrincipalTag/team"][1]', 'Statement[0].Condition.StringEquals["aws:PrincipalTag/team"][2]'],
  );
  assert.deepEqual(block!.entries[0]!.values.map((value) => value.kind), ['string', 'number', 'boolean']);

  assert.equal(second!.effectValue, 'Deny');
  assert.equal(second!.action?.keyword, 'NotAction');
  assert.equal(second!.resource?.keyword, 'NotResource');
  assert.equal(formatPath(second!.resource!.values[0]!.path), 'Statement[1].NotResource[0]');
  assert.equal(second!.principal?.keyword, 'Principal');
  assert.deepEqual(
    second!.principal!.entries.map((entry) => [entry.type, entry.values.map((value) => formatPath(value.path))]),
    [
      ['AWS', ['Statement[1].Principal.AWS[0]']],
      ['Service', ['Statement[1].Principal.Service']],
    ],
  );
});

test('spans count UTF-16 code units and survive comments, CRLF and trailing commas', () => {
  const text = '// ünïcödé 🙂\r\n{\r\n  "Statement": [{"Effect": "Allow", "Action": "s3:GetObject",},],\r\n}';
  const file = parsePolicyFile(text);
  assert.deepEqual(file.syntaxProblems, []);
  const action = file.policies[0]!.statements[0]!.action!.values[0]!;
  assert.equal(textAt(text, action.span), '"s3:GetObject"');
  assert.equal(action.span.offset, text.indexOf('"s3:GetObject"'));
});

// Completion and hover run on documents the user is still typing: the model must hold what is there.
const HALF_TYPED: { name: string; text: string; syntaxErrors: boolean; check: (file: ReturnType<typeof parsePolicyFile>) => void }[] = [
  {
    name: 'unterminated string in an action array',
    text: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:Put',
    syntaxErrors: true,
    check(file) {
      const values = file.policies[0]!.statements[0]!.action!.values;
      assert.deepEqual(values.map((value) => [value.value, formatPath(value.path)]), [
        ['s3:GetObject', 'Statement[0].Action[0]'],
        ['s3:Put', 'Statement[0].Action[1]'],
      ]);
      assert.equal(textAt(file.text, values[1]!.span), '"s3:Put');
    },
  },
  {
    name: 'a key with no value yet',
    text: '{"Statement":[{"Effect":',
    syntaxErrors: true,
    check(file) {
      const statement = file.policies[0]!.statements[0]!;
      assert.equal(statement.effect?.key, 'Effect');
      assert.equal(statement.effect?.value, undefined);
      assert.equal(statement.effectValue, undefined);
    },
  },
  {
    name: 'a missing value between two keys',
    text: '{"Statement":[{"Effect":,"Action":"s3:GetObject"}]}',
    syntaxErrors: true,
    check(file) {
      const statement = file.policies[0]!.statements[0]!;
      assert.equal(statement.effect?.value, undefined);
      assert.deepEqual(statement.action?.values.map((value) => value.value), ['s3:GetObject']);
    },
  },
  {
    name: 'statements of the wrong kind are kept, with their index',
    text: '{"Statement":[{"Effect":"Allow"}, "oops", 3, null]}',
    syntaxErrors: false,
    check(file) {
      const statements = file.policies[0]!.statements;
      assert.deepEqual(statements.map((statement) => [statement.index, statement.node.kind, formatPath(statement.path)]), [
        [0, 'object', 'Statement[0]'],
        [1, 'string', 'Statement[1]'],
        [2, 'number', 'Statement[2]'],
        [3, 'null', 'Statement[3]'],
      ]);
    },
  },
  {
    name: 'a lone statement object instead of an array',
    text: '{"Statement":{"Effect":"Allow","Action":"s3:*"}}',
    syntaxErrors: false,
    check(file) {
      const [statement] = file.policies[0]!.statements;
      assert.equal(formatPath(statement!.path), 'Statement');
      assert.equal(formatPath(statement!.action!.values[0]!.path), 'Statement.Action');
    },
  },
  {
    name: 'a wrongly typed Effect and non-string actions',
    text: '{"Statement":[{"Effect":"allow","Action":[1,"s3:GetObject",{}],"Principal":"*"}]}',
    syntaxErrors: false,
    check(file) {
      const statement = file.policies[0]!.statements[0]!;
      assert.equal(statement.effectValue, undefined, 'Effect is case-sensitive');
      assert.deepEqual(statement.action!.values.map((value) => formatPath(value.path)), ['Statement[0].Action[1]']);
      assert.equal(statement.principal?.wildcard?.value, '*');
    },
  },
  {
    name: 'a missing comma',
    text: '{"Statement":[{"Effect":"Allow","Action":"s3:Get" "Resource":"*"}]}',
    syntaxErrors: true,
    check(file) {
      assert.equal(file.policies[0]!.statements[0]!.action!.values[0]!.value, 's3:Get');
      assert.ok(file.syntaxProblems.every((problem) => problem.message.startsWith('JSON syntax error:')));
    },
  },
  {
    name: 'a duplicated key keeps the first, as the tree does',
    text: '{"Statement":[{"Effect":"Allow","Action":"s3:Get","Action":"s3:Put"}]}',
    syntaxErrors: false,
    check(file) {
      assert.equal(file.policies[0]!.statements[0]!.action!.values[0]!.value, 's3:Get');
    },
  },
];

for (const { name, text, syntaxErrors, check } of HALF_TYPED) {
  test(`half-typed: ${name}`, () => {
    const file = parsePolicyFile(text);
    assert.equal(file.syntaxProblems.length > 0, syntaxErrors, JSON.stringify(file.syntaxProblems));
    assert.equal(file.policies.length, 1);
    check(file);
  });
}

test('hostile nesting yields a tree or a problem, never an exception', () => {
  for (const text of ['['.repeat(100_000), '{"Statement":' + '['.repeat(5000), '{"a":'.repeat(20_000), '\u0000\u0001\uffff\ud800']) {
    const parsed = parseJson(text);
    assert.ok(parsed.syntaxProblems.length > 0, text.slice(0, 20));
    const file = parsePolicyFile(text);
    assert.ok(file.policies.length <= 1);
  }
});
