import type { StringNode, ValueNode } from '../../document/tree';
import { MACRO_REASON } from '../../resolve/cloudformation';
import type { Rule } from '../types';

/**
 * A part of a policy that a CloudFormation macro (`Fn::Transform`) produces at deployment: there is
 * nothing to check before then, so it is said once, as information, rather than reported as the
 * invalid elements the raw `Fn::Transform` object would look like.
 */
export const templateMacroNotChecked: Rule = {
  meta: {
    id: 'IAM022',
    name: 'template-macro-not-checked',
    severity: 'info',
    category: 'suggestion',
    description: 'Part of the policy is produced by a CloudFormation macro (Fn::Transform) when the stack is deployed, so it is not checked here.',
    checksUnknowns: true,
  },
  scope: 'policy',
  check({ policy, report }) {
    const seen = new Set<number>();
    for (const node of macroParts(policy.node)) {
      if (seen.has(node.span.offset)) continue;
      seen.add(node.span.offset);
      report({ span: node.span, path: node.path }, 'This part is produced by a CloudFormation macro (Fn::Transform) when the stack is deployed: it is not checked here.');
    }
  },
};

function macroParts(root: ValueNode): StringNode[] {
  const found: StringNode[] = [];
  const pending: ValueNode[] = [root];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.kind === 'string') {
      if (node.unknowns?.some((part) => part.reason === MACRO_REASON)) found.push(node);
    } else if (node.kind === 'array') {
      // One push per item: spreading a list of 100,000 items into push's arguments overflows the stack.
      for (const item of node.items) pending.push(item);
    }
    else if (node.kind === 'object') for (const property of node.properties) if (property.value) pending.push(property.value);
  }
  return found.reverse();
}
