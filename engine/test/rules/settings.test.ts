import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintFile, mergeRuleSettings, parsePolicyFile, parseProjectConfig, readRuleSettings } from '../../src';
import { fixtureCatalog } from '../fixtures/catalog';

test('readRuleSettings takes ids in any case and names, and keys them by id', () => {
  const { settings, problems } = readRuleSettings({ iam102: 'off', 'resource-mismatch': 'error', IAM301: 'hint' });
  assert.deepEqual(problems, []);
  assert.deepEqual(settings, { IAM102: 'off', IAM109: 'error', IAM301: 'hint' });
});

test('readRuleSettings reports unknown rules (with a suggestion) and bad values, and keeps the rest', () => {
  const { settings, problems } = readRuleSettings({ 'unknown-actoin': 'off', IAM102: 'loud', IAM109: 'warning', IAM999: 'off' });
  assert.deepEqual(settings, { IAM109: 'warning' });
  assert.deepEqual(
    problems.map((problem) => [problem.path, problem.part]),
    [
      [['unknown-actoin'], 'key'],
      [['IAM102'], 'value'],
      [['IAM999'], 'key'],
    ],
  );
  assert.match(problems[0]!.message, /did you mean "unknown-action"\?/);
  assert.match(problems[1]!.message, /must be one of "off", "error", "warning", "info", "hint"; got "loud"/);
});

test('readRuleSettings rejects what is not an object', () => {
  for (const value of ['off', 42, ['IAM102']]) {
    const { settings, problems } = readRuleSettings(value);
    assert.deepEqual(settings, {});
    assert.equal(problems.length, 1, JSON.stringify(value));
  }
  assert.deepEqual(readRuleSettings(undefined), { settings: {}, problems: [] });
});

test('mergeRuleSettings: later layers win rule by rule', () => {
  assert.deepEqual(mergeRuleSettings({ IAM102: 'off', IAM109: 'error' }, undefined, { IAM109: 'info' }), { IAM102: 'off', IAM109: 'info' });
});

test('parseProjectConfig reads rules, allows comments, and points problems at the key or value', () => {
  const text = '{\n  // team choices\n  "rules": { "IAM102": "off", "nope": "off", "IAM109": 3 },\n  "rulez": {}\n}';
  const config = parseProjectConfig(text);
  assert.deepEqual(config.rules, { IAM102: 'off' });
  const at = config.problems.map((problem) => text.slice(problem.span.offset, problem.span.offset + problem.span.length));
  assert.deepEqual(at, ['"nope"', '3', '"rulez"']);
});

test('parseProjectConfig on broken JSON and on a non-object gives problems, no rules', () => {
  for (const text of ['{"rules": {"IAM102": "off"', '[]', '"rules"']) {
    const config = parseProjectConfig(text);
    assert.ok(config.problems.length > 0, text);
  }
  assert.deepEqual(parseProjectConfig('{}'), { rules: {}, problems: [] });
});

test('settings read from a config file switch rules off and change severities in lintFile', () => {
  const file = parsePolicyFile('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObjekt","Resource":"*"}]}');
  const catalog = fixtureCatalog();
  const before = lintFile(file, catalog).filter((finding) => finding.ruleId === 'IAM102');
  assert.equal(before.length, 1);
  assert.equal(before[0]!.severity, 'error');
  const lowered = lintFile(file, catalog, { severities: parseProjectConfig('{"rules":{"unknown-action":"info"}}').rules });
  assert.deepEqual(lowered.filter((finding) => finding.ruleId === 'IAM102').map((finding) => finding.severity), ['info']);
  const off = lintFile(file, catalog, { severities: parseProjectConfig('{"rules":{"IAM102":"off"}}').rules });
  assert.deepEqual(off.filter((finding) => finding.ruleId === 'IAM102'), []);
});
