import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { checkTestFile, lintDocument, type Catalog, type Finding, type LintOptions, type PolicyFile } from '../../engine/src';
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

/** `*.iamtest.json`: the requests of its tests get the catalogue checks policies get. */
export function isPolicyTestFile(uri: string): boolean {
  return /\.iamtest\.json$/i.test(uri);
}

export function testFileDiagnostics(document: TextDocument, file: PolicyFile, catalog: Catalog, docsLink: RuleDocsLink): Diagnostic[] {
  return checkTestFile(file.root, catalog).map((problem) => ({
    range: spanToRange(document, problem.span),
    severity: toDiagnosticSeverity('error'),
    code: problem.ruleId,
    codeDescription: { href: docsLink(problem.ruleId) },
    source: DIAGNOSTIC_SOURCE,
    message: `${problem.message} A test of an action AWS does not have can only be denied, so it proves nothing.`,
    data: { fixes: problem.suggestion ? [{ title: `Change to "${problem.suggestion}"`, replacement: JSON.stringify(problem.suggestion) }] : [] },
  }));
}
