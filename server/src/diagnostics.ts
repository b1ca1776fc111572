import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lintDocument, type Catalog, type Finding, type LintOptions, type PolicyFile } from '../../engine/src';
import { spanToRange, toDiagnosticSeverity } from './convert';

export const DIAGNOSTIC_SOURCE = 'iam-author';
/** IAM001, json-syntax. */
const JSON_SYNTAX_RULE = 'IAM001';

/** Rule pages ship with the extension (docs/rules), so the link works offline. */
export type RuleDocsLink = (ruleId: string) => string;

export function computeDiagnostics(
  document: TextDocument,
  file: PolicyFile,
  catalog: Catalog,
  docsLink: RuleDocsLink,
  options?: LintOptions,
  syntaxCheckedLanguages: ReadonlySet<string> = new Set(),
): Diagnostic[] {
  if (file.policies.length === 0 && file.embedded.length === 0) return [];
  const editorChecksSyntax = syntaxCheckedLanguages.has(document.languageId);
  return lintDocument(file, catalog, options)
    .filter((finding) => !(editorChecksSyntax && finding.ruleId === JSON_SYNTAX_RULE))
    .map((finding) => toDiagnostic(document, finding, docsLink));
}

export function toDiagnostic(document: TextDocument, finding: Finding, docsLink: RuleDocsLink): Diagnostic {
  return {
    range: spanToRange(document, finding.span),
    severity: toDiagnosticSeverity(finding.severity),
    code: finding.ruleId,
    codeDescription: { href: docsLink(finding.ruleId) },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    data: { ruleName: finding.ruleName, fixes: finding.fixes ?? [] },
  };
}
