import type { Catalog } from '../catalog/catalog';
import { isMultivalued } from './data/keyNotes';
import type { CompletionPlace } from './place';
import { escapeSnippet, placeholdersToSnippet } from './snippet';
import type { Candidate, CompletionResult } from './types';

/** The start of an unclosed `${` before the cursor in the typed text, or -1. */
export function openVariableStart(typed: string): number {
  const open = typed.lastIndexOf('${');
  if (open < 0) return -1;
  return typed.indexOf('}', open) < 0 ? open : -1;
}

const cache = new WeakMap<Catalog, Candidate[]>();

/**
 * Policy variables after `${`: the single-valued global keys (multivalued keys cannot be variables) and
 * the special `${*}`, `${?}`, `${$}`. The replacement runs from after `${` to the end of the name, and a
 * closing brace is added unless one follows.
 */
export function variableCompletion(place: CompletionPlace, catalog: Catalog): CompletionResult {
  const open = openVariableStart(place.typed);
  const start = place.span.offset + open + 2;
  let end = place.offset;
  const contentEnd = place.span.offset + place.span.length;
  while (end < contentEnd && /[\w:/.-]/.test(place.text[end]!)) end++;
  const closes = place.text[end] === '}';
  const candidates = baseVariables(catalog).map((candidate) => (closes ? candidate : { ...candidate, insertText: `${candidate.insertText}}` }));
  return { candidates, replace: { offset: start, length: end - start } };
}

function baseVariables(catalog: Catalog): Candidate[] {
  let list = cache.get(catalog);
  if (list) return list;
  list = catalog
    .globalConditionKeys()
    .filter((info) => !isMultivalued(info.type) && (info.type === 'String' || info.type === 'ARN'))
    .map((info) => ({
      label: info.key,
      kind: 'variable' as const,
      detail: info.type,
      documentationKey: { kind: 'variable', key: info.key },
      insertText: placeholdersToSnippet(info.key),
      isSnippet: true,
      sortText: /username|userid|principaltag|principalaccount/i.test(info.key) ? '0' : '1',
    }));
  for (const [label, meaning] of [['*', 'a literal `*`'], ['?', 'a literal `?`'], ['$', 'a literal `$`']] as const) {
    list.push({ label, kind: 'variable', detail: 'literal character', documentation: `\`\${${label}}\` stands for ${meaning} where the character would otherwise be a wildcard or start a variable.`, insertText: escapeSnippet(label), isSnippet: true, sortText: '9' });
  }
  cache.set(catalog, list);
  return list;
}
