import type { Coverage, SimulateAllResult, SimulateAllRow } from '../../server/src/protocol';
import { escapeHtml, htmlTable, LinkTargets, type RenderedPage } from './htmlPage';

const COVERAGE: Record<Coverage, [label: string, css: string]> = { AllowAll: ['Allowed for all', 'allow'], AllowSome: ['Allowed for some', 'implicit'], DenyAll: ['Denied for all', 'deny'] };

const LABELS = { Allow: ['Allowed', 'allow'], ExplicitDeny: ['Explicitly denied', 'deny'], ImplicitDeny: ['Implicitly denied', 'implicit'] } as const;

/** Every action of the policy against one resource: a table of decisions with what decided each. */
export function renderAllActions(result: SimulateAllResult, principal: string | undefined): RenderedPage {
  const links = new LinkTargets();
  const counts = { Allow: 0, ExplicitDeny: 0, ImplicitDeny: 0 };
  for (const row of result.rows) counts[row.decision]++;
  const parts = [
    `<h1>Every action of the policy</h1>`,
    `<div class="request"><div><span class="muted">${result.resourcePattern ? 'Resource pattern (every resource it matches)' : 'Resource'}:</span> <code>${escapeHtml(result.resource)}</code></div><div><span class="muted">Principal:</span> <code>${escapeHtml(principal || '(none)')}</code></div></div>`,
    `<p class="counts">${(Object.keys(counts) as (keyof typeof counts)[]).map((d) => `<span class="${LABELS[d][1]}">${counts[d]} ${LABELS[d][0].toLowerCase()}</span>`).join('')}<span class="muted">${result.rows.length} actions in ${result.elapsedMs} ms</span></p>`,
  ];
  if (result.truncated) {
    parts.push(`<div class="note">The policy names ${result.totalActions} actions once its wildcards are expanded; the first ${result.rows.length} are shown. Simulate one action to see any other.</div>`);
  }
  if (result.actionPatterns && result.actionPatterns.length > 0) {
    const patternRows = result.actionPatterns.map((p) => {
      const [label, css] = COVERAGE[p.coverage];
      const examples = [p.allowedAction ? `allowed: <code>${escapeHtml(p.allowedAction)}</code>` : '', p.deniedAction ? `denied: <code>${escapeHtml(p.deniedAction)}</code>` : ''].filter((part) => part !== '').join('; ');
      return { cells: [`<code>${escapeHtml(p.pattern)}</code>`, `<span class="${css}">${label}</span>`, String(p.actions), examples] };
    });
    parts.push(`<h2>Action patterns</h2>${htmlTable(['Pattern', 'Answer', 'Actions', 'Examples'], patternRows)}`);
  }
  const rows = result.rows.map((row) => {
    const [label, css] = row.coverage ? coverageCell(row) : LABELS[row.decision];
    const rule = row.serviceRule ? `<span title="${escapeHtml(row.serviceRule.reason)}">service rule: ${escapeHtml(row.serviceRule.kind === 'no-permission' ? 'needs no permission' : 'refused for any caller')}</span>` : '';
    const by = [rule, ...row.decidingStatements.map((s) => links.link(s.range, s.sid ? `"${s.sid}"` : `statement ${s.index + 1}`, `${s.policyLabel}: show in the editor`))].filter((part) => part !== '').join(', ');
    const missing = row.missingContextKeys.map((k) => `<code>${escapeHtml(k)}</code>`).join(', ');
    return { cells: [`<code>${escapeHtml(row.action)}</code>`, `<span class="${css}">${label}</span>`, by || '<span class="muted">—</span>', missing || '<span class="muted">—</span>'] };
  });
  parts.push(
    rows.length === 0
      ? '<p class="muted">The policy names no action.</p>'
      : htmlTable(['Action', 'Decision', 'Decided by', 'Missing context keys'], rows),
  );
  return { title: 'IAM: every action', body: parts.join('\n'), targets: links.ranges };
}

/** For a resource pattern: all, some (with a resource of each side) or none. */
function coverageCell(row: SimulateAllRow): [string, string] {
  const [label, css] = COVERAGE[row.coverage!];
  if (row.coverage !== 'AllowSome') return [label, css];
  return [`${label}: allowed on <code>${escapeHtml(row.allowedResource ?? '')}</code>, denied on <code>${escapeHtml(row.deniedResource ?? '')}</code>`, css];
}
