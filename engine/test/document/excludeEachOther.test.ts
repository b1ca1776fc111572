import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { StringNode } from '../../src/document/tree';
import { excludeEachOther, type Assumption } from '../../src/document/unknown';

const node = (...assumptions: Assumption[]): StringNode => ({ kind: 'string', value: 'x', span: { offset: 0, length: 1 }, path: [], ...(assumptions.length ? { assumptions } : {}) });
const holds = (condition: string, value = true): Assumption => ({ condition, holds: value });

test('excludeEachOther: the two branches of one condition exclude each other', () => {
  assert.equal(excludeEachOther(node(holds('IsProd')), node(holds('IsProd', false))), true);
  assert.equal(excludeEachOther(node(holds('IsProd'), holds('InEu')), node(holds('InEu', false))), true);
});

test('excludeEachOther: values that may exist together do not', () => {
  assert.equal(excludeEachOther(node(), node(holds('IsProd'))), false, 'a value without assumptions exists in every branch');
  assert.equal(excludeEachOther(node(holds('IsProd')), node(holds('IsProd'))), false);
  assert.equal(excludeEachOther(node(holds('IsProd')), node(holds('InEu', false))), false, 'different conditions may both hold');
});
