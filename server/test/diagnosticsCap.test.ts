import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LspClient } from './lspClient';

// A file with more findings than anyone reads gets a capped list and one summary that counts the rest,
// so a generated or hostile file cannot flood the editor (issue 15: 400,000 diagnostics in one message).

const MAX = 1000;

function policyWithUnknownActions(count: number): string {
  const actions = Array.from({ length: count }, (_, i) => `s3:NoSuchAction${i}`);
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }, { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*', Condition: { StringEquals: { 'aws:NoSuchKey': 'x' } } }] }, null, 1);
}

describe('diagnostics per document are capped, with a summary of the rest', () => {
  let client: LspClient;
  before(async () => {
    client = new LspClient();
    await client.initialize();
  });
  after(async () => {
    await client.close();
  });

  it('5,000 unknown actions: the most severe 999 and a summary that counts the 4,001 others by rule', async () => {
    const uri = 'file:///cap/many.json';
    client.open(uri, policyWithUnknownActions(5_000));
    const published = await client.waitForDiagnostics(uri, undefined, undefined, 60_000);
    assert.equal(published.diagnostics.length, MAX);
    const [summary, ...shown] = published.diagnostics;
    assert.match(summary!.message, /^5,00\d findings in this file; the 999 most severe are shown and 4,00\d are not \(/);
    assert.match(summary!.message, /\d[\d,]* IAM102/);
    assert.match(summary!.message, /iam-author check/);
    // The hidden ones include errors, so the summary is an error too.
    assert.equal(summary!.severity, 1);
    assert.deepEqual(summary!.range.start, { line: 0, character: 0 });
    assert.ok(shown.every((diagnostic) => diagnostic.severity === 1), 'errors come first');
  });

  it('a file under the cap gets every diagnostic and no summary', async () => {
    const uri = 'file:///cap/few.json';
    client.open(uri, policyWithUnknownActions(20));
    const published = await client.waitForDiagnostics(uri);
    assert.ok(published.diagnostics.length >= 20 && published.diagnostics.length < MAX);
    assert.ok(!published.diagnostics.some((diagnostic) => /findings in this file/.test(diagnostic.message)));
  });
});
