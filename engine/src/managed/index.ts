export { ManagedPolicies, type ManagedPolicyInfo } from './managedPolicies';
export { inMemoryManagedPolicySource, type ManagedPolicySource } from './source';
export { managedPolicyArn, parseManagedPolicyArn, startsLikeManagedPolicyArn, type ManagedPolicyArn } from './arn';
export { readManagedPolicy, type ManagedPolicyFile } from './managedPolicyFile';
