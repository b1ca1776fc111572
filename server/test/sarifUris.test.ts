import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { artifactUri } from '../src/cli/formatSarif';
import { parseJsonOutput, runCli, tempFolder } from './cliRunner';
import { sarifSchemaErrors } from './sarifSchema';

const BAD = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObjekt', Resource: '*' }] }, null, 2);
const NAMES = ['with space.json', 'hash#1.json', 'percent%41.json', 'query?x.json', 'déjà vu.json', 'colon:first.json', "quote'(x).json"];

describe('SARIF: artifact URIs are percent-encoded and every log is valid SARIF 2.1.0', () => {
  it('the schema check can fail', () => {
    assert.ok(sarifSchemaErrors({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'a b#c.json' } } }] }] }] }).length > 0, 'a raw space is not a uri-reference');
    assert.ok(sarifSchemaErrors({ version: '2.0.0', runs: [] }).length > 0);
  });

  it('relative paths: each URI resolves back to the file it names', () => {
    const files = Object.fromEntries(NAMES.filter((name) => process.platform !== 'win32' || !/[?:]/.test(name)).map((name) => [`sub dir/${name}`, BAD]));
    const folder = tempFolder(files);
    try {
      const result = runCli(folder.dir, ['check', '--format', 'sarif', 'sub dir']);
      assert.equal(result.status, 1, result.stderr);
      const sarif = parseJsonOutput(result);
      assert.deepEqual(sarifSchemaErrors(sarif), []);
      const uris: string[] = sarif.runs[0].results.map((entry: any) => entry.locations[0].physicalLocation.artifactLocation.uri);
      assert.equal(uris.length, Object.keys(files).length);
      const base = new URL(`file://${folder.dir.split(path.sep).join('/')}/`);
      for (const uri of uris) {
        assert.doesNotMatch(uri, /[ #?]|%(?![0-9A-F]{2})|[^\x21-\x7e]/, uri);
        const resolved = fileURLToPath(new URL(uri, base));
        assert.ok(fs.existsSync(resolved), `${uri} resolves to ${resolved}`);
      }
    } finally {
      folder.cleanup();
    }
  });

  it('absolute paths become file: URIs of the same file', () => {
    const folder = tempFolder({ 'a b/déjà #1.json': BAD });
    try {
      const file = path.join(folder.dir, 'a b', 'déjà #1.json');
      const sarif = parseJsonOutput(runCli(folder.dir, ['check', '--format', 'sarif', file]));
      assert.deepEqual(sarifSchemaErrors(sarif), []);
      const uri = sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri;
      assert.match(uri, /^file:\/\//);
      assert.equal(fileURLToPath(uri), file);
    } finally {
      folder.cleanup();
    }
  });

  it('artifactUri encodes each segment and keeps the separators', () => {
    assert.equal(artifactUri('policies/with space/a#b%c?.json'), 'policies/with%20space/a%23b%25c%3F.json');
    assert.equal(artifactUri('c:x/é.json'), 'c%3Ax/%C3%A9.json');
    assert.equal(artifactUri("it's (1).json"), 'it%27s%20%281%29.json');
  });
});
