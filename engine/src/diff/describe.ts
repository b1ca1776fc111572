import type { DiffResult, Witness } from './types';

function request(witness: Witness): string {
  const parts = [`${witness.action}${witness.sameFor.length > 0 ? ` (and ${witness.sameFor.length} more)` : ''} on ${witness.resource}`];
  if (witness.principal) parts.push(`by ${witness.principal}`);
  if (witness.context) parts.push(`with ${Object.entries(witness.context).map(([key, value]) => `${key}=${Array.isArray(value) ? `[${value.join(',')}]` : value}`).join(', ')}`);
  return parts.join(' ');
}

/** Witnesses grouped by service and access level: "adds Write to S3: s3:PutObject on arn:aws:s3:::reports/x". */
function grouped(verb: string, witnesses: readonly Witness[], serviceName: (prefix: string) => string): string[] {
  const groups = new Map<string, Witness[]>();
  for (const witness of witnesses) {
    const key = `${witness.accessLevel} to ${serviceName(witness.service)}`;
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(witness);
  }
  const lines: string[] = [];
  for (const [key, list] of groups) {
    lines.push(`${verb} ${key}: ${request(list[0]!)}`);
    for (const witness of list.slice(1)) lines.push(`  also ${request(witness)}`);
  }
  return lines;
}

/** The comparison in words, for the CLI's text output. */
export function diffLines(result: DiffResult, serviceName: (prefix: string) => string = (prefix) => prefix): string[] {
  const lines: string[] = [];
  if (result.newAccess) lines.push(`New access (${result.added.length} ${result.added.length === 1 ? 'witness' : 'witnesses'}, each confirmed by the simulator):`, ...grouped('adds', result.added, serviceName).map((line) => `  ${line}`));
  else if (result.complete) lines.push(`No new access: the new version allows no request of the ${result.checked} checked that the old one does not.`);
  if (result.removed.length > 0) lines.push(`Removed access:`, ...grouped('removes', result.removed, serviceName).map((line) => `  ${line}`));
  if (!result.complete) {
    lines.push(
      `Could not finish within ${result.maxRequests} requests: ${result.checked} of ${result.space.requests} checked (${result.space.actionClasses} action classes, ${result.space.actions} actions).${result.newAccess ? '' : ' No new access was found in what was checked, but the rest was not.'}`,
    );
  }
  return lines;
}
