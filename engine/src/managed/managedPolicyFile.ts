import type { PolicyType } from '../document/model';
import { parsePolicyFile, type PolicyFile } from '../document/policyFile';
import type { ManagedPolicies, ManagedPolicyInfo } from './managedPolicies';

/** A managed policy read like a file: its document text (as documentText gives it) parsed with spans. */
export interface ManagedPolicyFile {
  readonly info: ManagedPolicyInfo;
  readonly file: PolicyFile;
}

/**
 * Parsed managed policies per data set, by name and type: the same parsed policy each time, so what
 * is derived from it (its summary, its compiled statements) is computed once. The data set lives as
 * long as the process; a WeakMap keyed by it holds no young objects.
 */
const parsed = new WeakMap<ManagedPolicies, Map<string, ManagedPolicyFile>>();

/**
 * The managed policy named by an ARN or name, parsed as a policy of the given type (an AWS managed
 * policy is an identity policy unless used as a boundary), or undefined when unknown.
 */
export function readManagedPolicy(managed: ManagedPolicies, arnOrName: string, type: PolicyType = 'identity'): ManagedPolicyFile | undefined {
  const info = managed.find(arnOrName);
  if (!info) return undefined;
  let cache = parsed.get(managed);
  if (!cache) parsed.set(managed, (cache = new Map()));
  const key = `${type}:${info.name}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const text = managed.documentText(info.name);
  if (text === undefined) return undefined;
  const read = { info, file: parsePolicyFile(text, { fileName: `${info.name}.json`, type }) };
  cache.set(key, read);
  return read;
}
