import { typeFromFileName } from '../document/inferType';
import { stringsOf, type Policy, type Statement } from '../document/model';
import { getValue } from '../document/tree';

export type Likelihood = 'likely' | 'possible' | 'unlikely';

const ASSUME_ROLE = /^sts:AssumeRole/i;
// Names people give resource-based policies: bucket-policy.json, key_policy.json, queue.policy.json.
const RESOURCE_POLICY_NAME = /(bucket|key|queue|topic|repository|secret|resource|vault)[-_.]?policy/i;

/**
 * How plausible a Principal is in a statement of a policy read as an identity policy (no Principal
 * yet). A trust or resource policy starts that way too, before its Principal is written: the file name
 * says so (`ec2-trust-policy.json`, `bucket-policy.json`), or an `sts:AssumeRole*` action does; an
 * empty document could become anything.
 */
export function principalLikelihood(policy: Policy | undefined, statement: Statement | undefined, fileName: string | undefined): Likelihood {
  const named = typeFromFileName(fileName);
  if (named === 'trust' || named === 'resource' || named === 'rcp' || (fileName && RESOURCE_POLICY_NAME.test(fileName))) return 'likely';
  if (actionsOf(statement).some((action) => ASSUME_ROLE.test(action))) return 'likely';
  if (named) return 'unlikely';
  const written = policy?.statements.flatMap((each) => actionsOf(each)) ?? [];
  return written.length === 0 ? 'possible' : 'unlikely';
}

function actionsOf(statement: Statement | undefined): string[] {
  if (!statement || statement.node.kind !== 'object') return [];
  return stringsOf(getValue(statement.node, 'Action') ?? getValue(statement.node, 'NotAction'))
    .map((node) => node.value)
    .filter((value) => value !== '');
}
