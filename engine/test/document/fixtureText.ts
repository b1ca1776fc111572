import * as fs from 'fs';
import * as path from 'path';
import type { Span } from '../../src/document';

/** The repository root, found from the compiled test's folder (out/engine/test/...) by walking up to package.json. */
export function repoRoot(): string {
  let directory = __dirname;
  while (!fs.existsSync(path.join(directory, 'package.json'))) {
    const parent = path.dirname(directory);
    if (parent === directory) throw new Error(`no package.json above ${__dirname}`);
    directory = parent;
  }
  return directory;
}

/** A sample file from engine/test/fixtures/files (tsc does not copy JSON into out/, so read the source tree). */
export function fixtureText(name: string): string {
  return fs.readFileSync(path.join(repoRoot(), 'engine', 'test', 'fixtures', 'files', name), 'utf8');
}

export function textAt(text: string, span: Span): string {
  return text.slice(span.offset, span.offset + span.length);
}
