import { parseHcl } from '../../hcl/parseHcl';
import type { HclBody } from '../../hcl/ast';
import { readPolicy, type PolicyPlacement } from '../../document/readPolicy';
import { MemoSlot, memoized } from '../../document/memo';
import type { Policy, PolicyType } from '../../document/model';
import type { SyntaxProblem } from '../../document/parseJson';
import type { ObjectNode, PropertyNode, Span, StringNode, ValueNode } from '../../document/tree';
import { formatPath } from '../../document/tree';
import type { SourceNote } from './lowerPolicyDocument';
import { cover } from './lowerPolicyDocument';
import { locateTerraform } from './locateTerraform';
import { managedPolicyStrings } from './managedPolicyStrings';
import type { TerraformConfig } from './config';

export interface TerraformRead {
  readonly root: ValueNode | undefined;
  readonly syntaxProblems: readonly SyntaxProblem[];
  readonly policies: readonly Policy[];
  readonly notes: readonly SourceNote[];
  readonly body: HclBody | undefined;
  readonly policyUses: readonly { readonly span: Span; readonly policy: Policy }[];
  /** Strings that name a managed policy by ARN (`policy_arn`, `managed_policy_arns`, `permissions_boundary`). */
  readonly managedPolicyStrings: readonly StringNode[];
}

/**
 * A `.tf` file read into policies. `root` holds each policy at its address (`data` →
 * `aws_iam_policy_document` → name, or resource type → name → argument), which is where the
 * services look for sibling keys and strings outside policies.
 */
export function readTerraform(text: string, options: { type?: PolicyType; config?: TerraformConfig; parsed?: ReturnType<typeof parseHcl> } = {}): TerraformRead {
  const parsed = options.parsed ?? parseHcl(text);
  if (!parsed.body) return { root: undefined, syntaxProblems: parsed.syntaxProblems, policies: [], notes: [], body: undefined, policyUses: [], managedPolicyStrings: [] };
  const located = locateTerraform(parsed.body, text, options.config);
  const policies = located.found.map(({ node, placement }) =>
    policyOf(node, options.type ? { ...placement, type: options.type, typeReason: `the type was set to ${options.type}` } : placement),
  );
  const byAddress = new Map<string, Policy>();
  for (const policy of policies) {
    const address = formatPath(policy.path);
    if (!byAddress.has(address)) byAddress.set(address, policy);
  }
  return {
    root: rootOf(policies, text.length),
    syntaxProblems: [...parsed.syntaxProblems, ...located.problems],
    policies,
    notes: located.notes,
    body: parsed.body,
    policyUses: located.uses.flatMap(({ span, address }) => {
      const policy = byAddress.get(address);
      return policy ? [{ span, policy }] : [];
    }),
    managedPolicyStrings: managedPolicyStrings(parsed.body),
  };
}

const POLICY = new MemoSlot<{ key: string; policy: Policy | undefined }>('terraform-policy');

/**
 * The policy read from a document node, the same object as last time when the node is (the lowering
 * of an unchanged document is reused, see locateTerraform) and so is its placement. A keystroke in one
 * of fifty documents then reads one policy, and what the rules keep on the others' policies and
 * statements (memo slots) stays valid.
 */
function policyOf(node: ValueNode, placement: PolicyPlacement): Policy {
  const held = memoized(node, POLICY, () => ({ key: '', policy: undefined as Policy | undefined }));
  // `owner` absent and `owner: undefined` read differently (readPolicy keeps the key), and JSON drops undefined.
  const key = JSON.stringify([placement, 'owner' in placement]);
  if (held.policy === undefined || held.key !== key) {
    held.policy = readPolicy(node, placement);
    held.key = key;
  }
  return held.policy;
}

function rootOf(policies: readonly Policy[], length: number): ObjectNode {
  const root: { kind: 'object'; properties: PropertyNode[]; span: { offset: number; length: number }; path: [] } = { kind: 'object', properties: [], span: { offset: 0, length }, path: [] };
  for (const policy of policies) {
    let parent: { properties: PropertyNode[]; span: { offset: number; length: number } } = root;
    policy.path.forEach((segment, index) => {
      const key = String(segment);
      const last = index === policy.path.length - 1;
      let entry = parent.properties.find((candidate) => candidate.key === key);
      if (!entry) {
        const value: ValueNode = last ? policy.node : { kind: 'object', properties: [], span: policy.node.span, path: policy.path.slice(0, index + 1) };
        entry = { key, keySpan: policy.node.span, span: policy.node.span, value };
        parent.properties.push(entry);
      } else if (!last && entry.value?.kind === 'object') {
        // Widen the container so that a walk by offset finds every policy below it.
        const widened = cover([entry.value.span, policy.node.span]);
        (entry.value as { span: typeof widened }).span = widened;
        (entry as { span: typeof widened }).span = widened;
      }
      if (!last && entry.value?.kind === 'object') parent = entry.value as unknown as typeof parent;
    });
  }
  return root;
}
