import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MemoSlot, memoized } from '../../src/document/memo';
import { parsePolicyFile } from '../../src/document';

describe('memoized', () => {
  it('computes once per owner and slot', () => {
    const slot = new MemoSlot<number>('count');
    const other = new MemoSlot<number>('other');
    const owner = {};
    let calls = 0;
    const compute = () => ++calls;
    assert.equal(memoized(owner, slot, compute), 1);
    assert.equal(memoized(owner, slot, compute), 1);
    assert.equal(memoized(owner, other, compute), 2);
    assert.equal(memoized({}, slot, compute), 3);
    assert.equal(calls, 3);
  });

  it('remembers undefined as an answer', () => {
    const slot = new MemoSlot<undefined>('nothing');
    const owner = {};
    let calls = 0;
    memoized(owner, slot, () => void calls++);
    memoized(owner, slot, () => void calls++);
    assert.equal(calls, 1);
  });

  it('leaves the owner equal to an untouched copy and out of its JSON', () => {
    const text = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}';
    const touched = parsePolicyFile(text).policies[0]!;
    const untouched = parsePolicyFile(text).policies[0]!;
    memoized(touched, new MemoSlot<string>('x'), () => 'derived');
    memoized(touched.statements[0]!, new MemoSlot<string>('y'), () => 'derived');
    assert.deepEqual(touched, untouched);
    assert.equal(JSON.stringify(touched), JSON.stringify(untouched));
    assert.deepEqual(Object.keys(touched), Object.keys(untouched));
  });
});
