import { ACCESS_LEVELS, type LevelGrant, type PolicySummary, type ServiceAccessSummary } from './types';

/** How a service's grant reads in one line: "S3: Full List, Limited Read" or "IAM: Full access". */
export function describeService(service: ServiceAccessSummary): string {
  const label = serviceLabel(service);
  if (service.fullAccess) return `${label}: Full access`;
  if (service.levels.length === 0) return `${label}: denied ${service.denials.map((denial) => denial.level).join(', ')}`;
  return `${label}: ${service.levels.map((grant) => `${grant.extent} ${grant.level}`).join(', ')}`;
}

/**
 * The policy's access in one line, as the code lens shows it: "S3: Full List, Limited Read · EC2:
 * Limited Write", services in the order of their broadest grant, cut after `maxServices` with a count.
 */
export function headline(summary: PolicySummary, maxServices = 3): string {
  const granting = summary.services.filter((service) => service.levels.length > 0);
  if (summary.allowsEverything && granting.every((service) => service.fullAccess)) return `Full access to all ${granting.length} services`;
  if (granting.length === 0) return summary.services.length > 0 ? 'Grants nothing; denies ' + summary.services.map(serviceLabel).join(', ') : 'Grants no access';
  const ordered = [...granting].sort((a, b) => weight(b) - weight(a) || (a.prefix < b.prefix ? -1 : 1));
  const shown = ordered.slice(0, maxServices).map(describeService);
  const rest = ordered.length - shown.length;
  // Denials of services the policy grants nothing in are guard rails worth one mention.
  const guards = summary.services.filter((service) => service.levels.length === 0);
  const denied = guards.length > 0 ? ` · Deny: ${guards.slice(0, 2).map((service) => `${serviceLabel(service)} ${service.denials.map((denial) => denial.level).join(', ')}`).join('; ')}${guards.length > 2 ? ` and ${guards.length - 2} more` : ''}` : '';
  return shown.join(' · ') + (rest > 0 ? ` · +${rest} more service${rest === 1 ? '' : 's'}` : '') + denied;
}

/** Several lines per service, for the CLI's text output and the summary view's plain form. */
export function summaryLines(summary: PolicySummary): string[] {
  const lines: string[] = [];
  if (summary.services.length === 0) lines.push('Grants no access.');
  for (const service of summary.services) {
    lines.push(describeService(service));
    for (const grant of service.levels) lines.push(`  ${grant.extent} ${grant.level} (${grant.allowed} of ${grant.total} actions): ${limitsText(grant)}`);
    for (const denial of service.denials) {
      lines.push(`  Deny ${denial.effect === 'removes' ? 'removes' : 'limits'} ${denial.level} (${denial.denied} of ${denial.total} actions): ${limitsText(denial)}`);
    }
  }
  if (summary.unrecognizedActions.length > 0) lines.push(`Not in the catalogue (not summarised): ${summary.unrecognizedActions.join(', ')}`);
  return lines;
}

export function limitsText(limits: Pick<LevelGrant, 'resources' | 'conditions' | 'principals'>): string {
  const resources = limits.resources.some((resource) => /^\*+$/.test(resource)) ? 'all resources' : limits.resources.join(', ');
  const parts = [resources];
  if (limits.principals.length > 0) parts.push(`for ${limits.principals.join(', ')}`);
  if (limits.conditions.length > 0) parts.push(`when ${limits.conditions.join(', ')}`);
  return parts.join('; ');
}

function serviceLabel(service: ServiceAccessSummary): string {
  // Short prefixes are the names people say (S3, EC2, IAM, KMS); longer ones read better as names.
  return service.prefix.length <= 3 ? service.prefix.toUpperCase() : service.name.replace(/^(Amazon|AWS) /, '');
}

/** Broader grants first: higher levels count more, Full more than Limited. */
function weight(service: ServiceAccessSummary): number {
  if (service.fullAccess) return 1000;
  return service.levels.reduce((sum, grant) => sum + (ACCESS_LEVELS.indexOf(grant.level) + 1) * (grant.extent === 'Full' ? 2 : 1), 0);
}
