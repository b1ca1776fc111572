import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintDocument, parsePolicyFile } from '../../src';
import { fixtureCatalog } from '../fixtures/catalog';

// What a user sees while typing a key: the syntax error, not findings the parser's recovery made up.
const HALF_TYPED: [name: string, text: string][] = [
  ['a key without its closing quote, before the next key', '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Pri\n "Action":"s3:GetObject","Resource":"*"}]}'],
  ['a key without its colon', '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Ac "Action":"s3:GetObject","Resource":"*"}]}'],
  ['a key with its colon and no value', '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Co": }]}'],
  ['a key alone at the end of a statement', '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Co"}]}'],
  ['a key typed before Effect', '{"Version":"2012-10-17","Statement":[{"Si\n "Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}'],
];

for (const [name, text] of HALF_TYPED) {
  test(`${name}: IAM001 only, no unknown element and no missing element`, () => {
    const codes = lintDocument(parsePolicyFile(text), fixtureCatalog()).map((finding) => finding.ruleId);
    assert.ok(codes.includes('IAM001'), String(codes));
    for (const cascade of ['IAM009', 'IAM005', 'IAM006', 'IAM007']) assert.ok(!codes.includes(cascade), `${cascade} in ${codes}`);
  });
}

test('without a syntax error, unknown and missing elements are still reported', () => {
  const codes = lintDocument(parsePolicyFile('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Actions":"s3:GetObject"}]}'), fixtureCatalog()).map((finding) => finding.ruleId);
  for (const expected of ['IAM009', 'IAM006', 'IAM007']) assert.ok(codes.includes(expected), `${expected} missing from ${codes}`);
});
