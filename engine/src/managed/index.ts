export { ManagedPolicies, type ManagedPolicyInfo } from './managedPolicies';
export { inMemoryManagedPolicySource, type ManagedPolicySource } from './source';
export { managedPolicyArn, parseManagedPolicyArn, startsLikeManagedPolicyArn, type ManagedPolicyArn } from './arn';
export { readManagedPolicy, type ManagedPolicyFile } from './managedPolicyFile';
export { managedPolicyPlace, type ManagedPolicyPlace } from './place';
export { completeManagedPolicy } from './complete';
export { managedPolicyHover, managedPolicyMarkdown, managedPolicyDocumentUri, MANAGED_POLICY_SCHEME } from './hover';
export { roleManagedAttachments, type ManagedAttachments } from './roleAttachments';
