import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient, withCursor } from './lspClient';
import { nextUri } from './lspFixtures';

// YAML completion with nothing typed yet, as JSON's "" gets it: the server over JSON-RPC on a
// CloudFormation template, one cursor at a time.

interface Item {
  label: string;
  textEdit?: { newText: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } };
  insertText?: string;
}

let client: LspClient;

before(async () => {
  client = new LspClient();
  await client.initialize();
});

after(async () => {
  assert.equal(await client.close(), 0, client.stderr);
});

const TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  AppRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              {principalKey}
            Action: sts:AssumeRole
          - Effect: Allow
            Principal:
              Service: {principalValue}
            Action: sts:AssumeRole
      Policies:
        - PolicyName: app
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: {effect}
                Action:
                  - {actionItem}
                Resource: {resource}
                Condition:
                  {operator}
              - Effect: Allow
                {statementKey}
                Action: s3:GetObject
                Resource: "*"
                Condition:
                  StringEquals:
                    {conditionKey}
                  Bool:
                    aws:SecureTransport: {conditionValue}
`;

/** The template with `|` at the named place and every other place left empty. */
function at(place: string): string {
  return TEMPLATE.replace(/\{(\w+)\}/g, (_, name: string) => (name === place ? '|' : ''));
}

async function labelsAt(place: string): Promise<{ labels: string[]; items: Item[]; line: number; character: number }> {
  const { text, position } = withCursor(at(place));
  const uri = nextUri('stack.yaml');
  client.open(uri, text, 1, 'yaml');
  const list = await client.request<{ items: Item[] } | Item[] | null>('textDocument/completion', { textDocument: { uri }, position });
  const items = Array.isArray(list) ? list : (list?.items ?? []);
  return { labels: items.map((item) => item.label), items, ...position };
}

const CASES: [place: string, what: string, expected: string[]][] = [
  ['actionItem', 'an empty "- " item under Action: service prefixes (the first of the capped list)', ['access-analyzer', 'acm']],
  ['resource', 'an empty Resource: "*" and ARN starts', ['*']],
  ['effect', 'an empty Effect:', ['Allow', 'Deny']],
  ['principalKey', 'an empty line under Principal: principal types', ['AWS', 'Service', 'Federated']],
  ['principalValue', 'an empty Service: service principals', ['ec2.amazonaws.com', 'lambda.amazonaws.com']],
  ['operator', 'an empty line under Condition: operators', ['StringEquals', 'ArnLike', 'Bool']],
  ['conditionKey', 'an empty line under an operator: condition keys', ['aws:SourceIp', 's3:ResourceAccount']],
  ['conditionValue', 'an empty Bool value: true and false', ['true', 'false']],
  ['statementKey', 'an empty line in a statement: the keys it lacks', ['Sid']],
];

for (const [place, what, expected] of CASES) {
  test(`YAML, nothing typed: ${what}`, async () => {
    const { labels, items, line, character } = await labelsAt(place);
    for (const label of expected) assert.ok(labels.includes(label), `${label} missing from ${JSON.stringify(labels.slice(0, 30))}`);
    // Every edit is an insertion at the cursor: nothing of the template is overwritten.
    for (const item of items) {
      const range = item.textEdit?.range;
      if (!range) continue;
      assert.deepEqual([range.start, range.end], [{ line, character }, { line, character }], item.label);
    }
  });
}

test('YAML, nothing typed: a statement key is inserted with its colon, an operator too', async () => {
  const statement = await labelsAt('statementKey');
  assert.equal(statement.items.find((item) => item.label === 'Sid')?.textEdit?.newText ?? statement.items.find((item) => item.label === 'Sid')?.insertText, 'Sid: ');
  const operator = await labelsAt('operator');
  const equals = operator.items.find((item) => item.label === 'StringEquals');
  assert.equal(equals?.textEdit?.newText ?? equals?.insertText, 'StringEquals: ');
});

test('YAML, nothing typed: a statement that lacks Principal in a trust policy is offered it', async () => {
  const { text, position } = withCursor(TEMPLATE.replace('          - Effect: Allow\n            Principal:\n              {principalKey}\n', '          - Effect: Allow\n            |\n').replace(/\{(\w+)\}/g, ''));
  const uri = nextUri('stack.yaml');
  client.open(uri, text, 1, 'yaml');
  const list = await client.request<{ items: Item[] } | Item[] | null>('textDocument/completion', { textDocument: { uri }, position });
  const labels = (Array.isArray(list) ? list : (list?.items ?? [])).map((item) => item.label);
  assert.ok(labels.includes('Principal'), JSON.stringify(labels));
});
