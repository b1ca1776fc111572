import { isObject } from '../../document/model';
import type { ObjectNode, PathSegment, PropertyNode } from '../../document/tree';
import type { PolicyFile } from '../../document/policyFile';
import { syntaxBrokenWithin } from '../support/syntaxCascade';
import { keyTarget } from '../targets';
import type { Rule, RuleContext } from '../types';

const POLICY_ELEMENTS = ['Version', 'Id', 'Statement'];
const STATEMENT_ELEMENTS = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'];

export const unknownElement: Rule = {
  meta: {
    id: 'IAM009',
    name: 'unknown-element',
    severity: 'error',
    category: 'error',
    description:
      'Policies hold only Version, Id and Statement; statements hold only Sid, Effect, (Not)Principal, (Not)Action, (Not)Resource and Condition. Names are case-sensitive.',
    accessAnalyzer: 'Invalid policy element',
    parliament: 'MALFORMED',
  },
  scope: 'policy',
  check(context) {
    const { policy } = context;
    if (isObject(policy.node)) checkKeys(context, policy.node, policy.path, POLICY_ELEMENTS, STATEMENT_ELEMENTS, 'policy');
    for (const statement of policy.statements) {
      if (isObject(statement.node)) checkKeys(context, statement.node, statement.path, STATEMENT_ELEMENTS, POLICY_ELEMENTS, 'statement');
    }
  },
};

function checkKeys(
  { report, file }: RuleContext,
  node: ObjectNode,
  path: readonly PathSegment[],
  allowed: readonly string[],
  elsewhere: readonly string[],
  where: 'policy' | 'statement',
): void {
  for (const property of node.properties) {
    if (allowed.includes(property.key) || halfTyped(property, file)) continue;
    const suggestion = closeElement(property.key, allowed);
    const target = keyTarget(property, path.concat(property.key));
    if (suggestion) {
      report(target, `Unknown ${where} element "${property.key}": write "${suggestion}" (element names are case-sensitive).`, [
        { title: `Rename to "${suggestion}"`, replacement: JSON.stringify(suggestion) },
      ]);
    } else if (elsewhere.includes(property.key)) {
      const home = where === 'policy' ? 'inside each statement' : 'at the top level of the policy, next to Statement';
      report(target, `"${property.key}" is not ${where === 'policy' ? 'a policy' : 'a statement'} element: move it ${home}.`);
    } else {
      report(target, `Unknown ${where} element "${property.key}": use one of ${allowed.join(', ')}.`);
    }
  }
}

/**
 * A key still being typed (`"Pri` before the next key, `"Co": ` with no value yet) is part of a syntax
 * error that IAM001 or the editor already reports; calling it an unknown element too is noise.
 */
function halfTyped(property: PropertyNode, file: PolicyFile): boolean {
  const end = property.span.offset + property.span.length;
  return !property.value || syntaxBrokenWithin(file, { offset: property.keySpan.offset, length: end - property.keySpan.offset });
}

/** A near miss: different case, or a stray plural ("Actions", "Statements", "Resources"). */
function closeElement(key: string, allowed: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  return allowed.find((name) => {
    const target = name.toLowerCase();
    return target === lower || `${target}s` === lower;
  });
}
