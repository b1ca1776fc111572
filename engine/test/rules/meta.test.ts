import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { loadTestHcl } from '../fixtures/hcl';
import { RULES } from '../../src/rules/registry';
import { fixtureCatalog } from '../fixtures/catalog';
import { ALL_CASES } from './cases';
import { pageExample, readRulePage, rulesDocsDir } from './docsPages';
import { lintCase } from './harness';
import * as fs from 'fs';
import * as path from 'path';

const catalog = fixtureCatalog();

// Some tables and docs examples are Terraform files.
before(loadTestHcl);

describe('rule registry', () => {
  it('is sorted by id', () => {
    const ids = RULES.map((rule) => rule.meta.id);
    assert.deepEqual(ids, [...ids].sort());
  });

  it('has unique ids and names', () => {
    const ids = RULES.map((rule) => rule.meta.id);
    const names = RULES.map((rule) => rule.meta.name);
    assert.equal(new Set(ids).size, ids.length, `duplicate ids: ${ids.filter((id, i) => ids.indexOf(id) !== i)}`);
    assert.equal(new Set(names).size, names.length, `duplicate names: ${names.filter((n, i) => names.indexOf(n) !== i)}`);
  });

  it('uses the id scheme and kebab-case names', () => {
    for (const { meta } of RULES) {
      assert.match(meta.id, /^IAM[0-4]\d\d$/, meta.id);
      assert.match(meta.name, /^[a-z0-9]+(-[a-z0-9]+)*$/, meta.name);
      assert.ok(meta.description.length > 20, `${meta.id} needs a description`);
    }
  });

  it('keeps the foundation ids and names stable', () => {
    const stable: Record<string, string> = {
      IAM001: 'json-syntax',
      IAM002: 'missing-version',
      IAM003: 'invalid-version',
      IAM004: 'invalid-statement',
      IAM005: 'invalid-effect',
      IAM006: 'invalid-action',
      IAM007: 'invalid-resource',
      IAM008: 'invalid-principal',
      IAM101: 'unknown-service',
      IAM102: 'unknown-action',
      IAM103: 'action-wildcard-matches-nothing',
    };
    for (const [id, name] of Object.entries(stable)) assert.equal(RULES.find((rule) => rule.meta.id === id)?.meta.name, name, id);
  });
});

describe('every rule has', () => {
  const index = fs.readFileSync(path.join(rulesDocsDir(), 'README.md'), 'utf8');
  for (const { meta } of RULES) {
    it(`${meta.id}: a docs page, an index entry and valid + invalid test cases`, () => {
      const page = readRulePage(meta.id);
      assert.ok(page, `docs/rules/${meta.id}.md is missing`);
      assert.ok(page.startsWith(`# ${meta.id} ${meta.name}\n`), `docs/rules/${meta.id}.md must start with "# ${meta.id} ${meta.name}"`);
      for (const section of ['## Why', '## Bad', '## Good', '## Fix']) assert.ok(page.includes(section), `${meta.id}.md lacks ${section}`);
      assert.ok(index.includes(`[${meta.id}](${meta.id}.md) | ${meta.name} |`), `docs/rules/README.md lacks ${meta.id}: run node scripts/gen-rule-docs.mjs`);
      const table = ALL_CASES.find((cases) => cases.rule === meta.id);
      assert.ok(table, `no test table for ${meta.id}`);
      assert.ok(table.valid.length > 0 && table.invalid.length > 0, `${meta.id} needs valid and invalid cases`);
    });
  }

  it('no test table for a rule that does not exist', () => {
    const ids = new Set(RULES.map((rule) => rule.meta.id));
    assert.deepEqual(ALL_CASES.filter((cases) => !ids.has(cases.rule)).map((cases) => cases.rule), []);
  });
});

describe('docs examples', () => {
  for (const { meta } of RULES) {
    it(`${meta.id}: the bad example triggers the rule and the good one does not`, () => {
      const page = readRulePage(meta.id) ?? '';
      const bad = pageExample(page, 'Bad');
      const good = pageExample(page, 'Good');
      assert.ok(bad && good, `${meta.id}.md needs a json example under Bad and under Good`);
      assert.ok(lintCase(bad, catalog).findings.some((finding) => finding.ruleId === meta.id), `${meta.id}'s bad example is not reported`);
      assert.deepEqual(lintCase(good, catalog).findings.filter((finding) => finding.ruleId === meta.id).map((finding) => finding.message), []);
    });
  }
});
