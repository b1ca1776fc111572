import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJson, parseTolerantJson } from '../../src/document/parseJson';
import { parseStrictJson } from '../../src/document/strictJson';
import { CORPUS } from '../robustness/corpus';

/** Plain JSON: the strict reader takes it and must build exactly the tree jsonc-parser's path builds. */
const STRICT: readonly [name: string, text: string][] = [
  ['a policy', '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:List*"],"Resource":"*"}]}'],
  ['pretty-printed with tabs and CRLF', '{\r\n\t"Statement": [\r\n\t\t{ "Effect": "Deny" }\r\n\t]\r\n}'],
  ['empty containers', '{"a":{},"b":[],"c":[{}, []]}'],
  ['every scalar', '{"s":"x","n":-12.5e+3,"z":0,"neg0":-0,"f":1E400,"t":true,"fa":false,"nu":null}'],
  ['numbers as written', '[10.0, 1e1, 0.5, -0.0, 123456789012345678901234567890]'],
  ['escapes', '{"k\\"ey":"a\\\\b\\/c\\n\\t\\u00e9\\ud83d\\ude00\\ud800"}'],
  ['unescaped unicode and U+2028', '{"ü":"日本\u2028\u2029😀"}'],
  ['a repeated key', '{"Effect":"Allow","Effect":"Deny"}'],
  ['a scalar root', '  "just a string"  '],
  ['a number root', '42'],
  ['keyword roots', 'null'],
  ['an empty key', '{"":""}'],
  ['200-deep arrays', `${'['.repeat(200)}${']'.repeat(200)}`],
];

/** Everything else goes to the tolerant path: comments, trailing commas, errors, unusual whitespace. */
const NOT_STRICT: readonly [name: string, text: string][] = [
  ['empty text', ''],
  ['only whitespace', '  \n '],
  ['a line comment', '{"a": 1 // note\n}'],
  ['a block comment', '{/* c */"a": 1}'],
  ['a trailing comma in an object', '{"a": 1,}'],
  ['a trailing comma in an array', '[1, 2,]'],
  ['a missing comma', '{"a": 1 "b": 2}'],
  ['a missing value', '{"Effect":}'],
  ['an unterminated string', '{"a": "b'],
  ['a raw newline in a string', '{"a": "b\nc"}'],
  ['a bad escape', '{"a": "\\x"}'],
  ['a short unicode escape', '{"a": "\\u12"}'],
  ['a leading zero', '[01]'],
  ['a bare minus', '[-]'],
  ['a dot without digits', '[1.]'],
  ['an exponent without digits', '[1e]'],
  ['a keyword run on', '[truex]'],
  ['a number run on', '[1a]'],
  ['single quotes', "{'a': 1}"],
  ['a byte-order mark', '\uFEFF{"a": 1}'],
  ['a non-breaking space', '{"a":\u00A01}'],
  ['a vertical tab', '{"a":\u000B1}'],
  ['text after the root', '{"a": 1} x'],
  ['a second root', '{} {}'],
  ['an unclosed object', '{"a": 1'],
  ['nesting past the strict limit', `${'['.repeat(201)}${']'.repeat(201)}`],
];

test('plain JSON takes the strict path and gets the same tree as the tolerant path', () => {
  for (const [name, text] of STRICT) {
    const strict = parseStrictJson(text);
    assert.ok(strict, `${name} is read by the strict path`);
    const tolerant = parseTolerantJson(text);
    assert.deepEqual(tolerant.syntaxProblems, [], `${name} has no problems`);
    assert.deepEqual(strict, tolerant.root, name);
    assert.deepEqual(parseJson(text), tolerant, name);
  }
});

test('anything but plain JSON is left to the tolerant path, whose result parseJson returns', () => {
  for (const [name, text] of NOT_STRICT) {
    assert.equal(parseStrictJson(text), undefined, name);
    assert.deepEqual(parseJson(text), parseTolerantJson(text), name);
  }
});

test('the corpus documents, compact and pretty-printed, parse the same on both paths', () => {
  // The JSON-with-comments entries have no plain form to compare.
  const plain = CORPUS.flatMap((entry) => {
    try {
      return [{ name: entry.name, text: entry.text, value: JSON.parse(entry.text) as unknown }];
    } catch {
      return [];
    }
  });
  assert.ok(plain.length >= 5, `${plain.length} plain corpus documents`);
  for (const { name, text: original, value } of plain) {
    for (const text of [original, JSON.stringify(value), JSON.stringify(value, null, '\t')]) {
      const strict = parseStrictJson(text);
      assert.ok(strict, name);
      assert.deepEqual(strict, parseTolerantJson(text).root, name);
    }
  }
});

test('every prefix of a policy parses the same as the tolerant path would (half-typed documents)', () => {
  const text = CORPUS[0]!.text;
  for (let end = 0; end <= text.length; end += 7) {
    const prefix = text.slice(0, end);
    assert.deepEqual(parseJson(prefix), parseTolerantJson(prefix), `prefix of ${end} characters`);
  }
});
