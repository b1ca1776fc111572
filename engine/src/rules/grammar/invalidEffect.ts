import { openingTarget, valueTarget } from '../targets';
import type { Rule } from '../types';
import { syntaxBrokenWithin } from '../support/syntaxCascade';

export const invalidEffect: Rule = {
  meta: {
    id: 'IAM005',
    name: 'invalid-effect',
    severity: 'error',
    category: 'error',
    description: 'Every statement needs "Effect": "Allow" or "Deny", spelled exactly so (the value is case-sensitive).',
    accessAnalyzer: 'Missing effect / Invalid effect',
  },
  scope: 'policy',
  check({ policy, report, file }) {
    for (const statement of policy.statements) {
      if (statement.node.kind !== 'object') continue;
      const effect = statement.effect;
      if (!effect) {
        // A syntax error inside the statement may have swallowed it: that error is what to report.
        if (syntaxBrokenWithin(file, statement.node.span)) continue;
        report(openingTarget(statement.node), 'The statement has no Effect: add "Effect": "Allow" or "Effect": "Deny".');
        continue;
      }
      const value = effect.value;
      if (!value || statement.effectValue) continue;
      const text = value.kind === 'string' ? value.value : undefined;
      const fixed = text?.toLowerCase() === 'allow' ? 'Allow' : text?.toLowerCase() === 'deny' ? 'Deny' : undefined;
      const message = fixed
        ? `Effect is case-sensitive: write "${fixed}".`
        : `Effect must be "Allow" or "Deny", not ${value.kind === 'string' ? JSON.stringify(text) : `a ${value.kind}`}.`;
      const fixes = fixed
        ? [{ title: `Change to "${fixed}"`, replacement: `"${fixed}"` }]
        : [
            { title: 'Change to "Allow"', replacement: '"Allow"' },
            { title: 'Change to "Deny"', replacement: '"Deny"' },
          ];
      report(valueTarget(value), message, fixes);
    }
  },
};
