import * as fs from 'fs';
import * as path from 'path';
import type { CatalogIndex, CatalogSource } from '../../engine/src';

const SAFE_PREFIX = /^[a-z0-9-]+$/;

/**
 * A CatalogSource reading a catalogue directory written by scripts/build-catalog.mjs:
 * `<dir>/index.json` and `<dir>/services/<prefix>.json`. readIndex throws if the index is missing or
 * unreadable; readService returns undefined for a missing file or a prefix that is not [a-z0-9-]+
 * (which also rules out path traversal).
 */
export function fileCatalogSource(dir: string): CatalogSource {
  return {
    readIndex(): CatalogIndex {
      const file = path.join(dir, 'index.json');
      return JSON.parse(fs.readFileSync(file, 'utf8')) as CatalogIndex;
    },
    readService(prefix: string): unknown | undefined {
      const safe = prefix.toLowerCase();
      if (!SAFE_PREFIX.test(safe)) return undefined;
      let text: string;
      try {
        text = fs.readFileSync(path.join(dir, 'services', `${safe}.json`), 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw err;
      }
      return JSON.parse(text) as unknown;
    },
  };
}

/** The catalogue shipped next to the bundled server and CLI (dist/catalog beside dist/server.js). */
export function defaultCatalogDir(): string {
  return path.join(__dirname, 'catalog');
}
