import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient } from './lspClient';
import { nextUri } from './lspFixtures';

// templatefile()'s templates through the server (JSON-RPC, a separate process): checked as JSON with
// what Terraform fills in unknown, whatever language the editor gives them; one that is not JSON until
// rendered gets no diagnostics at all (its %{ if } lines are the template's syntax, not errors).

const ROLE = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": ["s3:GetObjekt", "${service}:GetObject"], "Resource": "arn:${partition}:s3:::${bucket}/*" }\n  ]\n}\n';
const OPTIONAL = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObjekt","Resource":"*"}\n%{ if extra }\n,{"Effect":"Allow","Action":"s3:PutObject","Resource":"*"}\n%{ endif }\n]}\n';

let client: LspClient;

before(async () => {
  client = new LspClient();
  await client.initialize();
});

after(async () => {
  assert.equal(await client.close(), 0, client.stderr);
});

for (const [name, languageId] of [['role.tftpl', 'plaintext'], ['role.json.tpl', 'terraform'], ['role.tpl', 'json']] as const) {
  test(`${name} opened as ${languageId}: the template's own mistake, nothing on what Terraform fills in`, async () => {
    const uri = nextUri(name);
    const since = client.diagnostics.length;
    client.open(uri, ROLE, 1, languageId);
    const published = await client.waitForDiagnostics(uri, (params) => params.diagnostics.length > 0, since);
    assert.deepEqual(published.diagnostics.filter((diagnostic) => diagnostic.severity === 1).map((diagnostic) => diagnostic.code), ['IAM102']);
  });
}

test('a template with directives between its values: no diagnostics', async () => {
  const uri = nextUri('optional.tftpl');
  const since = client.diagnostics.length;
  client.open(uri, OPTIONAL, 1, 'plaintext');
  const published = await client.waitForDiagnostics(uri, () => true, since);
  assert.deepEqual(published.diagnostics, []);
});
