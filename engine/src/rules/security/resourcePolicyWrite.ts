import type { Statement } from '../../document/model';
import { hasWildcard } from '../../match/wildcard';
import { resourceArn } from '../catalog/arnParts';
import { describeActions, grantsOf } from '../support/grants';
import type { Rule } from '../types';

/**
 * Actions that write a resource-based policy: the catalogue's "Permissions management" actions of
 * services with resource policies whose name says they put, set or add one (plus SQS and SNS,
 * whose policy is an attribute). A test holds the list to the catalogue. Left out: ACLs (not
 * policies), iam:UpdateAssumeRolePolicy (privilege-escalation's, with sts:AssumeRole) and actions
 * that take only "*" (logs:PutResourcePolicy, events:PutPermission), which no Resource can narrow.
 */
export const RESOURCE_POLICY_WRITES: readonly string[] = [
  'acm-pca:PutPolicy',
  'apigateway:UpdateRestApiPolicy',
  'backup:PutBackupVaultAccessPolicy',
  'codebuild:PutResourcePolicy',
  'dynamodb:PutResourcePolicy',
  'ecr-public:SetRepositoryPolicy',
  'ecr:SetRepositoryPolicy',
  'elasticfilesystem:PutFileSystemPolicy',
  'glacier:SetVaultAccessPolicy',
  'glue:PutResourcePolicy',
  'kms:PutKeyPolicy',
  'lambda:AddLayerVersionPermission',
  'lambda:AddPermission',
  'mediastore:PutContainerPolicy',
  's3:PutAccessPointPolicy',
  's3:PutBucketPolicy',
  's3:PutMultiRegionAccessPointPolicy',
  's3express:PutBucketPolicy',
  's3tables:PutTableBucketPolicy',
  'secretsmanager:PutResourcePolicy',
  'sns:AddPermission',
  'sns:SetTopicAttributes',
  'sqs:AddPermission',
  'sqs:SetQueueAttributes',
];

export const resourcePolicyWrite: Rule = {
  meta: {
    id: 'IAM318',
    name: 'resource-policy-privilege-escalation',
    severity: 'warning',
    category: 'security',
    description:
      'Writing resource policies (s3:PutBucketPolicy, kms:PutKeyPolicy, sqs:SetQueueAttributes, lambda:AddPermission, secretsmanager:PutResourcePolicy, ...) on "*" or on every resource of a type lets the principal grant itself, or anyone, more access to those resources than this policy gives. Name the resources.',
    parliament: 'RESOURCE_POLICY_PRIVILEGE_ESCALATION',
  },
  scope: 'policy',
  check({ policy, cache, report }) {
    // Boundaries, SCPs and RCPs only limit; in a resource policy "*" is the resource itself.
    if (policy.type !== 'identity' && policy.type !== 'session') return;
    for (const statement of policy.statements) {
      // A condition may narrow the resources (aws:ResourceTag/...): not judged here.
      if (statement.condition || !reachesEveryResource(statement)) continue;
      for (const grant of grantsOf(statement, RESOURCE_POLICY_WRITES)) {
        // "*" and "*:*" are full-wildcard-on-sensitive-service's: administrator access says it all.
        if (grant.entry && /^\*+(:\*+)?$/.test(grant.entry.value)) continue;
        const scopable = grant.actions.filter((name) => cache.isScopable(name));
        if (scopable.length === 0) continue;
        report(
          grant.target,
          `${describeActions(scopable)} can rewrite the resource policies of every resource it reaches here, and so grant this principal or anyone else more access to them: name the buckets, keys, queues or functions it may manage.`,
        );
      }
    }
  },
};

/**
 * "*", NotResource, or an ARN with nothing but wildcards after its service or resource type
 * ("arn:aws:s3:::*", "arn:aws:kms:*:*:key/*", "arn:*:*:*:*:*").
 */
function reachesEveryResource(statement: Statement): boolean {
  const element = statement.resource;
  if (!element) return false;
  if (element.keyword === 'NotResource') return true;
  return element.values.some((entry) => {
    if (entry.value === '*') return true;
    const parts = resourceArn(entry.value);
    if (!parts) return hasWildcard(entry.value) && /^arn:[^:]*:\**$/.test(entry.value);
    const named = [parts.region, parts.account].some((field) => field !== '' && !/^\*+$/.test(field));
    return !named && /^([A-Za-z-]+[/:])?\*+$/.test(parts.resource);
  });
}
