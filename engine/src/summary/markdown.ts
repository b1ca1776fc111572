import { headline } from './describe';
import type { LevelDenial, LevelGrant, PolicySummary } from './types';

/** Text as a Markdown code span that no character of it can end or turn live (backticks, newlines). */
export function codeSpan(text: string): string {
  const flat = text.replace(/[\r\n]+/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

const SHOWN = 6;

function list(values: readonly string[]): string {
  const shown = values.slice(0, SHOWN).map(codeSpan).join(', ');
  return values.length > SHOWN ? `${shown} and ${values.length - SHOWN} more` : shown;
}

function limits(entry: LevelGrant | LevelDenial): string {
  const parts = [entry.resources.some((resource) => /^\*+$/.test(resource)) ? 'all resources' : list(entry.resources)];
  if (entry.principals.length > 0) parts.push(`for ${list(entry.principals)}`);
  if (entry.conditions.length > 0) parts.push(`when ${list(entry.conditions)}`);
  return parts.join('; ');
}

/**
 * The summary as Markdown for a hover: one line per service with its levels, then what limits each
 * level. Every value that comes from the policy is a code span.
 */
export function summaryMarkdown(summary: PolicySummary, maxServices = 12): string {
  const lines = [`**Access this policy defines:** ${headline(summary).replace(/[\\`*_[\]<>#|]/g, '\\$&')}`];
  const services = summary.services.slice(0, maxServices);
  for (const service of services) {
    lines.push('', `**${service.name}**${service.fullAccess ? ' · Full access' : ''}`);
    for (const grant of service.levels) lines.push(`- ${grant.extent} ${grant.level} (${grant.allowed} of ${grant.total}): ${limits(grant)}`);
    for (const denial of service.denials) lines.push(`- Deny ${denial.effect} ${denial.level} (${denial.denied} of ${denial.total}): ${limits(denial)}`);
  }
  if (summary.services.length > services.length) lines.push('', `…and ${summary.services.length - services.length} more services.`);
  if (summary.unrecognizedActions.length > 0) lines.push('', `Not in the catalogue: ${list(summary.unrecognizedActions)}`);
  return lines.join('\n');
}
