import type { HclBlock, HclBody, HclExpression } from '../../hcl/ast';
import { attributeOf } from '../../hcl/ast';

/**
 * The parts of a Terraform configuration that references can name: variables (their defaults),
 * locals, resources and data sources, by address. One file in the editor; every file of a root
 * module for `simulate --template DIR`.
 */
export interface TerraformConfig {
  readonly variables: ReadonlyMap<string, { readonly block: HclBlock; readonly default?: HclExpression }>;
  readonly locals: ReadonlyMap<string, HclExpression>;
  /** `aws_iam_role.app` → its block. */
  readonly resources: ReadonlyMap<string, HclBlock>;
  /** `aws_iam_policy_document.x` (without the `data.`) → its block. */
  readonly data: ReadonlyMap<string, HclBlock>;
  /** Resource and data blocks in the order they are written. */
  readonly blocks: readonly { readonly mode: 'resource' | 'data'; readonly block: HclBlock }[];
}

export function indexConfiguration(bodies: readonly HclBody[]): TerraformConfig {
  const variables = new Map<string, { block: HclBlock; default?: HclExpression }>();
  const locals = new Map<string, HclExpression>();
  const resources = new Map<string, HclBlock>();
  const data = new Map<string, HclBlock>();
  const blocks: { mode: 'resource' | 'data'; block: HclBlock }[] = [];
  for (const body of bodies) {
    for (const block of body.blocks) {
      const [first, second] = block.labels;
      if (block.type === 'variable' && first !== undefined) {
        const value = attributeOf(block.body, 'default')?.value;
        variables.set(first, value ? { block, default: value } : { block });
      } else if (block.type === 'locals') {
        for (const attribute of block.body.attributes) locals.set(attribute.name, attribute.value);
      } else if ((block.type === 'resource' || block.type === 'data') && first !== undefined && second !== undefined) {
        const key = `${first}.${second}`;
        const table = block.type === 'resource' ? resources : data;
        // Terraform rejects a second block with one address; the first is the one people look at.
        if (!table.has(key)) table.set(key, block);
        blocks.push({ mode: block.type, block });
      }
    }
  }
  return { variables, locals, resources, data, blocks };
}

/** `aws_iam_role.app` or `data.aws_iam_policy_document.x`. */
export function addressOf(mode: 'resource' | 'data', block: HclBlock): string {
  const base = `${block.labels[0]}.${block.labels[1]}`;
  return mode === 'data' ? `data.${base}` : base;
}
