import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  describeAssumption,
  hasUnknown,
  isWhollyUnknown,
  isWritten,
  matchesMaybe,
  patternOf,
  renderValue,
  templateParts,
  templateString,
  UNKNOWN_MARK,
  unknownsIn,
  unknownValue,
} from '../../src/document/unknown';

const place = { span: { offset: 10, length: 40 }, path: ['Statement', 0, 'Resource'] };
const bucket = { source: 'Bucket', reason: 'a parameter without a default' };

describe('unknown template values', () => {
  it('builds a string of literal text and unknown parts', () => {
    const node = templateString(['arn:aws:s3:::', bucket, '/*'], place);
    assert.equal(node.value, `arn:aws:s3:::${UNKNOWN_MARK}/*`);
    assert.deepEqual(node.unknowns, [bucket]);
    assert.equal(node.origin, 'derived');
    assert.ok(hasUnknown(node));
    assert.ok(!isWhollyUnknown(node));
    assert.ok(!isWritten(node));
    assert.deepEqual(templateParts(node), ['arn:aws:s3:::', bucket, '/*']);
    assert.equal(renderValue(node), 'arn:aws:s3:::${Bucket}/*');
    assert.equal(patternOf(node), 'arn:aws:s3:::*/*');
  });

  it('a string without unknown parts is a plain string node', () => {
    const node = templateString(['arn:aws:s3:::', 'reports', '/*'], { ...place, origin: 'written' });
    assert.equal(node.value, 'arn:aws:s3:::reports/*');
    assert.equal(node.unknowns, undefined);
    assert.equal(node.origin, undefined);
    assert.ok(isWritten(node));
    assert.ok(!hasUnknown(node));
  });

  it('literal text never holds the mark', () => {
    const node = templateString([`a${UNKNOWN_MARK}b`], place);
    assert.ok(!node.value.includes(UNKNOWN_MARK));
    assert.ok(!hasUnknown(node));
  });

  it('a wholly unknown value', () => {
    const node = unknownValue({ source: 'module.storage.arn', reason: 'a module output' }, place);
    assert.ok(isWhollyUnknown(node));
    assert.equal(renderValue(node), '${module.storage.arn}');
  });

  it('matches yes, no or maybe', () => {
    const pattern = templateString(['arn:aws:s3:::', bucket, '/*'], place).value;
    assert.equal(matchesMaybe(pattern, 'arn:aws:s3:::reports/2026/x.csv'), 'maybe');
    // The literal "/*" after the unknown bucket rules the bucket itself out.
    assert.equal(matchesMaybe(pattern, 'arn:aws:s3:::reports'), 'no');
    assert.equal(matchesMaybe('arn:aws:s3:::reports/*', 'arn:aws:s3:::reports/x'), 'yes');
    assert.equal(matchesMaybe('arn:aws:s3:::reports/*', 'arn:aws:s3:::other/x'), 'no');
  });

  it('collects the unknowns below a node and describes assumptions', () => {
    const a = templateString(['arn:aws:s3:::', bucket], place);
    const b = unknownValue({ source: 'var.arn', reason: 'a variable without a default' }, place);
    const array = { kind: 'array' as const, items: [a, b], span: place.span, path: ['Resource'] };
    assert.deepEqual(unknownsIn(array).map((part) => part.source), ['Bucket', 'var.arn']);
    assert.equal(describeAssumption({ condition: 'IsProd', holds: false }), 'IsProd is false');
  });
});
