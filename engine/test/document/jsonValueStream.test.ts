import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isJsonValueStream } from '../../src/document';

test('objects and arrays one after another, none a policy, are a data stream', () => {
  assert.equal(isJsonValueStream('{"a":1}\n{"a":2}\n'), true);
  assert.equal(isJsonValueStream('{"Item":\n{"id":{"N":"01"}}}\n\n{"Item":\n{"id":{"N":"02"}}}'), true);
  assert.equal(isJsonValueStream('[1,2]\n{"b":[{"c":"}{"}]}'), true, 'braces inside strings do not end a value');
  assert.equal(isJsonValueStream('{"a":1} // first\n{"a":2}'), true, 'a comment between the values');
});

test('anything else is not', () => {
  const cases = {
    'one object': '{"a":1}',
    empty: '',
    'a comma between': '{"a":1},{"a":2}',
    'a scalar between': '{"a":1} 3 {"a":2}',
    'scalars only': '1\n2\n',
    'a key at the top level': '"Version": "2012-10-17", {"Statement": []}',
    'an unclosed object': '{"a":1}\n{"a":2',
    'a stray closing brace': '{"a":1}}\n{"a":2}',
    'a broken value': '{"a":1}\n{"a":}',
    'a comment inside a value': '{"a":1}\n{"a": /* two */ 2}',
    'two policies': '{"Statement":[]}\n{"Statement":[]}',
    'a policy after data': '{"a":1}\n{"statement":[]}',
  };
  for (const [name, text] of Object.entries(cases)) assert.equal(isJsonValueStream(text), false, name);
});

test('a deeply nested stream is scanned without recursion', () => {
  const deep = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
  assert.equal(isJsonValueStream(`${deep}\n${deep}`), true);
});
