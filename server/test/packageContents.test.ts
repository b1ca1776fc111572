import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from './lspClient';

// What the .vsix holds, as vsce lists it: the extension page renders README.md from the installed
// package, so every image the README shows must be inside it; rule pages open from docs/rules.

test('the package ships every image the README shows, and the rule pages', () => {
  const root = repoRoot();
  const listed = spawnSync(process.execPath, [path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' });
  assert.equal(listed.status, 0, listed.stderr);
  const files = new Set(listed.stdout.split('\n').map((line) => line.trim()).filter(Boolean));
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((match) => match[1]!).filter((target) => !/^[a-z]+:/i.test(target));
  assert.ok(images.length > 0, 'the README shows no image');
  for (const image of images) assert.ok(files.has(image), `${image} is not in the package`);
  assert.ok(files.has('docs/rules/IAM102.md'));
});
