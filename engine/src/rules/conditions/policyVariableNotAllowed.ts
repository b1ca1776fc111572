import { parseArn } from '../../match/arn';
import { stringsWithVariables, type VariableString } from '../support/variableSites';
import { findVariables, variableProblem } from '../support/variables';
import { substringTarget } from '../targets';
import type { Rule } from '../types';

const LITERALS = ['*', '?', '$'];

export const policyVariableNotAllowed: Rule = {
  meta: {
    id: 'IAM211',
    name: 'policy-variable-not-allowed',
    severity: 'error',
    category: 'error',
    description:
      'Policy variables work in the resource part of a Resource ARN and in String and ARN condition values; in Action, Principal, the other ARN fields and other operators they are literal text.',
    accessAnalyzer: 'Variable unsupported in element / Invalid variable for operator',
  },
  scope: 'policy',
  check({ file, policy, report }) {
    for (const site of stringsWithVariables(policy)) {
      const reason = reasonFor(site);
      if (!reason) continue;
      for (const variable of findVariables(site.node.value)) {
        // A malformed variable, or one that names no key, is reported once, by malformed-policy-variable.
        if (LITERALS.includes(variable.body) || variableProblem(variable)) continue;
        if (site.site === 'resource' && variable.start >= resourcePartStart(site.node.value)) continue;
        const target = substringTarget(file.text, site.node, variable.start, variable.end);
        // AWS ships a managed policy with ${aws:PrincipalAccount} in the account field
        // (AmazonTimestreamInfluxDBServiceRolePolicy): doubtful, not proven broken, so a warning.
        if (site.site === 'resource' && inAccountField(site.node.value, variable.start)) report(target, ACCOUNT_FIELD, undefined, { severity: 'warning' });
        else report(target, reason);
      }
    }
  },
};

function reasonFor(site: VariableString): string | undefined {
  switch (site.site) {
    case 'action':
      return 'Policy variables do not work in Action: list the actions.';
    case 'principal':
      return 'Policy variables do not work in Principal: name the principal, or use "*" with an aws:PrincipalArn condition.';
    case 'condition-operator':
      return `Policy variables work only with String and ARN operators, not ${site.operator}: use a literal value.`;
    case 'resource':
      return "Policy variables work only in an ARN's resource part (after the fifth colon): write the partition, service, Region and account literally.";
    default:
      return undefined;
  }
}

const ACCOUNT_FIELD =
  "A policy variable in an ARN's account field: IAM documents variables only in the resource part (after the fifth colon); write the account ID, or \"*\" with an aws:ResourceAccount condition.";

/** Whether `offset` lies in the fifth field (the account) of an ARN. */
function inAccountField(text: string, offset: number): boolean {
  if (!text.startsWith('arn:')) return false;
  let colon = -1;
  for (let i = 0; i < 4; i++) {
    colon = text.indexOf(':', colon + 1);
    if (colon < 0) return false;
  }
  return offset === colon + 1;
}

/** Offset where the resource part starts, or 0 when the text is not an ARN (then anywhere goes). */
function resourcePartStart(text: string): number {
  if (!text.startsWith('arn:')) return 0;
  let index = -1;
  for (let i = 0; i < 5; i++) {
    index = text.indexOf(':', index + 1);
    if (index < 0) return 0;
  }
  // A variable holding a colon ("${aws:username}") before the fifth colon shifts the fields.
  const head = text.slice(0, index);
  return head.includes('${') && !parseArn(text) ? 0 : index + 1;
}
