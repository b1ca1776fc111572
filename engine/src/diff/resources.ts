import type { PolicyType } from '../document/model';
import type { ActionClass, SpaceStatement } from './actionClasses';
import { DIFF_ACCOUNT, OTHER_ACCOUNT, OTHER_REGION, ROLE_NAME } from './harness';

/** A wildcard-free stand-in for the parts a pattern leaves open. */
const FILL = 'x';

/**
 * One concrete text inside a pattern: `*`, `?` and a value unknown before deployment (docs/unknown-values.md) become "x". Policy variables (`${aws:username}`) are
 * left as written: the request space does not guess who the caller is (docs/diff.md).
 */
export function concretise(pattern: string): string {
  return pattern.replace(/\$\{[^}]*\}|[*?\uE002]/g, (part) => (part.startsWith('${') ? part : FILL));
}

/**
 * The boundary cases around a pattern: a longer path where it ends in a wildcard, another account
 * and another region where it names one.
 */
function neighbours(pattern: string): string[] {
  const out: string[] = [];
  if (/[*?]$/.test(pattern)) out.push(`${concretise(pattern)}/${FILL}`);
  else out.push(`${pattern}${pattern.includes('/') ? `/${FILL}` : FILL}`);
  const parts = pattern.split(':');
  if (parts.length >= 6 && parts[0] === 'arn') {
    if (/^\d{12}$/.test(parts[4]!)) out.push(concretise([...parts.slice(0, 4), parts[4] === OTHER_ACCOUNT ? DIFF_ACCOUNT : OTHER_ACCOUNT, ...parts.slice(5)].join(':')));
    if (/^[a-z]{2}(-[a-z]+)+-\d$/.test(parts[3]!)) out.push(concretise([...parts.slice(0, 3), parts[3] === OTHER_REGION ? 'us-east-1' : OTHER_REGION, ...parts.slice(4)].join(':')));
  }
  return out;
}

/** An ARN format of the catalogue with its placeholders filled: a resource of that type. */
export function fillArnFormat(format: string): string {
  return format
    .replace(/\$\{Partition\}/g, 'aws')
    .replace(/\$\{Region\}/g, 'us-east-1')
    .replace(/\$\{Account\}/g, DIFF_ACCOUNT)
    .replace(/\$\{[^}]*\}/g, FILL);
}

/**
 * The resources tried for one action class: the class's own ARN formats filled in; each Resource and
 * NotResource pattern of the statements that match the class, made concrete, with its neighbours.
 * A trust policy's resource is its role.
 */
export function resourceCandidates(actionClass: ActionClass, statements: readonly SpaceStatement[], type: PolicyType): string[] {
  if (type === 'trust') return [`arn:aws:iam::${DIFF_ACCOUNT}:role/${ROLE_NAME}`];
  const out = new Set<string>();
  for (const format of actionClass.arnFormats) out.add(fillArnFormat(format));
  if (out.size === 0) out.add('*');
  for (const index of actionClass.statements) {
    const resource = statements[index]!.statement.resource;
    if (!resource) continue;
    for (const value of resource.values) {
      const pattern = value.value;
      if (/^\*+$/.test(pattern)) continue;
      out.add(concretise(pattern));
      for (const near of neighbours(pattern)) out.add(near);
    }
  }
  return [...out];
}
