import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hover } from '../../src/hover';
import { lintDocument } from '../../src/rules/lintDocument';
import { realCatalog } from '../fixtures/catalog';
import { parseWithCursor, policy } from '../complete/cursor';

// Hovering an action the service does not have shows what the diagnostic says and what the entry
// might have meant, on the real catalogue.

const catalog = realCatalog();

const at = (action: string) => parseWithCursor(policy(`"Effect": "Allow", "Action": "${action}", "Resource": "*"`));

test('unknown action hover: s3:Put shows the diagnostic\'s suggestion and the candidates', () => {
  const { file, offset } = at('s3:P|ut');
  const result = hover(file, offset, catalog);
  assert.ok(result, 'no hover on s3:Put');
  const finding = lintDocument(file, catalog).find((f) => f.ruleId === 'IAM102');
  assert.ok(finding, 'no IAM102 finding');
  assert.ok(result.markdown.includes(finding.message), `the hover does not say what the diagnostic says (${finding.message}):\n${result.markdown}`);
  assert.match(finding.message, /Did you mean "s3:PutObject"\?/);
  assert.match(result.markdown, /- `s3:Put\*`: the \d+ actions whose names start with `Put` \(.*Write: \d+/);
  assert.match(result.markdown, /- `s3:PutObject` · Write — /);
  assert.deepEqual(result.span, finding.span, 'the hover covers the entry the diagnostic marks');
});

test('unknown action hover: a misspelling gets its correction, without a wildcard that matches one action', () => {
  const { file, offset } = at('s3:GetObjekt|');
  const markdown = hover(file, offset, catalog)?.markdown ?? '';
  assert.match(markdown, /Did you mean "s3:GetObject"\?/);
  assert.match(markdown, /- `s3:GetObject` · Read/);
  assert.doesNotMatch(markdown, /GetObjekt\*/);
});

test('unknown action hover: a name nothing resembles says so', () => {
  const { file, offset } = at('sqs:Zzzz|zzzzzz');
  const markdown = hover(file, offset, catalog)?.markdown ?? '';
  assert.match(markdown, /sqs has no action named Zzzzzzzzzz/);
  assert.doesNotMatch(markdown, /It might mean/);
});

test('unknown action hover: known actions, wildcards and unknown services keep their own hovers', () => {
  assert.match(hover(at('s3:GetOb|ject').file, at('s3:GetOb|ject').offset, catalog)?.markdown ?? '', /^\*\*s3:GetObject\*\* · Read/);
  assert.doesNotMatch(hover(at('s3:Put|*').file, at('s3:Put|*').offset, catalog)?.markdown ?? '', /IAM102/);
  assert.equal(hover(at('nosuchservice:P|ut').file, at('nosuchservice:P|ut').offset, catalog), undefined);
});
