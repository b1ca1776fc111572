import { mdCode, mdText } from '../markdown/userText';
import { headline } from './describe';
import type { LevelDenial, LevelGrant, PolicySummary } from './types';

const SHOWN = 6;

function list(values: readonly string[], total = values.length): string {
  const shown = values.slice(0, SHOWN).map(mdCode).join(', ');
  return total > SHOWN ? `${shown} and ${total - SHOWN} more` : shown;
}

function limits(entry: LevelGrant | LevelDenial): string {
  const parts = [entry.resources.some((resource) => /^\*+$/.test(resource)) ? 'all resources' : list(entry.resources)];
  if (entry.principals.length > 0) parts.push(`for ${list(entry.principals)}`);
  if (entry.conditions.length > 0) parts.push(`when ${list(entry.conditions)}`);
  return parts.join('; ');
}

/** A Limited level names the actions it allows (a sample of them); a Full level needs no list. */
function actionsOf(grant: LevelGrant): string {
  return grant.extent === 'Limited' ? `: ${list(grant.sample, grant.allowed)}` : '';
}

/**
 * The summary as Markdown for a hover: one line per service with its levels, then what limits each
 * level. Every value that comes from the policy goes through the shared user-text escaping.
 */
export function summaryMarkdown(summary: PolicySummary, maxServices = 12): string {
  const lines = [`**Access this policy defines:** ${mdText(headline(summary))}`];
  const services = summary.services.slice(0, maxServices);
  for (const service of services) {
    lines.push('', `**${mdText(service.name)}**${service.fullAccess ? ' · Full access' : ''}`);
    for (const grant of service.levels) lines.push(`- ${grant.extent} ${grant.level} (${grant.allowed} of ${grant.total}${actionsOf(grant)}) on ${limits(grant)}`);
    for (const denial of service.denials) lines.push(`- Deny ${denial.effect} ${denial.level} (${denial.denied} of ${denial.total}: ${list(denial.sample, denial.denied)}) on ${limits(denial)}`);
  }
  if (summary.services.length > services.length) lines.push('', `…and ${summary.services.length - services.length} more services.`);
  if (summary.unrecognizedActions.length > 0) lines.push('', `Not in the catalogue: ${list(summary.unrecognizedActions)}`);
  return lines.join('\n');
}
