import type { Statement } from '../../document/model';
import { hasUnknown } from '../../document/unknown';
import { conditionUses, isMultivaluedType, type ConditionUse } from '../support/conditions';
import { keyTarget } from '../targets';
import type { Rule } from '../types';

export const forAllValuesPermissive: Rule = {
  meta: {
    id: 'IAM207',
    name: 'for-all-values-permissive',
    severity: 'warning',
    category: 'security',
    description:
      'ForAllValues is true when the key is missing or empty. In an Allow without a Null check, or on a single-valued key, it lets through requests the condition seems to exclude.',
    accessAnalyzer: 'ForAllValues with single valued key / Allow with ForAllValues',
  },
  scope: 'policy',
  check({ policy, cache, report }) {
    const uses = conditionUses(policy);
    for (const use of uses) {
      if (use.operator?.setQualifier !== 'ForAllValues' || use.operator.isNull) continue;
      const target = keyTarget(use.entry.property, use.statement.path.concat('Condition', use.block.operator, use.entry.key));
      const info = cache.conditionKey(use.entry.key);
      if (info && !isMultivaluedType(info.type)) {
        report(target, `${use.entry.key} is single-valued: drop "ForAllValues:" (with it the condition is also true when the key is missing).`);
      } else if (use.statement.effectValue === 'Allow' && !requiresPresence(use.statement, use.entry.key) && !alwaysPresent(use, uses)) {
        report(target, `ForAllValues is true when ${use.entry.key} is missing: add {"Null": {"${use.entry.key}": "false"}} so the Allow needs the key.`);
      }
    }
  },
};

function requiresPresence(statement: Statement, key: string): boolean {
  return (statement.condition?.blocks ?? []).some(
    (block) =>
      block.operator.toLowerCase() === 'null' &&
      block.entries.some((entry) => entry.key.toLowerCase() === key.toLowerCase() && entry.values.some((v) => hasUnknown(v) || String('value' in v ? v.value : '').toLowerCase() === 'false')),
  );
}

/**
 * Keys that every request of the statement's actions carries: then ForAllValues only limits their
 * values, as meant, and is never true for want of the key. 136 conditions of AWS managed policies
 * (AmazonEKSNetworkingPolicy, KMS grants for EBS and ECR, the Systems Manager, SSO and ECS service role
 * policies) are written so.
 */
function alwaysPresent(use: ConditionUse, uses: readonly ConditionUse[]): boolean {
  const key = use.entry.key.toLowerCase();
  // aws:TagKeys holds the keys of the tags a request sends: every tagging action sends some (their
  // APIs take the tags to add), and a statement whose other condition needs a request tag has one.
  if (key === 'aws:tagkeys') return onlyActions(use.statement, (local) => ADDS_TAGS.test(local)) || uses.some((other) => other.statement === use.statement && needsRequestTag(other));
  const actions = SENT_BY_REQUIRED_PARAMETER[key];
  return actions !== undefined && onlyActions(use.statement, (local, qualified) => actions.includes(qualified));
}

const ADDS_TAGS = /^(tag|addtags)|^createtags$/i;

/**
 * Multivalued keys filled from a parameter their action requires (the services' API references):
 * CreateGrant's Operations; ChangeResourceRecordSets' ChangeBatch of at least one change.
 */
const SENT_BY_REQUIRED_PARAMETER: Readonly<Record<string, readonly string[]>> = {
  'kms:grantoperations': ['kms:creategrant'],
  'route53:changeresourcerecordsetsnormalizedrecordnames': ['route53:changeresourcerecordsets'],
  'route53:changeresourcerecordsetsrecordtypes': ['route53:changeresourcerecordsets'],
  'route53:changeresourcerecordsetsactions': ['route53:changeresourcerecordsets'],
};

/** Whether every action the statement names (no wildcards) passes `test`, given its name after the colon and its lower-case qualified name. */
function onlyActions(statement: Statement, test: (local: string, qualified: string) => boolean): boolean {
  const action = statement.action;
  if (action?.keyword !== 'Action' || action.values.length === 0) return false;
  // An action not known before deployment may be one of them: unknown values never cause a finding.
  return action.values.every((entry) => {
    if (hasUnknown(entry)) return true;
    const local = entry.value.slice(entry.value.indexOf(':') + 1);
    return !/[*?]/.test(local) && test(local, entry.value.toLowerCase());
  });
}

/** A condition on an aws:RequestTag/ key that is false when the key is missing. */
function needsRequestTag(use: ConditionUse): boolean {
  const operator = use.operator;
  if (!operator || operator.isNull || operator.negated || operator.ifExists || operator.setQualifier === 'ForAllValues') return false;
  return use.entry.key.toLowerCase().startsWith('aws:requesttag/');
}
