import { isFederatedSessionKey } from '../../catalog/federatedSessionKeys';
import { keyTarget } from '../targets';
import type { Rule } from '../types';
import { namespaceOf } from './conditionKeys';

const AWS_TAG_KEY = /^aws:(requesttag\/.+|resourcetag\/.+|tagkeys)$/i;

export const conditionKeyNotApplicable: Rule = {
  meta: {
    id: 'IAM111',
    name: 'condition-key-not-applicable',
    severity: 'warning',
    category: 'warning',
    description:
      "A service condition key (or an aws: tag key in an Allow) that none of the statement's actions supports is absent from their requests, so the condition does not do what it says.",
    accessAnalyzer: 'Unsupported action for condition key / Allow with unsupported tag condition key for service',
    parliament: 'UNKNOWN_CONDITION_FOR_ACTION',
  },
  scope: 'statement',
  check({ cache, report }, statement) {
    const globals = cache.globalConditionKeys();
    if (!statement.condition) return;
    const actions = cache.statementActions(statement);
    if (!actions || actions.length === 0) return;
    for (const block of statement.condition.blocks) {
      for (const entry of block.entries) {
        const info = cache.conditionKey(entry.key);
        if (!info) continue;
        const canonical = info.key.toLowerCase();
        const isAws = namespaceOf(canonical) === 'aws';
        if (isAws ? !(AWS_TAG_KEY.test(entry.key) && statement.effectValue === 'Allow') : globals.has(canonical)) continue;
        // A SAML or web identity session's subject and audience keys are in all of its requests.
        if (isFederatedSessionKey(canonical)) continue;
        if (actions.some((action) => cache.conditionKeysOf(action).has(canonical))) continue;
        report(
          keyTarget(entry.property, statement.path.concat('Condition', block.operator, entry.key)),
          `None of this statement's actions supports ${entry.key}, so it is absent from their requests: move the condition to a statement whose actions support it, or drop it.`,
        );
      }
    }
  },
};
