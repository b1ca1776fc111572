import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { stringify } from 'yaml';
import { parseYaml, parseYamlWhole } from '../../src/document/parseYaml';
import { BLOCK_READ_MIN_LENGTH, MAX_BLOCKS, parseYamlByBlocks } from '../../src/document/parseYamlBlocks';
import { repoRoot } from './fixtureText';

// Large templates are read one resource at a time (parseYamlBlocks.ts). The promise is that the
// result is exactly the whole-text read's, or that the block read declines: checked here on the
// repository's real-shaped templates and on a bench-shaped one, each under many random edits.

/** A small deterministic generator, so that a failure can be replayed from its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// The characters that change YAML structure most, and a few ordinary ones.
const EDIT_CHARACTERS = [' ', '\n', '\r', ':', '-', '"', "'", '[', ']', '{', '}', ',', '#', '!', '|', '>', '&', '*', '?', '%', '\t', 'a', 'Z', '7', '.'];

function oneCharacterEdit(text: string, next: () => number): string {
  let offset = Math.floor(next() * text.length);
  // Half the edits at a line start, where indentation and keys decide the structure.
  if (next() < 0.5) offset = text.lastIndexOf('\n', offset) + 1;
  const character = EDIT_CHARACTERS[Math.floor(next() * EDIT_CHARACTERS.length)]!;
  const kind = next();
  if (kind < 0.4) return text.slice(0, offset) + character + text.slice(offset);
  if (kind < 0.7) return text.slice(0, offset) + text.slice(offset + 1);
  return text.slice(0, offset) + character + text.slice(offset + 1);
}

/** Every random edit read both ways; returns how many the block read answered (the rest it declined). */
function assertSameUnderEdits(name: string, text: string, edits: number, seed: number): number {
  const next = random(seed);
  let answered = 0;
  const check = (edited: string, label: string) => {
    const blocks = parseYamlByBlocks(edited);
    if (blocks === undefined) return;
    answered++;
    assert.deepEqual(blocks, parseYamlWhole(edited), `${name}: ${label} (seed ${seed})`);
  };
  check(text, 'as written');
  for (let i = 0; i < edits; i++) {
    const edited = oneCharacterEdit(text, next);
    check(edited, `edit ${i}`);
    // And the edit undone, which must not bring back a tree kept for another text.
    check(text, `after edit ${i}`);
  }
  return answered;
}

function yamlTemplates(): { name: string; text: string }[] {
  const root = repoRoot();
  const files = [
    ...fs.readdirSync(path.join(root, 'engine/test/fixtures/templates')).map((name) => `engine/test/fixtures/templates/${name}`),
    ...fs.readdirSync(path.join(root, 'test/e2e/workspace')).map((name) => `test/e2e/workspace/${name}`),
    'server/test/fixtures/endpoints/gateway-endpoint.yaml',
  ].filter((file) => /\.(ya?ml|template)$/.test(file));
  const templates = files.map((file) => ({ name: file, text: fs.readFileSync(path.join(root, file), 'utf8') })).filter(({ text }) => /^Resources:/m.test(text));
  // And each as saved on Windows, with \r\n line ends.
  return [...templates, ...templates.map(({ name, text }) => ({ name: `${name} (CRLF)`, text: text.replace(/\n/g, '\r\n') }))];
}

/** The bench's shape (scripts/bench/inputs.mjs): roles with a trust policy and an inline policy of !Sub ARNs. */
function benchShapedTemplate(minLength: number): string {
  const resources: Record<string, unknown> = {};
  for (let i = 0; stringify({ Resources: resources }).length < minLength; i++) {
    resources[`Role${i}`] = {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
        Policies: [
          {
            PolicyName: `inline-${i}`,
            PolicyDocument: {
              Version: '2012-10-17',
              Statement: [
                { Sid: `Read${i}`, Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: [{ 'Fn::Sub': `arn:\${AWS::Partition}:s3:::\${Prefix}-${i}/*` }] },
                { Effect: 'Deny', Action: 's3:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
              ],
            },
          },
        ],
      },
    };
  }
  return stringify({ AWSTemplateFormatVersion: '2010-09-09', Parameters: { Prefix: { Type: 'String', Default: 'bench' } }, Resources: resources, Outputs: { First: { Value: { Ref: 'Role0' } } } });
}

test('the repository templates read the same by blocks as whole, under random one-character edits', () => {
  const templates = yamlTemplates();
  assert.ok(templates.length >= 6, `found ${templates.length} templates`);
  let answered = 0;
  for (const [index, { name, text }] of templates.entries()) answered += assertSameUnderEdits(name, text, 100, 1000 + index);
  // Most edits keep the template's shape: the block read must really be exercised, not always decline.
  assert.ok(answered > templates.length * 100, `block read answered only ${answered} times`);
});

test('a bench-shaped template reads the same by blocks as whole, under random one-character edits', () => {
  const text = benchShapedTemplate(12 * 1024);
  assert.ok(parseYamlByBlocks(text), 'the template as generated is read by blocks');
  const answered = assertSameUnderEdits('bench template', text, 100, 77);
  assert.ok(answered > 100, `block read answered only ${answered} times`);
});

test('short intrinsic tags, block scalars, comments and flow collections inside resources read the same', () => {
  const text = `AWSTemplateFormatVersion: "2010-09-09"
# leading comment
Parameters:
  Bucket: { Type: String, Default: data }
Resources:   # the resources
  Role:
    Type: AWS::IAM::Role
    Properties:
      Description: |+
        kept

  # between resources, at their indentation
# and at the left edge
  Policy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: "s3:*",
          Resource: !Sub "arn:\${AWS::Partition}:s3:::\${Bucket}/*" }] }
      Roles: [!Ref Role]
      Count: 1.50
      Description: >-
        folded
        text

Outputs:
  Arn:
    Value: !GetAtt Role.Arn
`;
  assert.ok(parseYamlByBlocks(text), 'read by blocks');
  assertSameUnderEdits('mixed template', text, 400, 5);
  // Resources last, so that edits reach the template's end.
  const resourcesLast = text.slice(0, text.indexOf('Outputs:'));
  assert.ok(parseYamlByBlocks(resourcesLast), 'read by blocks');
  assertSameUnderEdits('mixed template, Resources last', resourcesLast, 400, 6);
});

const big = benchShapedTemplate(BLOCK_READ_MIN_LENGTH + 1024);
const resourcesAt = big.indexOf('\n  Role3:\n') + 1;
const insertAt = (text: string, offset: number, inserted: string) => text.slice(0, offset) + inserted + text.slice(offset);

test('a large template with Windows line ends is read by blocks, and the same as whole', () => {
  const crlf = big.replace(/\n/g, '\r\n');
  const blocks = parseYamlByBlocks(crlf);
  assert.ok(blocks);
  assert.deepEqual(blocks, parseYamlWhole(crlf));
});

test('a large template is read by blocks, and the same as whole', () => {
  assert.ok(big.length >= BLOCK_READ_MIN_LENGTH);
  const blocks = parseYamlByBlocks(big);
  assert.ok(blocks);
  assert.deepEqual(parseYaml(big), parseYamlWhole(big));
  assert.deepEqual(blocks, parseYamlWhole(big));
});

const fallbacks: [string, string][] = [
  ['an anchor', insertAt(big, resourcesAt, '  Shared: &shared\n    Type: AWS::SNS::Topic\n')],
  ['an alias', insertAt(big, resourcesAt, '  Copy:\n    Type: *shared\n')],
  ['a tag directive', `%TAG !e! tag:example.com,2000:\n---\n${big}`],
  ['a document start marker', `---\n${big}`],
  ['a document end marker', `${big}...\n`],
  ['a tab in indentation', insertAt(big, resourcesAt, '  Tabbed:\n\tType: AWS::SNS::Topic\n')],
  ['a carriage return that does not end a line', insertAt(big, resourcesAt, '  Odd:\r    Type: AWS::SNS::Topic\n')],
  ['a line separator', insertAt(big, resourcesAt, '  Odd:\u2028    Type: AWS::SNS::Topic\n')],
  ['a flow collection across a resource line', insertAt(big, resourcesAt, '  Flow:\n    Type: [AWS::SNS::Topic,\n  Role3x: x]\n')],
  ['a quoted scalar across a resource line', insertAt(big, resourcesAt, '  Quoted:\n    Description: "one\n  Other: two"\n')],
  ['a resource that does not read cleanly', insertAt(big, resourcesAt, '  Broken:\n    Type: AWS::SNS::Topic\n     Bad: indentation\n')],
  ['a Resources value that is a flow mapping', big.replace(/^Resources:\n/m, 'Resources: {}\nOther:\n')],
  ['a Resources value that is a sequence', big.replace(/^Resources:\n/m, 'Resources:\n  - item\n')],
  ['a resource key that is not a plain logical id', insertAt(big, resourcesAt, '  "Quoted Id":\n    Type: AWS::SNS::Topic\n')],
  ['a line less indented than the resources', insertAt(big, resourcesAt, ' Odd: 1\n')],
  ['a second Resources key', `${big}Resources:\n  Extra:\n    Type: AWS::SNS::Topic\n`],
  ['no Resources key', big.replace(/^Resources:/m, 'Resourcez:')],
  ['more resources than the table of blocks keeps', `Resources:\n${Array.from({ length: MAX_BLOCKS + 1 }, (_, i) => `  T${i}:\n    Type: AWS::SNS::Topic\n`).join('')}`],
  ['a comment at the resources\' indentation ending the template', `${big.slice(0, big.indexOf('\nOutputs:') + 1)}  # the end\n`],
  ['an error outside Resources', big.replace('AWSTemplateFormatVersion: ', 'AWSTemplateFormatVersion: "')],
];

for (const [name, text] of fallbacks) {
  test(`the block read declines ${name}, and the whole read answers`, () => {
    assert.equal(parseYamlByBlocks(text), undefined);
    assert.deepEqual(parseYaml(text), parseYamlWhole(text));
  });
}

test('an edit re-reads its resource: the edited value is in the tree, with the spans after it moved', () => {
  parseYaml(big);
  const at = big.indexOf('inline-5');
  const edited = `${big.slice(0, at)}renamed-${big.slice(at)}`;
  const tree = parseYaml(edited);
  assert.deepEqual(tree, parseYamlWhole(edited));
  assert.ok(JSON.stringify(tree.root).includes('renamed-inline-5'));
});
