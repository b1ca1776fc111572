import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parsePolicyFile } from '../../src/document';
import { hover } from '../../src/hover';
import { fixtureCatalog } from '../fixtures/catalog';

const catalog = fixtureCatalog();
const TEXT = readFileSync(path.resolve(__dirname, '../../../../engine/test/fixtures/templates/sub-arns.yaml'), 'utf8');
const file = parsePolicyFile(TEXT, { fileName: 'sub-arns.yaml' });
const at = (needle: string, within: number) => hover(file, TEXT.indexOf(needle) + within, catalog)?.markdown ?? '';

test('${Name} in a !Sub is a template value, not a policy variable', () => {
  const defaulted = at('${BucketName}/*"', 3);
  assert.match(defaulted, /\*\*Template value\*\* `\$\{BucketName\}`/);
  assert.match(defaulted, /The string becomes `arn:aws:s3:::acme-uploads\/\*`/);
  assert.doesNotMatch(defaulted, /Policy variable/);
  const unknown = at('${TableName}', 3);
  assert.match(unknown, /- `TableName`: a parameter without a default/);
});

test('a value with unknown parts says which and why', () => {
  const markdown = at('!Ref KeyArn', 6);
  assert.match(markdown, /\*\*Template value\*\* `\$\{KeyArn\}`/);
  assert.match(markdown, /- `KeyArn`: a parameter without a default/);
  assert.match(at('!ImportValue', 4), /an output of another stack/);
});

test('a value the template resolves completely gets the hover of what it resolves to', () => {
  assert.match(at('!GetAtt Uploads.Arn', 10), /s3/i);
  assert.doesNotMatch(at('!GetAtt Uploads.Arn', 10), /Template value/);
});
