import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { candidateDocumentation, complete } from '../../src/complete';
import type { PolicyType } from '../../src/document/model';
import { parsePolicyFile } from '../../src/document/policyFile';
import { hover } from '../../src/hover';
import { mdCode, mdText } from '../../src/markdown/userText';
import { realCatalog } from '../fixtures/catalog';
import { liveMarkdownProblems } from './inertMarkdown';

const IMAGE = '![t](https://evil.example/x.png)';
const LINK = '[docs](https://evil.example/d)';
const TICK = 'a`](https://evil.example/tick)`b';
const BARE = 'https://evil.example/bare www.evil.example';
const HTML = '<img src=https://evil.example/h.png>';

/** Documents in which every kind of user text the hovers show carries a payload. */
const HOSTILE: readonly { name: string; type?: PolicyType; fileName?: string; document: unknown }[] = [
  {
    name: 'identity policy: keys, operators, values, actions, resources, variables, Sids',
    document: {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: LINK,
          Effect: 'Allow',
          Action: [`s3:${IMAGE}*`, `${LINK}:Get*`, `*${TICK}`, `s3:Get${BARE}`],
          Resource: [`arn:aws:s3:::${LINK}/\${aws:${IMAGE}}`, `arn:aws:${TICK}:us-east-1:111122223333:${HTML}`, `arn:aws:s3:::b/\${aws:username, '${LINK}'}`, `arn:aws:iam::111122223333:role/${TICK}`],
          Condition: {
            [IMAGE]: { 'aws:username': 'x' },
            StringEquals: { [IMAGE]: 'v', [`aws:RequestTag/${LINK}`]: BARE, [`aws:PrincipalTag/${TICK}`]: HTML, [BARE]: 'x' },
          },
        },
      ],
    },
  },
  {
    name: 'trust policy: principals of every kind',
    type: 'trust',
    document: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: {
            Service: [`${TICK}.amazonaws.com`, `${IMAGE}.amazonaws.com`],
            AWS: [`arn:aws:iam::111122223333:role/${LINK}`, `arn:aws:iam::${TICK}:root`, `arn:aws:iam::111122223333:instance-profile/${IMAGE}`],
            Federated: [`arn:aws:iam::111122223333:oidc-provider/${BARE}`, `arn:aws:iam::111122223333:saml-provider/${TICK}`],
            [LINK]: 'x',
          },
          Action: 'sts:AssumeRole',
        },
      ],
    },
  },
  {
    name: 'CloudFormation template: names of resources and policies',
    type: undefined,
    fileName: 'template.json',
    document: {
      AWSTemplateFormatVersion: '2010-09-09',
      Resources: {
        [`Role${TICK}`]: {
          Type: 'AWS::IAM::Role',
          Properties: {
            AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: `${LINK}.amazonaws.com` }, Action: 'sts:AssumeRole' }] },
            Policies: [{ PolicyName: IMAGE, PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:iam::aws:policy/${LINK}` }] } }],
            ManagedPolicyArns: [`arn:aws:iam::aws:policy/${TICK}`, `arn:aws:iam::111122223333:policy/${IMAGE}`],
          },
        },
      },
    },
  },
];

describe('user text never becomes live Markdown', () => {
  const catalog = realCatalog();

  it('the checker itself sees live Markdown (so the test can fail)', () => {
    assert.ok(liveMarkdownProblems(`**${IMAGE}**`).length > 0);
    assert.ok(liveMarkdownProblems(`\`${TICK}\``).length > 0, 'a backtick closing a code span early');
    assert.ok(liveMarkdownProblems(BARE).length > 0);
    assert.deepEqual(liveMarkdownProblems(`**${mdText(IMAGE)}** ${mdText(BARE)} ${mdCode(TICK)} ${mdText(HTML)} [ARN format](https://docs.aws.amazon.com/IAM/)`), []);
  });

  for (const { name, type, fileName, document } of HOSTILE) {
    it(`${name}: every hover and completion documentation is inert`, () => {
      const text = JSON.stringify(document, null, 2);
      const file = parsePolicyFile(text, { fileName, type });
      const problems = new Set<string>();
      let hovers = 0;
      let documented = 0;
      for (let offset = 0; offset <= text.length; offset++) {
        const found = hover(file, offset, catalog);
        if (found) {
          hovers++;
          for (const problem of liveMarkdownProblems(found.markdown)) problems.add(`hover at ${offset}: ${problem}`);
        }
        // Completion at every offset would be slow on a policy this size: every line start and string start.
        if (text[offset - 1] !== '"' && text[offset - 1] !== '\n') continue;
        for (const item of complete(file, offset, catalog)?.candidates ?? []) {
          const markdown = item.documentation ?? (item.documentationKey && candidateDocumentation(item.documentationKey, catalog));
          if (!markdown) continue;
          documented++;
          for (const problem of liveMarkdownProblems(markdown)) problems.add(`completion ${item.label} at ${offset}: ${problem}`);
        }
      }
      assert.ok(hovers > 50, `hovers were shown (${hovers})`);
      assert.ok(documented > 0, 'completion documentation was shown');
      assert.deepEqual([...problems].slice(0, 20), []);
    });
  }

  it('documentation keys sent back by an editor are user text too', () => {
    const markdown = candidateDocumentation({ kind: 'arnFormat', key: `arn:aws:s3:::${IMAGE}`, args: [LINK, TICK, '2', BARE, HTML] }, catalog);
    assert.ok(markdown);
    assert.deepEqual(liveMarkdownProblems(markdown), []);
    for (const kind of ['servicePrincipal', 'identityProvider'] as const) {
      const doc = candidateDocumentation({ kind, key: `${TICK}${IMAGE}` }, catalog);
      if (doc) assert.deepEqual(liveMarkdownProblems(doc), [], kind);
    }
  });
});
