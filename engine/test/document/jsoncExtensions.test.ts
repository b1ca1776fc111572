import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findJsoncExtensions } from '../../src/document/jsoncExtensions';

const remove = (text: string, index = 0) => {
  const { removal } = findJsoncExtensions(text)[index]!;
  return text.slice(0, removal.offset) + text.slice(removal.offset + removal.length);
};

test('comments and trailing commas are found in order, never inside strings', () => {
  const text = '{\n  // a\n  "u": "https://x/*y*/", /* b */\n  "l": [1, 2,],\n}';
  assert.deepEqual(
    findJsoncExtensions(text).map((found) => [found.kind, text.slice(found.span.offset, found.span.offset + found.span.length)]),
    [['line comment', '// a'], ['block comment', '/* b */'], ['trailing comma', ','], ['trailing comma', ',']],
  );
  assert.deepEqual(findJsoncExtensions('{"a": "//", "b": ["/*", ",]"]}'), []);
});

test('a comment alone on its line goes with the line; one after code takes the blanks before it', () => {
  assert.equal(remove('{\n  // a\n  "x": 1\n}'), '{\n  "x": 1\n}');
  assert.equal(remove('{\r\n  // a\r\n  "x": 1\r\n}'), '{\r\n  "x": 1\r\n}');
  assert.equal(remove('{\n  "x": 1, // a\n  "y": 2\n}'), '{\n  "x": 1,\n  "y": 2\n}');
  assert.equal(remove('{"x": /* a */ 1}'), '{"x": 1}');
  assert.equal(remove('{"x": 1}\n// end'), '{"x": 1}\n');
  assert.equal(remove('[1, 2 , ]'), '[1, 2  ]');
});

test('a comma before a comment before the bracket is still trailing', () => {
  const text = '[1, // last\n]';
  assert.deepEqual(findJsoncExtensions(text).map((found) => found.kind), ['trailing comma', 'line comment']);
});

test('an unterminated block comment ends with the text', () => {
  const text = '{"Action": ["s3:*", /*';
  const [comment] = findJsoncExtensions(text);
  assert.equal(comment?.span.offset, 20);
  assert.equal(comment.span.offset + comment.span.length, text.length);
  assert.ok(comment.removal.offset + comment.removal.length <= text.length);
});
