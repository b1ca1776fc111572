import { conditionUses, scalarText } from '../support/conditions';
import { valueTarget } from '../targets';
import type { Rule } from '../types';

const SUB_KEY = 'token.actions.githubusercontent.com:sub';

export const githubOidcSubWildcard: Rule = {
  meta: {
    id: 'IAM314',
    name: 'github-oidc-sub-wildcard',
    severity: 'warning',
    category: 'security',
    description:
      'A wildcard in the owner or repository part of token.actions.githubusercontent.com:sub ("repo:*", "repo:my-org/*") lets workflows of other repositories, or other owners, assume the role.',
    accessAnalyzer: 'Specific github repo and branch recommended',
  },
  scope: 'policy',
  check({ policy, report }) {
    for (const use of conditionUses(policy)) {
      if (use.entry.key.toLowerCase() !== SUB_KEY || !use.operator || use.operator.family?.isNegated(use.operator.base)) continue;
      for (const item of use.items) {
        const text = scalarText(item);
        if (text === undefined || !repositoryIsWild(text)) continue;
        report(
          valueTarget(item),
          `"${text}" lets more repositories than one assume the role: name it fully, e.g. "repo:OWNER/REPO:ref:refs/heads/main" or "repo:OWNER/REPO:environment:prod".`,
        );
      }
    }
  },
};

/** The "repo:OWNER/REPO" head of a subject, where a wildcard widens trust across repositories. */
function repositoryIsWild(subject: string): boolean {
  const match = /^repo:([^:]*)/.exec(subject);
  if (!match) return /[*?]/.test(subject);
  return /[*?]/.test(match[1]!);
}
