import type { ElementMatch, SimulateParams, SimulateResult, SimulatedCondition, SimulatedStatement } from '../../server/src/protocol';
import { escapeHtml, htmlTable, LinkTargets, type RenderedPage } from './htmlPage';

type Request = Omit<SimulateParams, 'uri'>;

const DECISIONS: Record<SimulateResult['decision'], { text: string; css: string; why: string }> = {
  Allow: { text: 'Allowed', css: 'allow', why: 'A statement allows the request and none denies it.' },
  ExplicitDeny: { text: 'Denied (explicit deny)', css: 'deny', why: 'A Deny statement applies; no Allow can override it.' },
  ImplicitDeny: { text: 'Denied (implicitly)', css: 'implicit', why: 'No statement allows the request.' },
};

/** One simulation, readable at a glance: the decision, what decided it, then every statement. */
export function renderResult(request: Request, result: SimulateResult): RenderedPage {
  const links = new LinkTargets();
  const decision = DECISIONS[result.decision];
  const deciding = new Set(result.decidingStatements.map(key));
  const parts = [
    `<h1 class="${decision.css}">${decision.text}</h1>`,
    `<div class="request">${requestLine(request, result.principalKind)}${result.crossAccount ? '<div class="muted">Cross-account: both the caller\'s account and the resource\'s must allow.</div>' : ''}</div>`,
    `<p>${escapeHtml(result.summary || decision.why)}</p>`,
  ];
  const rule = result.serviceRule;
  if (rule) {
    const what = rule.kind === 'no-permission' ? 'This action needs no permission: AWS does not consult the policies.' : 'The service does not allow this for any caller, whatever the policies say.';
    parts.push(
      `<div class="note service-rule"><strong>Service rule.</strong> ${escapeHtml(what)} ${escapeHtml(rule.reason)}<div class="muted">The policies alone decide ${escapeHtml(rule.policyDecision)}. Source: <code>${escapeHtml(rule.source)}</code></div></div>`,
    );
  }
  if (result.decidingStatements.length > 0) {
    parts.push(`<h2>Decided by</h2><ul>${result.decidingStatements.map((s) => `<li>${statementLink(links, s)} <span class="muted">${escapeHtml(s.policyLabel)}</span></li>`).join('')}</ul>`);
  }
  if (result.dependsOn && (result.dependsOn.unknowns.length > 0 || result.dependsOn.assumptions.length > 0)) {
    const items = [
      ...result.dependsOn.unknowns.map((part) => `<li><code>\${${escapeHtml(part.source)}}</code> — ${escapeHtml(part.reason)}</li>`),
      ...result.dependsOn.assumptions.map((assumption) => `<li>the condition <code>${escapeHtml(assumption.condition)}</code> is ${assumption.holds ? 'true' : 'false'}</li>`),
    ];
    parts.push(`<div class="note"><strong>Depends on what the template does not state.</strong> The deciding statements matched only through these; the decision holds if they turn out so:<ul>${items.join('')}</ul></div>`);
  }
  if (result.missingContextKeys.length > 0) {
    parts.push(
      `<div class="note"><strong>Missing context keys.</strong> The conditions read ${result.missingContextKeys.map((k) => `<code>${escapeHtml(k)}</code>`).join(', ')}, which the request did not carry; the decision may change when they are set.</div>`,
    );
  }
  if (result.notes && result.notes.length > 0) {
    parts.push(`<h2>How it was decided</h2><ol>${result.notes.map((note) => `<li>${escapeHtml(note)}</li>`).join('')}</ol>`);
  }
  parts.push(`<h2>Statements (${result.statements.length})</h2>`, statementsTable(links, result.statements, deciding));
  return { title: `IAM simulation: ${request.action}`, body: parts.join('\n'), targets: links.ranges };
}

function requestLine(request: Request, principalKind: string | undefined): string {
  const context = Object.entries(request.context ?? {});
  const rows = [
    ['Action', request.action],
    ['Resource', request.resource],
    ['Principal', request.principal ? `${request.principal}${principalKind ? ` (${principalKind})` : ''}` : '(none)'],
    ...(request.resourceAccount ? [['Resource account', request.resourceAccount]] : []),
    ...context.map(([k, v]) => [k, Array.isArray(v) ? `[${v.join(', ')}]` : v]),
  ];
  return rows.map(([name, value]) => `<div><span class="muted">${escapeHtml(name!)}:</span> <code>${escapeHtml(value!)}</code></div>`).join('');
}

function statementsTable(links: LinkTargets, statements: readonly SimulatedStatement[], deciding: Set<string>): string {
  if (statements.length === 0) return '<p class="muted">The document holds no statements.</p>';
  const rows = statements.map((s) => {
    const applies = s.ignoredBecause ? `<span class="muted">ignored: ${escapeHtml(s.ignoredBecause)}</span>` : s.applies ? `<span class="${s.effect === 'Deny' ? 'deny' : 'allow'}">applies</span>` : '<span class="muted">does not apply</span>';
    const name = `${statementLink(links, s)}<div class="muted">${escapeHtml(s.policyLabel)}${s.level ? ` · ${escapeHtml(s.level)}` : ''}</div>`;
    return { css: deciding.has(key(s)) ? 'deciding' : undefined, cells: [name, escapeHtml(s.effect ?? '?'), mark(s.action), mark(s.resource), mark(s.principal), conditions(links, s.conditions), applies] };
  });
  return htmlTable(['Statement', 'Effect', 'Action', 'Resource', 'Principal', 'Conditions', 'Result'], rows);
}

function conditions(links: LinkTargets, list: readonly SimulatedCondition[]): string {
  if (list.length === 0) return '<span class="muted">none</span>';
  return list
    .map((c) => {
      const name = `${c.operator} ${c.key}`;
      const label = c.range ? links.link(c.range, name, 'Show this condition') : escapeHtml(name);
      const request = c.requestValues === undefined ? '<em>missing</em>' : `<code>${escapeHtml(c.requestValues.join(', ') || '(empty)')}</code>`;
      return `<div>${matchMark(c.matched)} ${label}: policy <code>${escapeHtml(c.policyValues.join(', '))}</code>, request ${request}</div>`;
    })
    .join('');
}

function mark(state: ElementMatch | string): string {
  if (state === 'match') return matchMark(true);
  if (state === 'no-match') return matchMark(false);
  return '<span class="muted" title="not applicable to this policy type">—</span>';
}

function matchMark(matched: boolean): string {
  return matched ? '<span class="allow mark">✔ match</span>' : '<span class="deny mark">✘ no match</span>';
}

function statementLink(links: LinkTargets, s: SimulatedStatement): string {
  const name = s.sid ? `"${s.sid}"` : `Statement ${s.index + 1}`;
  return links.link(s.range, name);
}

function key(s: SimulatedStatement): string {
  return `${s.policyLabel}\u0000${s.index}\u0000${s.range.start.line}:${s.range.start.character}`;
}
