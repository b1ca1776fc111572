import { stringsWithVariables } from '../support/variableSites';
import { findVariables } from '../support/variables';
import { substringTarget } from '../targets';
import type { Rule } from '../types';

export const policyVariableNeedsVersion: Rule = {
  meta: {
    id: 'IAM212',
    name: 'policy-variable-needs-version',
    severity: 'error',
    category: 'error',
    description: 'Policy variables are substituted only under "Version": "2012-10-17"; without it, or under 2008-10-17, ${aws:username} is literal text.',
    accessAnalyzer: 'Variable unsupported in version',
  },
  scope: 'policy',
  check({ file, policy, report }) {
    const version = policy.version?.value;
    if (version?.kind === 'string' && version.value === '2012-10-17') return;
    for (const site of stringsWithVariables(policy)) {
      if (site.site !== 'resource' && site.site !== 'condition') continue;
      for (const variable of findVariables(site.node.value)) {
        report(
          substringTarget(file.text, site.node, variable.start, variable.end),
          `${site.node.value.slice(variable.start, variable.end)} is literal text without "Version": "2012-10-17": set the policy's Version to it.`,
        );
      }
    }
  },
};
