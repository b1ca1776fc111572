import type { PolicySummaryEntry, SummaryLevel } from '../../server/src/protocol';
import { escapeHtml, LinkTargets, type RenderedPage } from './htmlPage';

const SHOWN = 8;

function codes(values: readonly string[]): string {
  const shown = values.slice(0, SHOWN).map((value) => `<code>${escapeHtml(value)}</code>`).join(', ');
  return values.length > SHOWN ? `${shown} <span class="muted">and ${values.length - SHOWN} more</span>` : shown;
}

function limits(level: SummaryLevel): string {
  const parts = [level.resources.some((resource) => /^\*+$/.test(resource)) ? 'all resources' : codes(level.resources)];
  if (level.principals.length > 0) parts.push(`for ${codes(level.principals)}`);
  if (level.conditions.length > 0) parts.push(`when ${codes(level.conditions)}`);
  return parts.join('; ');
}

/** The summary view: per policy, per service, each granted or denied access level with links to its statements. */
export function renderSummary(policies: readonly PolicySummaryEntry[]): RenderedPage {
  const links = new LinkTargets();
  const parts: string[] = [];
  for (const policy of policies) {
    parts.push(`<h1>${links.link(policy.range, policy.label, 'Show the policy in the editor')}</h1>`, `<p class="muted">${escapeHtml(policy.type)} policy · ${escapeHtml(policy.headline)}</p>`);
    if (policy.services.length === 0) parts.push('<p class="muted">The policy grants no access the catalogue knows.</p>');
    const row = (level: SummaryLevel, css: string, label: string) => {
      const by = level.statements.map((statement) => links.link(statement.range, statement.sid ? `"${statement.sid}"` : `#${statement.index + 1}`)).join(', ');
      return `<tr><td class="${css}">${escapeHtml(label)}</td><td>${level.count} of ${level.total}<br>${codes(level.sample)}</td><td>${limits(level)}</td><td>${by}</td></tr>`;
    };
    for (const service of policy.services) {
      parts.push(`<h2>${escapeHtml(service.name)} <span class="muted">(${escapeHtml(service.prefix)})</span></h2>`);
      const rows = [
        ...service.grants.map((level) => row(level, 'allow', `${level.extent} ${level.level}`)),
        ...service.denials.map((level) => row(level, 'deny', `Deny ${level.extent} ${level.level}`)),
      ];
      parts.push(`<table><thead><tr><th>Access</th><th>Actions</th><th>Limited to</th><th>Statements</th></tr></thead><tbody>${rows.join('')}</tbody></table>`);
    }
    if (policy.unrecognizedActions.length > 0) parts.push(`<div class="note">Not in the catalogue, so not summarised: ${codes(policy.unrecognizedActions)}</div>`);
  }
  return { title: 'IAM: policy summary', body: parts.join('\n'), targets: links.ranges };
}
