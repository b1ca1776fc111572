import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList, type Range } from 'vscode-languageserver';
import { candidateDocumentation, complete, type Candidate, type DocumentationKey, type Span } from '../../../engine/src';
import { spanToRange } from '../convert';
import { runSafe } from '../runSafe';
import { selectCandidates, typedFilter, type TypedFilter } from './completionFilter';
import type { FeatureContext } from './context';

export const completionTriggerCharacters = ['"', ':', '/', '$', '{'];

/**
 * Replies stay small: long lists (a service's actions, condition keys, service principals) go out
 * without documentation and carry a documentation key in `data`; completionItem/resolve turns the key
 * back into markdown for the one item the editor shows.
 */
export function registerCompletion({ connection, documents, cache, runtime }: FeatureContext): void {
  connection.onCompletion((params, token) =>
    runSafe<CompletionList | null>(connection, 'completion', null, token, () => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return null;
      const offset = document.offsetAt(params.position);
      const result = complete(cache.get(document), offset, runtime.catalog);
      if (!result) return null;
      const text = document.getText();
      // Most candidates share the result's range; the others (ARN rests) get theirs once each.
      const places = new Map<string, Place>();
      const placeOf = (span: Span): Place => {
        const id = `${span.offset}:${span.length}`;
        let place = places.get(id);
        if (!place) places.set(id, (place = { range: spanToRange(document, span), filter: typedFilter(offset > span.offset ? text.slice(span.offset, offset) : '') }));
        return place;
      };
      const shared = placeOf(result.replace);
      const { chosen, incomplete } = selectCandidates(
        result.candidates,
        (candidate) => candidate.filterText ?? candidate.label,
        (candidate) => (candidate.replace ? placeOf(candidate.replace) : shared).filter,
        MAX_ITEMS,
      );
      return { isIncomplete: incomplete, items: chosen.map((candidate) => toCompletionItem(candidate, (candidate.replace ? placeOf(candidate.replace) : shared).range)) };
    }),
  );

  connection.onCompletionResolve((item, token) =>
    runSafe<CompletionItem>(connection, 'completionItem/resolve', item, token, () => {
      const key = documentationKeyOf(item);
      const markdown = key && candidateDocumentation(key, runtime.catalog);
      return markdown ? { ...item, documentation: { kind: MarkupKind.Markdown, value: markdown } } : item;
    }),
  );
}

interface Place {
  readonly range: Range;
  readonly filter: TypedFilter;
}

/**
 * A reply of several hundred items takes milliseconds to write and parse. Lists people browse whole
 * (operators, condition keys, service principals) stay under this; a service's actions and the service
 * prefixes go out in part, marked incomplete, and the editor asks again as the user types.
 */
export const MAX_ITEMS = 200;

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

/** What `data` carries: the documentation key, without the key when it equals the label (most actions). */
interface ItemData {
  readonly kind: DocumentationKey['kind'];
  readonly key?: string;
  readonly args?: readonly string[];
}

function toCompletionItem(candidate: Candidate, range: Range): CompletionItem {
  const item: CompletionItem = {
    label: candidate.label,
    kind: KINDS[candidate.kind],
    textEdit: { range, newText: candidate.insertText ?? candidate.label },
  };
  if (candidate.detail) item.detail = candidate.detail;
  if (candidate.filterText !== undefined && candidate.filterText !== candidate.label) item.filterText = candidate.filterText;
  if (candidate.sortText) item.sortText = candidate.sortText;
  // PlainText is the default insertTextFormat; only snippets need saying so.
  if (candidate.isSnippet) item.insertTextFormat = InsertTextFormat.Snippet;
  if (candidate.retrigger) item.command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };
  const key = candidate.documentationKey;
  if (key) {
    const data: ItemData = { kind: key.kind, ...(key.key === candidate.label ? {} : { key: key.key }), ...(key.args ? { args: key.args } : {}) };
    item.data = data;
  } else if (candidate.documentation) {
    item.documentation = { kind: MarkupKind.Markdown, value: candidate.documentation };
  }
  return item;
}

/** The documentation key an item carries back from the editor; anything malformed gives undefined. */
function documentationKeyOf(item: CompletionItem): DocumentationKey | undefined {
  const data = item.data as Partial<ItemData> | null | undefined;
  if (!data || typeof data !== 'object' || typeof data.kind !== 'string') return undefined;
  const key = data.key ?? item.label;
  if (typeof key !== 'string') return undefined;
  const args = Array.isArray(data.args) ? data.args.filter((arg): arg is string => typeof arg === 'string') : undefined;
  return { kind: data.kind, key, ...(args ? { args } : {}) };
}
