import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { Catalog } from '../../engine/src';
import { defaultCatalogDir, fileCatalogSource } from './catalogFiles';

/**
 * Where the bundled programs find their files: dist/server.js and dist/cli.js sit next to dist/catalog,
 * and one level below the package root (package.json, docs/rules).
 */
export function packageRoot(): string {
  return path.join(__dirname, '..');
}

export function loadCatalog(dir = process.env.IAM_AUTHOR_CATALOG_DIR || defaultCatalogDir()): Catalog {
  return new Catalog(fileCatalogSource(dir));
}

export function toolVersion(): string {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version?: string };
    return manifest.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

const docsLinks = new Map<string, string>();

/** A rule's documentation page as a file URL, so it opens without network. */
export function ruleDocsLink(ruleId: string): string {
  // Every diagnostic carries one; building file URLs showed up in the first validation's profile.
  let link = docsLinks.get(ruleId);
  if (link === undefined) docsLinks.set(ruleId, (link = pathToFileURL(path.join(packageRoot(), 'docs', 'rules', `${ruleId}.md`)).href));
  return link;
}
