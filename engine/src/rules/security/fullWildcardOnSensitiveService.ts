import { splitAction } from '../catalog/actionParts';
import { valueTarget } from '../targets';
import type { Rule } from '../types';

/** Services where "service:*" amounts to control of the account, its identities, keys or secrets. */
const SENSITIVE = ['iam', 'sts', 'kms', 'organizations', 'secretsmanager', 'account', 'sso', 'identitystore', 'cloudtrail', 'ram'];

export const fullWildcardOnSensitiveService: Rule = {
  meta: {
    id: 'IAM306',
    name: 'full-wildcard-on-sensitive-service',
    severity: 'warning',
    category: 'security',
    description:
      'Allowing "*", "*:*" or every action of an identity, key, secret or audit service (iam:*, kms:*, sts:*, organizations:*, ...) grants administrator-level power. List the actions needed.',
    parliament: 'PERMISSIONS_MANAGEMENT_ACTIONS',
  },
  scope: 'policy',
  check({ policy, report }) {
    // Boundaries, SCPs and RCPs only limit; a resource policy's actions reach only its own resource
    // (a KMS key policy grants kms:* on that key), so the breadth that matters there is the principal's.
    if (policy.type !== 'identity' && policy.type !== 'session') return;
    for (const statement of policy.statements) {
      if (statement.effectValue !== 'Allow' || statement.action?.keyword !== 'Action') continue;
      for (const entry of statement.action.values) {
        if (/^\*+(:\*+)?$/.test(entry.value)) {
          report(valueTarget(entry), `"${entry.value}" allows every action of every service: list the actions this principal needs.`);
          continue;
        }
        const parts = splitAction(entry.value);
        if (!parts || parts.serviceHasWildcard || !/^\*+$/.test(parts.name)) continue;
        const service = parts.service.toLowerCase();
        if (!SENSITIVE.includes(service)) continue;
        report(valueTarget(entry), `"${entry.value}" allows every ${service} action, administration included: list the ${service} actions needed.`);
      }
    }
  },
};
