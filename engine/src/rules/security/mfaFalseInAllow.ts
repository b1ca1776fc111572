import { conditionUses, scalarText } from '../support/conditions';
import { valueTarget } from '../targets';
import type { Rule } from '../types';

export const mfaFalseInAllow: Rule = {
  meta: {
    id: 'IAM316',
    name: 'mfa-false-in-allow',
    severity: 'warning',
    category: 'security',
    description:
      'An Allow conditioned on aws:MultiFactorAuthPresent being "false" does not require MFA: with Bool it applies only to temporary credentials obtained without MFA (the key is absent for access keys), with BoolIfExists it grants every request made without MFA. Allow with Bool "true", or Deny with BoolIfExists "false".',
    parliament: 'BAD_PATTERN_FOR_MFA',
  },
  scope: 'policy',
  check({ policy, report }) {
    for (const use of conditionUses(policy)) {
      if (use.statement.effectValue !== 'Allow' || use.operator?.base !== 'bool' || use.operator.setQualifier) continue;
      if (use.entry.key.toLowerCase() !== 'aws:multifactorauthpresent') continue;
      const falseValue = use.items.find((item) => scalarText(item)?.toLowerCase() === 'false');
      if (!falseValue) continue;
      report(
        valueTarget(falseValue),
        use.operator.ifExists
          ? 'BoolIfExists with "false" in an Allow grants every request made without MFA, access keys included: the opposite of requiring MFA. To require it, Allow with {"Bool": {"aws:MultiFactorAuthPresent": "true"}}, or Deny with BoolIfExists "false".'
          : 'Bool with "false" in an Allow grants only temporary credentials obtained without MFA (with access keys the key is absent and the statement does not apply): it requires no MFA. To require it, use "true" here, or Deny with BoolIfExists "false".',
      );
    }
  },
};
