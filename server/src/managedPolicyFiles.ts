import * as fs from 'fs';
import * as path from 'path';
import { ManagedPolicies, type ManagedPolicySource } from '../../engine/src';

/**
 * A ManagedPolicySource reading the files scripts/build-managed-policies.mjs writes:
 * `<dir>/index.json` and `<dir>/chunks/<n>.json`. readIndex throws when the index is missing;
 * readChunk returns undefined for a missing chunk.
 */
export function fileManagedPolicySource(dir: string): ManagedPolicySource {
  return {
    readIndex: () => JSON.parse(fs.readFileSync(path.join(dir, 'index.json'), 'utf8')) as unknown,
    readChunk(chunk) {
      if (!Number.isInteger(chunk) || chunk < 0) return undefined;
      try {
        return JSON.parse(fs.readFileSync(path.join(dir, 'chunks', `${chunk}.json`), 'utf8')) as unknown;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw err;
      }
    },
  };
}

/** The managed policies shipped next to the bundled server and CLI (dist/managed-policies). */
export function defaultManagedPolicyDir(): string {
  return path.join(__dirname, 'managed-policies');
}

const loaded = new Map<string, ManagedPolicies>();

/** One lazily read instance per directory and process: nothing is read until the first lookup. */
export function loadManagedPolicies(dir = process.env.IAM_AUTHOR_MANAGED_POLICY_DIR || defaultManagedPolicyDir()): ManagedPolicies {
  let managed = loaded.get(dir);
  if (!managed) loaded.set(dir, (managed = new ManagedPolicies(fileManagedPolicySource(dir))));
  return managed;
}
