import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import { whenIdle } from '../src/hclPreload';
import { LspClient } from './lspClient';

// The server loads the HCL parser in the background once it has published its first diagnostics and
// is idle (server/src/hclPreload.ts). A JSON user's first answer comes before any of it, and a
// Terraform document read after it gets the diagnostics it gets from a server that never preloaded.

const PRELOADED = /HCL parser was loaded in the background/;

const POLICY_JSON = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObjekt', Resource: '*' }] }, null, 2);

const MAIN_TF = `variable "bucket" {
  default = "reports"
}

data "aws_iam_policy_document" "read" {
  statement {
    actions   = ["s3:GetObjekt", "s3:ListBucket"]
    resources = ["arn:aws:s3:::\${var.bucket}", "arn:aws:s3:::\${var.bucket}/*"]
  }
}

resource "aws_iam_role_policy" "read" {
  role   = "app"
  policy = data.aws_iam_policy_document.read.json
}
`;

async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The diagnostics of MAIN_TF when opened, and after an edit, in `client`. */
async function terraformDiagnostics(client: LspClient): Promise<PublishDiagnosticsParams['diagnostics'][]> {
  const uri = 'file:///preload/main.tf';
  client.open(uri, MAIN_TF, 1, 'terraform');
  const opened = await client.waitForDiagnostics(uri, (params) => params.version === 1);
  const at = MAIN_TF.indexOf('ListBucket');
  const line = MAIN_TF.slice(0, at).split('\n').length - 1;
  const character = at - MAIN_TF.lastIndexOf('\n', at) - 1;
  client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line, character }, end: { line, character: character + 1 } }, text: 'M' }] });
  const edited = await client.waitForDiagnostics(uri, (params) => params.version === 2);
  return [opened.diagnostics, edited.diagnostics];
}

test('a JSON session answers first, then loads the HCL parser while idle; a Terraform document then reads as in a fresh server', async () => {
  const preloading = new LspClient();
  const fresh = new LspClient();
  try {
    await preloading.initialize();
    preloading.open('file:///preload/policy.json', POLICY_JSON);
    const json = await preloading.waitForDiagnostics('file:///preload/policy.json');
    assert.ok(json.diagnostics.some((diagnostic) => diagnostic.code === 'IAM102'), JSON.stringify(json.diagnostics));
    // Log messages and diagnostics come over one stream in order: nothing was loaded before the answer.
    assert.deepEqual(preloading.logs.filter((message) => PRELOADED.test(message)), []);
    await until(() => preloading.logs.some((message) => PRELOADED.test(message)), 20_000, 'the parser was not loaded in the background');

    await fresh.initialize();
    const expected = await terraformDiagnostics(fresh);
    assert.ok(expected[0]!.some((diagnostic) => diagnostic.code === 'IAM102'), JSON.stringify(expected[0]));
    assert.deepEqual(await terraformDiagnostics(preloading), expected);
    assert.equal(preloading.stderr, '');
  } finally {
    assert.equal(await preloading.close(), 0, preloading.stderr);
    assert.equal(await fresh.close(), 0, fresh.stderr);
  }
});

test('background work waits until the event loop has been quiet, not merely for a timer', async () => {
  let busyUntil = performance.now() + 600;
  let ranAt: number | undefined;
  // Keep the event loop busy in 20 ms slices for 600 ms, as a stream of requests would.
  await new Promise<void>((resolve) => {
    const slice = () => {
      const end = performance.now() + 20;
      while (performance.now() < end) {
        // Busy.
      }
      if (performance.now() < busyUntil) setImmediate(slice);
      else resolve();
    };
    whenIdle(() => (ranAt = performance.now()));
    slice();
  });
  busyUntil = performance.now();
  assert.equal(ranAt, undefined, 'ran while the loop was busy');
  await until(() => ranAt !== undefined, 5_000, 'never ran once the loop was quiet');
  assert.ok(ranAt! - busyUntil >= 150, `ran ${ranAt! - busyUntil} ms after the loop went quiet`);
});
