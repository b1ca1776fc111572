import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Range } from 'vscode-languageserver';
import { complete, type Candidate } from '../../../engine/src';
import { spanToRange } from '../convert';
import { runSafe } from '../runSafe';
import type { FeatureContext } from './context';

export const completionTriggerCharacters = ['"', ':', '/', '$', '{'];

export function registerCompletion({ connection, documents, cache, runtime }: FeatureContext): void {
  connection.onCompletion((params, token) =>
    runSafe(connection, 'completion', null, token, () => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return null;
      const result = complete(cache.get(document), document.offsetAt(params.position), runtime.catalog);
      if (!result) return null;
      const range = spanToRange(document, result.replace);
      const items = result.candidates.map((candidate) =>
        toCompletionItem(candidate, candidate.replace ? spanToRange(document, candidate.replace) : range),
      );
      return { isIncomplete: false, items };
    }),
  );
}

const KINDS: Record<Candidate['kind'], CompletionItemKind> = {
  service: CompletionItemKind.Module,
  action: CompletionItemKind.Function,
  wildcard: CompletionItemKind.Constant,
  keyword: CompletionItemKind.Keyword,
  value: CompletionItemKind.Value,
  snippet: CompletionItemKind.Snippet,
  property: CompletionItemKind.Property,
  operator: CompletionItemKind.Operator,
  conditionKey: CompletionItemKind.Field,
  principal: CompletionItemKind.Reference,
  resource: CompletionItemKind.Reference,
  variable: CompletionItemKind.Variable,
};

function toCompletionItem(candidate: Candidate, range: Range): CompletionItem {
  return {
    label: candidate.label,
    kind: KINDS[candidate.kind],
    detail: candidate.detail,
    documentation: candidate.documentation ? { kind: MarkupKind.Markdown, value: candidate.documentation } : undefined,
    textEdit: { range, newText: candidate.insertText ?? candidate.label },
    filterText: candidate.filterText,
    insertTextFormat: candidate.isSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    sortText: candidate.sortText,
    command: candidate.retrigger ? { title: 'Suggest', command: 'editor.action.triggerSuggest' } : undefined,
  };
}
