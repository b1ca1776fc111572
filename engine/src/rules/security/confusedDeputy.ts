import type { Statement } from '../../document/model';
import { getProperty } from '../../document/tree';
import { insertPropertyFix } from '../support/fixes';
import { hasConditionKey, principalValues } from '../support/principals';
import { valueTarget } from '../targets';
import type { FixHint, Rule } from '../types';

/** Services that assume roles without passing aws:SourceArn/SourceAccount, where the keys would never match. */
const NO_SOURCE_CONTEXT = ['ec2.amazonaws.com', 'lambda.amazonaws.com', 'edgelambda.amazonaws.com'];
const SOURCE_KEYS = ['aws:SourceArn', 'aws:SourceAccount', 'aws:SourceOrgID', 'aws:SourceOrgPaths'];
const ACCOUNT_PLACEHOLDER = '111122223333';

/**
 * In a role's trust policy the advice is information, not a warning. Another customer cannot make the
 * service use your role: a service role reaches a service through iam:PassRole, which is granted and
 * checked in the role's own account. A resource policy (a bucket's, a topic's) is where a service
 * acting for anyone can reach your resource, and where Access Analyzer warns. The most frequent
 * finding on AWS's sample templates (331 in 504 of serverless-patterns) was this one, on trust policies.
 */
const TRUST_POLICY = { severity: 'info' } as const;

export const confusedDeputy: Rule = {
  meta: {
    id: 'IAM311',
    name: 'confused-deputy',
    severity: 'warning',
    category: 'security',
    description:
      'A service principal acting for any customer can be tricked into using your role or resource on someone else\'s behalf. aws:SourceArn or aws:SourceAccount pins it to your own resources.',
    accessAnalyzer: 'Recommended condition key for service principal',
  },
  scope: 'policy',
  check({ file, policy, report }) {
    if (policy.type !== 'trust' && policy.type !== 'resource') return;
    for (const statement of policy.statements) {
      if (statement.effectValue !== 'Allow' || hasConditionKey(statement, ...SOURCE_KEYS)) continue;
      for (const principal of principalValues(statement)) {
        if (principal.type !== 'Service' || NO_SOURCE_CONTEXT.includes(principal.node.value)) continue;
        const fix = skeletonFix(file.text, statement, principal.node.value);
        report(
          valueTarget(principal.node),
          `${principal.node.value} acts for every AWS customer: add an aws:SourceAccount (or aws:SourceArn) condition naming your account or resource.`,
          fix && [fix],
          policy.type === 'trust' ? TRUST_POLICY : undefined,
        );
      }
    }
  },
};

function skeletonFix(text: string, statement: Statement, servicePrincipal: string): FixHint | undefined {
  if (statement.node.kind !== 'object') return undefined;
  const title = 'Add an aws:SourceAccount / aws:SourceArn condition';
  const service = servicePrincipal.split('.')[0]!;
  const account = JSON.stringify({ 'aws:SourceAccount': ACCOUNT_PLACEHOLDER });
  const arn = JSON.stringify({ 'aws:SourceArn': `arn:aws:${service}:*:${ACCOUNT_PLACEHOLDER}:*` });
  const condition = getProperty(statement.node, 'Condition');
  if (!condition) return insertPropertyFix(title, text, statement.node, 'Condition', `{"StringEquals": ${account}, "ArnLike": ${arn}}`);
  if (condition.value?.kind !== 'object') return undefined;
  const equals = getProperty(condition.value, 'StringEquals');
  if (!equals) return insertPropertyFix(title, text, condition.value, 'StringEquals', account);
  if (equals.value?.kind !== 'object') return undefined;
  return insertPropertyFix(title, text, equals.value, 'aws:SourceAccount', JSON.stringify(ACCOUNT_PLACEHOLDER));
}
