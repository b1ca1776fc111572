import type { AccessDiffResult, AccessWitness } from '../../server/src/protocol';
import { escapeHtml, LinkTargets, type RenderedPage } from './htmlPage';

function request(witness: AccessWitness): string {
  const parts = [`<code>${escapeHtml(witness.action)}</code>${witness.sameFor > 0 ? ` <span class="muted">(and ${witness.sameFor} more)</span>` : ''} on <code>${escapeHtml(witness.resource)}</code>`];
  if (witness.principal) parts.push(`by <code>${escapeHtml(witness.principal)}</code>`);
  if (witness.context) {
    const context = Object.entries(witness.context).map(([key, value]) => `${key}=${Array.isArray(value) ? `[${value.join(',')}]` : String(value)}`);
    parts.push(`with <code>${escapeHtml(context.join(', '))}</code>`);
  }
  return parts.join(' ');
}

function rows(witnesses: readonly AccessWitness[], links: LinkTargets | undefined, css: string): string {
  const body = witnesses.map((witness) => {
    const statement = witness.statement;
    const name = statement ? (statement.sid ? `"${statement.sid}"` : `#${statement.index + 1}`) : '';
    const where = statement && links ? links.link(statement.range, name) : escapeHtml(name);
    return `<tr><td class="${css}">${escapeHtml(witness.accessLevel)} to ${escapeHtml(witness.serviceName)}</td><td>${request(witness)}</td><td>${where}</td></tr>`;
  });
  return `<table><thead><tr><th>Access</th><th>Request (checked by the simulator)</th><th>Statement</th></tr></thead><tbody>${body.join('')}</tbody></table>`;
}

/** The review view: what the edit adds (with links to the statements that add it) and what it removes. */
export function renderReview(result: AccessDiffResult, fileName: string, oldLabel: string): RenderedPage {
  const links = new LinkTargets();
  const parts = [`<h1>Access changes in ${escapeHtml(fileName)}</h1>`, `<p class="muted">Compared with ${escapeHtml(oldLabel)}; ${result.checked} requests checked.</p>`];
  if (!result.complete) parts.push(`<div class="note">The comparison could not finish within its request limit: what is shown is what it found, and "no new access" cannot be claimed.</div>`);
  parts.push(`<h2 class="${result.newAccess ? 'deny' : 'allow'}">${result.newAccess ? `Adds access (${result.added.length})` : result.complete ? 'No new access' : 'No new access found so far'}</h2>`);
  if (result.added.length > 0) parts.push(rows(result.added, links, 'deny'));
  parts.push(`<h2>Removes access (${result.removed.length})</h2>`);
  if (result.removed.length > 0) parts.push(rows(result.removed, undefined, 'allow'));
  return { title: 'IAM: access changes', body: parts.join('\n'), targets: links.ranges };
}
