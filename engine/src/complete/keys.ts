import type { Span } from '../document/tree';
import type { CompletionPlace } from './place';
import { escapeSnippet } from './snippet';
import type { Candidate, CompletionResult, DocumentationKey } from './types';

export interface KeySpec {
  readonly name: string;
  /** The name as a snippet when it has placeholders (aws:ResourceTag/${1:TagKey}); else the escaped name. */
  readonly nameSnippet?: string;
  /** Snippet for the value inserted after the colon when the key has none yet. */
  readonly valueSnippet: string;
  readonly documentation?: string;
  readonly documentationKey?: DocumentationKey;
  readonly detail?: string;
  readonly sortText?: string;
  readonly kind?: Candidate['kind'];
}

/**
 * Property-name candidates. Inside a string only the name is replaced when a colon already follows;
 * otherwise the closing quote, the colon and a value shell are inserted too. Outside a string the
 * quotes come with it.
 */
export function keyCompletion(place: CompletionPlace, specs: readonly KeySpec[]): CompletionResult {
  if (place.yaml) return yamlKeyCompletion(place, specs);
  const afterString = place.inString ? place.span.offset + place.span.length + (place.closed ? 1 : 0) : place.offset;
  const colonFollows = /^\s*:/.test(place.text.slice(afterString, afterString + 200));
  let replace: Span = place.span;
  let wrap: (spec: KeySpec) => string;
  if (!place.inString) {
    wrap = (spec) => `"${nameOf(spec)}"${colonFollows ? '' : `: ${spec.valueSnippet}`}`;
  } else if (colonFollows) {
    wrap = (spec) => nameOf(spec);
  } else {
    replace = { offset: place.span.offset, length: afterString - place.span.offset };
    wrap = (spec) => `${nameOf(spec)}": ${spec.valueSnippet}`;
  }
  const candidates = specs.map((spec) => keyCandidate(spec, wrap(spec), place.inString ? spec.name : `"${spec.name}"`));
  return { candidates, replace };
}

/** A YAML key is its name, then `: ` unless the colon is already there; the value is the user's to write. */
function yamlKeyCompletion(place: CompletionPlace, specs: readonly KeySpec[]): CompletionResult {
  const end = place.span.offset + place.span.length;
  const colonFollows = /^[ \t]*:/.test(place.text.slice(end, end + 200));
  const candidates = specs.map((spec) => keyCandidate(spec, colonFollows ? nameOf(spec) : `${nameOf(spec)}: `, spec.name));
  return { candidates, replace: place.span };
}

function keyCandidate(spec: KeySpec, insertText: string, filterText: string): Candidate {
  return {
    label: spec.name,
    kind: spec.kind ?? 'property',
    detail: spec.detail,
    documentation: spec.documentation,
    documentationKey: spec.documentationKey,
    insertText,
    isSnippet: true,
    filterText,
    sortText: spec.sortText,
  };
}

function nameOf(spec: KeySpec): string {
  return spec.nameSnippet ?? escapeSnippet(spec.name);
}
