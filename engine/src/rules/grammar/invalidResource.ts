import { acceptsStringList, keyTarget, openingTarget, valueTarget } from '../targets';
import type { Rule } from '../types';
import { syntaxBrokenWithin } from '../support/syntaxCascade';

export const invalidResource: Rule = {
  meta: {
    id: 'IAM007',
    name: 'invalid-resource',
    severity: 'error',
    category: 'error',
    description:
      'Identity, resource, boundary and session policy statements need Resource or NotResource (strings); role trust policies must not have one.',
    accessAnalyzer: 'Missing resource / Role trust policy syntax error resource',
  },
  scope: 'policy',
  check({ policy, report, file }) {
    for (const statement of policy.statements) {
      if (statement.node.kind !== 'object') continue;
      const element = statement.resource;
      if (policy.type === 'trust') {
        if (element) {
          report(
            keyTarget(element.property, statement.path.concat(element.keyword)),
            `A role trust policy applies to the role itself: remove ${element.keyword}.`,
          );
        }
        continue;
      }
      if (!element) {
        // A syntax error inside the statement may have swallowed it: that error is what to report.
        if (syntaxBrokenWithin(file, statement.node.span)) continue;
        // SCPs may leave Resource out (AWS treats that as "*"), and so do ECR repository policies.
        if (policy.type !== 'scp' && !policy.resourceImplied) report(openingTarget(statement.node), 'The statement has no Resource: add "Resource": "arn:..." (or "*").');
        continue;
      }
      const value = element.property.value;
      if (value && !acceptsStringList(value, policy)) {
        report(valueTarget(value), `${element.keyword} must be a string or an array of strings.`);
      } else if (value?.kind === 'array' && value.items.length === 0) {
        report(valueTarget(value), `${element.keyword} is empty: the statement matches no resource.`);
      }
    }
  },
};
