import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withThousands } from '../../src/rules/grammar/policySize';

test('withThousands groups digits as en-US does', () => {
  for (const value of [0, 7, 999, 1000, 6144, 20480, 123456, 1234567, 10000000]) {
    assert.equal(withThousands(value), value.toLocaleString('en-US'), String(value));
  }
});
