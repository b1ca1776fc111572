import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FixHint } from '../../../engine/src';
import { spanToRange } from '../convert';
import { DIAGNOSTIC_SOURCE } from '../diagnostics';
import { runSafe } from '../runSafe';
import type { FeatureContext } from './context';

export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix];

/**
 * Quick fixes come with the diagnostics: each finding carries its fixes as plain data
 * (`data.fixes`), and the editor hands the diagnostics back when it asks for code actions. Nothing
 * is linted again here.
 */
export function registerCodeActions({ connection, documents }: FeatureContext): void {
  connection.onCodeAction((params, token) =>
    runSafe(connection, 'codeAction', [] as CodeAction[], token, () => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return [];
      const only = params.context.only;
      if (only && !only.some((kind) => CodeActionKind.QuickFix === kind || CodeActionKind.QuickFix.startsWith(`${kind}.`))) return [];
      return params.context.diagnostics.flatMap((diagnostic) => actionsFor(document, diagnostic));
    }),
  );
}

function actionsFor(document: TextDocument, diagnostic: Diagnostic): CodeAction[] {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return [];
  const fixes = readFixes(diagnostic.data, document.getText().length);
  return fixes.map((fix) => {
    const edit: TextEdit = { range: fix.span ? spanToRange(document, fix.span) : diagnostic.range, newText: fix.replacement };
    return {
      title: fix.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: fixes.length === 1,
      edit: { changes: { [document.uri]: [edit] } },
    };
  });
}

/** The fixes of a diagnostic's data, checked: the data made a round trip through the client. */
function readFixes(data: unknown, textLength: number): FixHint[] {
  const fixes = (data as { fixes?: unknown } | undefined)?.fixes;
  if (!Array.isArray(fixes)) return [];
  return fixes.filter((fix): fix is FixHint => {
    if (typeof fix !== 'object' || fix === null) return false;
    const { title, replacement, span } = fix as Record<string, unknown>;
    if (typeof title !== 'string' || typeof replacement !== 'string') return false;
    if (span === undefined) return true;
    const { offset, length } = (span ?? {}) as Record<string, unknown>;
    return Number.isInteger(offset) && Number.isInteger(length) && (offset as number) >= 0 && (length as number) >= 0 && (offset as number) + (length as number) <= textLength;
  });
}
