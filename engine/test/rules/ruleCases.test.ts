import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { loadTestHcl } from '../fixtures/hcl';
import { fixtureCatalog } from '../fixtures/catalog';
import { ALL_CASES } from './cases';
import { caseText, lintCase, pathOf, type RuleCase } from './harness';

const catalog = fixtureCatalog();

// Some tables and docs examples are Terraform files.
before(loadTestHcl);

function label(testCase: RuleCase, index: number): string {
  return testCase.name ?? `#${index + 1}: ${caseText(testCase).replace(/\s+/g, ' ').slice(0, 90)}`;
}

for (const table of ALL_CASES) {
  describe(`rule ${table.rule}`, () => {
    table.valid.forEach((testCase, index) => {
      it(`valid ${label(testCase, index)}`, () => {
        const { findings } = lintCase(testCase, catalog);
        const mine = findings.filter((finding) => finding.ruleId === table.rule);
        assert.deepEqual(mine.map((finding) => `${pathOf(finding)}: ${finding.message}`), []);
      });
    });
    table.invalid.forEach((testCase, index) => {
      it(`invalid ${label(testCase, index)}`, () => {
        const { file, findings } = lintCase(testCase, catalog);
        const mine = findings.filter((finding) => finding.ruleId === table.rule);
        assert.deepEqual(mine.map(pathOf).sort(), [...testCase.paths].sort());
        for (const finding of mine) {
          // The narrowest range: inside the document, never the whole of it unless it is one character.
          assert.ok(finding.span.offset >= 0 && finding.span.offset + finding.span.length <= file.text.length, 'span inside the text');
          assert.ok(finding.span.length >= 1, 'span not empty');
          assert.ok(finding.span.length < file.text.length, `span narrower than the document: ${finding.message}`);
          assert.match(finding.message, /[:.?]/, 'message says what to do');
        }
      });
    });
  });
}
