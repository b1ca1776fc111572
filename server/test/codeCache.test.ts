import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { cacheKey, compileModule, type CacheState } from '../src/codeCache';
import { BUNDLE_MARKER, commentOutBundle, embeddedBundle } from '../src/embeddedBundle';

let dir: string;
before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iam-author-code-cache-'))));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

// A module with a lazily compiled function, so the cache holds more than the top level.
const BODY = 'function twice(x) { return x * 2; }\nmodule.exports.answer = twice(21);\nmodule.exports.where = () => new Error("here").stack;';

interface Outcome {
  readonly state: CacheState;
  readonly answer: number;
  readonly saved: boolean | null;
  readonly where: string;
}

/**
 * Compiles and runs `body` in a fresh process: within one process V8 finds a script it has compiled
 * before in its own memory and never looks at the cache file, which would make these tests vacuous.
 */
function runModule(body: string, file: string | undefined, { key = 'key-1', save = false } = {}): Outcome {
  const script = `
    const { compileModule } = require(${JSON.stringify(path.join(__dirname, '..', 'src', 'codeCache.js'))});
    const [body, file, key, save] = JSON.parse(process.argv[1]);
    const compiled = compileModule(body, 'bundle.js', file ? { path: file, key } : undefined, 10);
    const module = { exports: {} };
    compiled.run(module.exports, require, module, 'bundle.js', '.');
    const saved = save ? compiled.save() : null;
    console.log(JSON.stringify({ state: compiled.state, answer: module.exports.answer, saved, where: module.exports.where() }));`;
  const result = spawnSync(process.execPath, ['-e', script, JSON.stringify([body, file, key, save])], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout) as Outcome;
}

describe('compileModule', () => {
  const table: [name: string, prepare: (file: string) => void, expected: CacheState][] = [
    ['no cache file yet', () => undefined, 'absent'],
    ['a cache saved for this key', (file) => runModule(BODY, file, { save: true }), 'used'],
    ['a cache saved for another bundle or runtime', (file) => runModule(BODY, file, { key: 'key-0', save: true }), 'stale'],
    ['a file that is not a cache', (file) => fs.writeFileSync(file, 'not a cache'), 'stale'],
    ['the right header before data V8 refuses', (file) => fs.writeFileSync(file, `iam-author code cache\nkey-1\n${'x'.repeat(200)}`), 'rejected'],
  ];
  for (const [name, prepare, expected] of table) {
    it(`${name}: ${expected}, and the module runs the same`, () => {
      const file = path.join(dir, `${name.replace(/\W+/g, '-')}.v8cache`);
      prepare(file);
      const outcome = runModule(BODY, file);
      assert.equal(outcome.state, expected);
      assert.equal(outcome.answer, 42);
    });
  }

  it('saves a cache the next start uses, and does not rewrite a used one', () => {
    const file = path.join(dir, 'roundtrip.v8cache');
    assert.deepEqual([runModule(BODY, file, { save: true }).saved, runModule(BODY, file, { save: true }).saved], [true, false]);
    assert.equal(runModule(BODY, file).state, 'used');
    assert.deepEqual(fs.readdirSync(dir).filter((name) => name.endsWith('.tmp')), [], 'no temporary file is left behind');
  });

  it('does not trust a cache for other code of the same length', () => {
    const file = path.join(dir, 'same-length.v8cache');
    runModule(BODY, file, { key: cacheKey('aaaa'), save: true });
    const outcome = runModule(BODY.replace('x * 2', 'x * 3'), file, { key: cacheKey('bbbb') });
    assert.deepEqual([outcome.state, outcome.answer], ['stale', 63]);
  });

  it('without a cache file, compiles and never writes', () => {
    const outcome = runModule(BODY, undefined, { save: true });
    assert.deepEqual([outcome.state, outcome.answer, outcome.saved], ['disabled', 42, false]);
  });

  it('treats an unwritable cache location as no cache', () => {
    const outcome = runModule(BODY, path.join(dir, 'missing-directory', 'bundle.v8cache'), { save: true });
    assert.deepEqual([outcome.state, outcome.saved], ['absent', false]);
  });

  it('names in stack traces the line of the file the body starts at', () => {
    // The body starts at line 10 (0-based), so its third line is line 13 of the file.
    assert.match(runModule(BODY, undefined).where, /bundle\.js:13:/);
  });
});

describe('embedded bundle', () => {
  const launcher = `#!/usr/bin/env node\nconst marker = "\\n${BUNDLE_MARKER}\\n";\nrun();\n`;
  const body = 'var a = `two\nlines`;\r\nvar b = "//not a comment";\n\nconsole.log(a, b);';

  it('round-trips through the commented form, with line breaks as a template literal reads them', () => {
    const found = embeddedBundle(launcher + commentOutBundle(body));
    assert.deepEqual(found, { body: body.replace(/\r\n/g, '\n'), lineOffset: 4 });
  });

  it('every bundle line is a comment, so the file parses as the launcher alone', () => {
    const text = commentOutBundle(body);
    assert.ok(text.split('\n').every((line) => line === '' || line.startsWith('//')));
    assert.doesNotThrow(() => new Function(text));
  });

  const malformed: [name: string, text: string][] = [
    ['no marker', launcher],
    ['a line that is not a comment', `${launcher}${BUNDLE_MARKER}\n//var a;\nvar b;\n`],
  ];
  for (const [name, text] of malformed) {
    it(`finds nothing in a file with ${name}`, () => assert.equal(embeddedBundle(text), undefined));
  }

  it('refuses a bundle with a line separator, which would end a comment early', () => {
    assert.throws(() => commentOutBundle('var s = 1; // a\u2028b'), /U\+2028/);
    assert.equal(embeddedBundle(`${launcher}${commentOutBundle('// caf\u00e9\nvar s = "\\u2028";')}`)?.body, '// caf\u00e9\nvar s = "\\u2028";');
  });

  it('dist/server.js carries its bundle in that form', () => {
    const text = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'dist', 'server.js'), 'utf8');
    const found = embeddedBundle(text);
    assert.ok(found, 'no embedded bundle');
    assert.equal(text.split('\n')[found.lineOffset], `//${found.body.split('\n')[0]}`);
    assert.match(found.body, /createConnection|onInitialize/);
  });
});
