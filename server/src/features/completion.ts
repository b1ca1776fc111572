import { CompletionItemKind, InsertTextFormat, MarkupKind, type ClientCapabilities, type CompletionItem, type CompletionList, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { candidateDocumentation, complete, completeManagedPolicy, type Candidate, type DocumentationKey, type Span } from '../../../engine/src';
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
export function registerCompletion({ connection, client, documents, cache, runtime }: FeatureContext): void {
  connection.onCompletion((params, token) =>
    runSafe<CompletionList | null>(connection, 'completion', null, token, () => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return null;
      const offset = document.offsetAt(params.position);
      const file = cache.get(document);
      const result = complete(file, offset, runtime.catalog) ?? (runtime.managed && completeManagedPolicy(file, offset, runtime.managed));
      if (!result) return null;
      const text = document.getText();
      // Most candidates share the result's range; the others (ARN rests) get theirs once each.
      const shared = newPlace(document, text, result.replace, offset);
      let others: Place[] | undefined;
      const placeOf = (candidate: Candidate): Place => {
        const span = candidate.replace;
        if (!span || (span.offset === shared.span.offset && span.length === shared.span.length)) return shared;
        others ??= [];
        for (const place of others) if (place.span.offset === span.offset && place.span.length === span.length) return place;
        const place = newPlace(document, text, span, offset);
        others.push(place);
        return place;
      };
      const { chosen, incomplete } = selectCandidates(result.candidates, wordOf, (candidate) => placeOf(candidate).filter, MAX_ITEMS);
      return toCompletionList(chosen, incomplete, shared, placeOf, supportedDefaults(client.capabilities));
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
  readonly span: Span;
  readonly range: Range;
  readonly filter: TypedFilter;
}

function newPlace(document: TextDocument, text: string, span: Span, offset: number): Place {
  return { span, range: spanToRange(document, span), filter: typedFilter(offset > span.offset ? text.slice(span.offset, offset) : '') };
}

const wordOf = (candidate: Candidate): string => candidate.filterText ?? candidate.label;

/** The LSP 3.17 item defaults the client accepts (`completionList.itemDefaults`), of those we use. */
interface DefaultsSupport {
  readonly editRange: boolean;
  readonly data: boolean;
  readonly insertTextFormat: boolean;
}

function supportedDefaults(capabilities: ClientCapabilities): DefaultsSupport {
  const names = capabilities.textDocument?.completion?.completionList?.itemDefaults ?? [];
  return { editRange: names.includes('editRange'), data: names.includes('data'), insertTextFormat: names.includes('insertTextFormat') };
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

/**
 * The reply. Where the client accepts item defaults, what every item would repeat is said once: the
 * shared edit range (items keep only a differing insert text), a documentation key that is just the
 * kind, a snippet format. Replies to action lists shrink to about a third, and they are what the
 * editor waits for on every keystroke.
 */
function toCompletionList(chosen: readonly Candidate[], incomplete: boolean, shared: Place, placeOf: (candidate: Candidate) => Place, support: DefaultsSupport): CompletionList {
  const defaults: NonNullable<CompletionList['itemDefaults']> = {};
  if (support.editRange) defaults.editRange = shared.range;
  const sharedData = support.data ? defaultData(chosen) : undefined;
  if (sharedData) defaults.data = sharedData;
  const allSnippets = support.insertTextFormat && chosen.length > 0 && chosen.every((candidate) => candidate.isSnippet);
  if (allSnippets) defaults.insertTextFormat = InsertTextFormat.Snippet;
  const omit: Omitted = { dataKind: sharedData?.kind, format: allSnippets };
  const items = chosen.map((candidate) => {
    const place = placeOf(candidate);
    return toCompletionItem(candidate, place === shared && support.editRange ? undefined : place.range, omit);
  });
  return support.editRange || sharedData || allSnippets ? { isIncomplete: incomplete, itemDefaults: defaults, items } : { isIncomplete: incomplete, items };
}

/**
 * The kind-only `data` most chosen items would carry, to say once as the list's default (a list of
 * actions holds a wildcard entry or two, whose own keys differ: those keep theirs). None when some
 * item has no key at all, since it would take on the default.
 */
function defaultData(chosen: readonly Candidate[]): ItemData | undefined {
  const counts = new Map<string, number>();
  for (const candidate of chosen) {
    const key = candidate.documentationKey;
    if (!key) return undefined;
    if (isKindOnly(candidate)) counts.set(key.kind, (counts.get(key.kind) ?? 0) + 1);
  }
  let best: string | undefined;
  let bestCount = 1;
  for (const [kind, count] of counts) {
    if (count > bestCount) {
      best = kind;
      bestCount = count;
    }
  }
  return best === undefined ? undefined : { kind: best as ItemData['kind'] };
}

/** Whether the item's documentation key says no more than its kind (the key is the label, no arguments). */
function isKindOnly(candidate: Candidate): boolean {
  const key = candidate.documentationKey;
  return key !== undefined && key.key === candidate.label && key.args === undefined;
}

/** What the list's defaults already say for every item. */
interface Omitted {
  /** Items whose key is only this kind leave `data` to the list's default. */
  readonly dataKind: string | undefined;
  readonly format: boolean;
}

const NOTHING_OMITTED: Omitted = { dataKind: undefined, format: false };

/** An item; without a `range` it takes the list's default range and says only a differing insert text. */
function toCompletionItem(candidate: Candidate, range: Range | undefined, omit: Omitted = NOTHING_OMITTED): CompletionItem {
  const newText = candidate.insertText ?? candidate.label;
  const item: CompletionItem = { label: candidate.label, kind: KINDS[candidate.kind] };
  if (range) item.textEdit = { range, newText };
  else if (newText !== candidate.label) item.textEditText = newText;
  if (candidate.detail) item.detail = candidate.detail;
  if (candidate.filterText !== undefined && candidate.filterText !== candidate.label) item.filterText = candidate.filterText;
  if (candidate.sortText) item.sortText = candidate.sortText;
  // PlainText is the default insertTextFormat; only snippets need saying so.
  if (candidate.isSnippet && !omit.format) item.insertTextFormat = InsertTextFormat.Snippet;
  if (candidate.retrigger) item.command = RETRIGGER;
  const key = candidate.documentationKey;
  if (key) {
    if (key.kind === omit.dataKind && isKindOnly(candidate)) return item;
    const data: ItemData = { kind: key.kind, ...(key.key === candidate.label ? {} : { key: key.key }), ...(key.args ? { args: key.args } : {}) };
    item.data = data;
  } else if (candidate.documentation) {
    item.documentation = { kind: MarkupKind.Markdown, value: candidate.documentation };
  }
  return item;
}

const RETRIGGER = { title: 'Suggest', command: 'editor.action.triggerSuggest' };

/** The documentation key an item carries back from the editor; anything malformed gives undefined. */
function documentationKeyOf(item: CompletionItem): DocumentationKey | undefined {
  const data = item.data as Partial<ItemData> | null | undefined;
  if (!data || typeof data !== 'object' || typeof data.kind !== 'string') return undefined;
  const key = data.key ?? item.label;
  if (typeof key !== 'string') return undefined;
  const args = Array.isArray(data.args) ? data.args.filter((arg): arg is string => typeof arg === 'string') : undefined;
  return { kind: data.kind, key, ...(args ? { args } : {}) };
}
