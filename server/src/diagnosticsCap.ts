import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { DIAGNOSTIC_SOURCE } from './diagnostics';

/**
 * At most this many diagnostics per document. A hostile or generated file can hold hundreds of
 * thousands of findings (a 4 MB policy gave 400,000 in one 158 MB message); no one reads past the
 * first few hundred, and the editor slows down long before that.
 */
export const MAX_DIAGNOSTICS_PER_DOCUMENT = 1000;

/**
 * The diagnostics to publish: all of them when they fit, otherwise the most severe first (then in
 * document order) and one summary at the top of the document that counts what was left out, by rule,
 * with the severity of the worst finding it stands for.
 */
export function capDiagnostics(diagnostics: Diagnostic[], max = MAX_DIAGNOSTICS_PER_DOCUMENT): Diagnostic[] {
  if (diagnostics.length <= max) return diagnostics;
  const ordered = [...diagnostics].sort((a, b) => rank(a) - rank(b) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  const shown = ordered.slice(0, max - 1);
  const hidden = ordered.slice(max - 1);
  return [summaryOf(hidden, diagnostics.length, shown.length), ...shown];
}

function rank(diagnostic: Diagnostic): number {
  return diagnostic.severity ?? DiagnosticSeverity.Error;
}

function summaryOf(hidden: readonly Diagnostic[], total: number, shown: number): Diagnostic {
  const byRule = new Map<string, number>();
  for (const diagnostic of hidden) {
    const rule = String(diagnostic.code ?? 'other');
    byRule.set(rule, (byRule.get(rule) ?? 0) + 1);
  }
  const counts = [...byRule]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 5)
    .map(([rule, count]) => `${count.toLocaleString('en-US')} ${rule}`);
  const more = byRule.size > 5 ? `, and ${byRule.size - 5} more rules` : '';
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    // Errors rank first, so the worst of what is hidden is its first entry.
    severity: rank(hidden[0]!) as DiagnosticSeverity,
    source: DIAGNOSTIC_SOURCE,
    message:
      `${total.toLocaleString('en-US')} findings in this file; the ${shown.toLocaleString('en-US')} most severe are shown and ` +
      `${hidden.length.toLocaleString('en-US')} are not (${counts.join(', ')}${more}). Run "iam-author check" on the file to list them all.`,
  };
}
