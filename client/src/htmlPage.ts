import type { Range } from '../../server/src/protocol';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Places in the simulated document the page links to; a link carries its index. */
export class LinkTargets {
  readonly ranges: Range[] = [];

  link(range: Range, text: string, title = 'Show in the editor'): string {
    this.ranges.push(range);
    return `<a href="#" data-target="${this.ranges.length - 1}" title="${escapeHtml(title)}">${escapeHtml(text)}</a>`;
  }
}

/**
 * A table whose cells carry their column's name, so that a narrow view (a split editor) can show each
 * row as a stacked card with labels instead of cutting columns off.
 */
export function htmlTable(headers: readonly string[], rows: readonly { readonly css?: string; readonly cells: readonly string[] }[]): string {
  const head = headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows
    .map((row) => `<tr${row.css ? ` class="${row.css}"` : ''}>${row.cells.map((cell, i) => `<td data-label="${escapeHtml(headers[i] ?? '')}">${cell}</td>`).join('')}</tr>`)
    .join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

export interface RenderedPage {
  readonly title: string;
  readonly body: string;
  readonly targets: readonly Range[];
}

/**
 * The whole page. Nothing remote, nothing from disk: the policy forbids every source but the page's own
 * style and the one script (which only turns link clicks into messages), both tied to a fresh nonce.
 */
export function pageHtml(page: RenderedPage, nonce: string): string {
  const csp = `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src 'none'; font-src 'none'; connect-src 'none'; form-action 'none'; base-uri 'none'`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(page.title)}</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
${page.body}
<script nonce="${nonce}">${SCRIPT}</script>
</body>
</html>`;
}

const SCRIPT = `(function () {
  const vscode = acquireVsCodeApi();
  document.addEventListener('click', function (event) {
    const link = event.target instanceof Element ? event.target.closest('[data-target]') : null;
    if (!link) return;
    event.preventDefault();
    vscode.postMessage({ type: 'reveal', target: Number(link.getAttribute('data-target')) });
  });
})();`;

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 16px 16px; }
h1 { font-size: 1.6em; margin: 12px 0 4px; }
h2 { font-size: 1.1em; margin: 18px 0 6px; }
.allow { color: var(--vscode-testing-iconPassed, #3fb950); }
.deny { color: var(--vscode-errorForeground, #f85149); }
.implicit { color: var(--vscode-editorWarning-foreground, #d29922); }
.muted { color: var(--vscode-descriptionForeground); }
.request { font-family: var(--vscode-editor-font-family); margin: 4px 0; }
.note { border-left: 3px solid var(--vscode-editorWarning-foreground, #d29922); padding: 4px 8px; margin: 8px 0; background: var(--vscode-textBlockQuote-background); }
table { border-collapse: collapse; width: 100%; margin-top: 6px; }
th, td { text-align: left; padding: 3px 8px; border-bottom: 1px solid var(--vscode-panel-border, #8884); vertical-align: top; overflow-wrap: anywhere; }
th { font-weight: 600; }
tr.deciding td { background: var(--vscode-editor-selectionHighlightBackground, #8882); }
code { font-family: var(--vscode-editor-font-family); }
a { color: var(--vscode-textLink-foreground); }
ul { margin: 4px 0; padding-left: 20px; }
.counts span { margin-right: 16px; }
.mark { white-space: nowrap; }
code { overflow-wrap: anywhere; }
/* A split editor leaves the view a few hundred pixels: each row becomes a card of labelled cells. */
@media (max-width: 640px) {
  table, tbody, tr, td { display: block; width: auto; }
  thead { display: none; }
  tr { border-bottom: 1px solid var(--vscode-panel-border, #8884); padding: 4px 0; }
  td { border: none; padding: 1px 4px; }
  td::before { content: attr(data-label) ": "; color: var(--vscode-descriptionForeground); }
}
`;
