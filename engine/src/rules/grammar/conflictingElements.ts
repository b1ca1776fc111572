import { isObject } from '../../document/model';
import { getProperty } from '../../document/tree';
import { keyTarget } from '../targets';
import type { Rule } from '../types';

const PAIRS: readonly (readonly [string, string])[] = [
  ['Action', 'NotAction'],
  ['Resource', 'NotResource'],
  ['Principal', 'NotPrincipal'],
];

export const conflictingElements: Rule = {
  meta: {
    id: 'IAM014',
    name: 'conflicting-elements',
    severity: 'error',
    category: 'error',
    description: 'Action and NotAction, Resource and NotResource, Principal and NotPrincipal exclude each other within a statement.',
    accessAnalyzer: 'Unsupported element combination',
    parliament: 'MALFORMED',
  },
  scope: 'statement',
  check({ report }, statement) {
    if (!isObject(statement.node)) return;
    for (const [positive, negative] of PAIRS) {
      const first = getProperty(statement.node, positive);
      const second = getProperty(statement.node, negative);
      if (!first || !second) continue;
      const later = first.span.offset > second.span.offset ? first : second;
      report(
        keyTarget(later, statement.path.concat(later.key)),
        `${positive} and ${negative} cannot both appear in one statement: keep one, or split the statement in two.`,
      );
    }
  },
};
