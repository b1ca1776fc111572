import type { PolicyType } from '../document/model';
import { parsePolicyFile, type PolicyFile } from '../document/policyFile';
import type { ManagedPolicies, ManagedPolicyInfo } from './managedPolicies';

/** A managed policy read like a file: its document text (as documentText gives it) parsed with spans. */
export interface ManagedPolicyFile {
  readonly info: ManagedPolicyInfo;
  readonly file: PolicyFile;
}

/**
 * The managed policy named by an ARN or name, parsed as a policy of the given type (an AWS managed
 * policy is an identity policy unless used as a boundary), or undefined when unknown.
 */
export function readManagedPolicy(managed: ManagedPolicies, arnOrName: string, type: PolicyType = 'identity'): ManagedPolicyFile | undefined {
  const info = managed.find(arnOrName);
  const text = info && managed.documentText(info.name);
  if (!info || text === undefined) return undefined;
  return { info, file: parsePolicyFile(text, { fileName: `${info.name}.json`, type }) };
}
