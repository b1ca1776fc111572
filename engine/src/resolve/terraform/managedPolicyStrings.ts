import type { HclBody, HclExpression } from '../../hcl/ast';
import type { StringNode } from '../../document/tree';

/** The arguments of Terraform's AWS provider that name a managed policy by its ARN. */
const ARN_ARGUMENTS = new Set(['policy_arn', 'permissions_boundary']);
const ARN_LIST_ARGUMENTS = new Set(['managed_policy_arns']);

/**
 * The quoted strings of a `.tf` file that stand where a managed policy ARN goes (`policy_arn`,
 * `permissions_boundary`, `managed_policy_arns = [...]` of any resource), as string nodes at
 * `[resource type, name, argument(, index)]`: hover and completion of AWS managed policies read them
 * as they read CloudFormation's ManagedPolicyArns. A string with an interpolation is not one.
 */
export function managedPolicyStrings(body: HclBody): StringNode[] {
  const found: StringNode[] = [];
  for (const block of body.blocks) {
    if (block.type !== 'resource' || block.labels.length < 2) continue;
    const at = [block.labels[0]!, block.labels[1]!];
    for (const attribute of block.body.attributes) {
      if (ARN_ARGUMENTS.has(attribute.name)) {
        const node = literalString(attribute.value, [...at, attribute.name]);
        if (node) found.push(node);
      } else if (ARN_LIST_ARGUMENTS.has(attribute.name) && attribute.value.kind === 'tuple') {
        attribute.value.items.forEach((item, index) => {
          const node = literalString(item, [...at, attribute.name, index]);
          if (node) found.push(node);
        });
      }
    }
  }
  return found;
}

function literalString(expression: HclExpression, path: (string | number)[]): StringNode | undefined {
  if (expression.kind !== 'template' || !expression.quoted) return undefined;
  let value = '';
  for (const part of expression.parts) {
    if (part.kind !== 'text') return undefined;
    value += part.value;
  }
  return { kind: 'string', value, span: expression.span, path };
}
