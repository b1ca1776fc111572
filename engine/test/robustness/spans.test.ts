import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintFile, parsePolicyFile, type Span, type ValueNode } from '../../src';
import { realCatalog } from '../fixtures/catalog';

// Regressions the fuzzer found: jsonc-parser ends a container (and its error) left open by an
// unterminated block comment one character past the text, and IAM001 widened an empty problem at
// the very end to one character. Every span must stay inside the document.

function inside(span: Span, text: string): boolean {
  return span.offset >= 0 && span.length >= 0 && span.offset + span.length <= text.length;
}

function* spans(node: ValueNode | undefined): Generator<Span> {
  if (!node) return;
  yield node.span;
  if (node.kind === 'array') for (const item of node.items) yield* spans(item);
  if (node.kind === 'object') {
    for (const property of node.properties) {
      yield property.span;
      yield property.keySpan;
      yield* spans(property.value);
    }
  }
}

const CASES: [name: string, text: string][] = [
  ['an unterminated block comment after a statement', '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject" /* unfinished'],
  ['an unterminated block comment inside an array', '{"Statement":[{"Effect":"Allow","Action":["s3:*", /*'],
  ['a document cut after a colon', '{"Statement":[{"Effect":'],
  ['a lone opening brace', '{'],
  ['an empty document', ''],
];

describe('every span stays inside the text', () => {
  const catalog = realCatalog();
  for (const [name, text] of CASES) {
    it(name, () => {
      const file = parsePolicyFile(text, { fileName: 'policy.json' });
      for (const span of spans(file.root)) assert.ok(inside(span, text), `node span ${JSON.stringify(span)} in ${text.length} chars`);
      for (const problem of file.syntaxProblems) assert.ok(inside(problem, text), `syntax problem ${JSON.stringify(problem)}`);
      for (const finding of lintFile(file, catalog)) assert.ok(inside(finding.span, text), `${finding.ruleId} ${JSON.stringify(finding.span)}`);
    });
  }
});
