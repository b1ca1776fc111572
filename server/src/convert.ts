import type { Span } from '../../engine/src';
import { DiagnosticSeverity, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Severity } from '../../engine/src';

/** The one place where engine offsets become LSP ranges. */
export function spanToRange(document: Pick<TextDocument, 'positionAt'>, span: Span): Range {
  return { start: document.positionAt(span.offset), end: document.positionAt(span.offset + span.length) };
}

export function toDiagnosticSeverity(severity: Severity): DiagnosticSeverity {
  switch (severity) {
    case 'error':
      return DiagnosticSeverity.Error;
    case 'warning':
      return DiagnosticSeverity.Warning;
    case 'info':
      return DiagnosticSeverity.Information;
    default:
      return DiagnosticSeverity.Hint;
  }
}
