import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parsePolicyFile } from '../../src/document/policyFile';
import { lintDocument } from '../../src/rules/lintDocument';
import { realCatalog } from '../fixtures/catalog';

// IAM018 on an SCP written in a CloudFormation YAML template: Organizations receives the minified JSON,
// so that is what is counted, and the YAML text's own whitespace is neither counted nor offered as a way out.
function scpTemplate(actions: number): string {
  const list = Array.from({ length: actions }, (_, i) => `            - ec2:DescribeThing${String(i).padStart(3, '0')}`).join('\n');
  return [
    'Resources:',
    '  Scp:',
    '    Type: AWS::Organizations::Policy',
    '    Properties:',
    '      Type: SERVICE_CONTROL_POLICY',
    '      Content:',
    '        Version: "2012-10-17"',
    '        Statement:',
    '          - Effect: Deny',
    '            Resource: "*"',
    '            Action:',
    list,
    '',
  ].join('\n');
}

const sizeFindings = (text: string) => lintDocument(parsePolicyFile(text, { fileName: 'org.yaml' }), realCatalog()).filter((finding) => finding.ruleId === 'IAM018');

test('a YAML SCP whose minified JSON is over 5,120 characters is an error, whatever its YAML text measures', () => {
  // 235 actions: some 5,500 characters of minified JSON, under 5,100 of YAML text without whitespace.
  const [finding, ...rest] = sizeFindings(scpTemplate(235));
  assert.equal(rest.length, 0);
  assert.equal(finding?.severity, 'error');
  assert.match(finding!.message, /^The policy has 5,\d{3} characters, over the 5,120 allowed for a service control policy: split it/);
});

test('a YAML SCP whose minified JSON fits has no size finding', () => {
  assert.deepEqual(sizeFindings(scpTemplate(150)), []);
});
