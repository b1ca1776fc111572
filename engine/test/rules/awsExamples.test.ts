import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { realCatalog } from '../fixtures/catalog';
import { AWS_EXAMPLES } from './awsExamples';
import { lintCase, pathOf } from './harness';

describe('AWS documentation examples produce no error-level finding (real catalogue)', () => {
  const catalog = realCatalog();
  for (const example of AWS_EXAMPLES) {
    it(example.name, () => {
      const errors = lintCase(example, catalog).findings.filter((finding) => finding.severity === 'error');
      assert.deepEqual(errors.map((finding) => `${finding.ruleId} ${pathOf(finding)}: ${finding.message}`), []);
    });
  }
});
