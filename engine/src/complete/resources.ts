import type { Catalog } from '../catalog/catalog';
import type { ActionInfo } from '../catalog/types';
import { isPlaceholder, segmentFits, splitArnSegments } from './arnSegments';
import { PARTITIONS, REGIONS } from './data/regions';
import type { CompletionPlace } from './place';
import { placeholdersToSnippet } from './snippet';
import { statementActions, type StatementActions } from './statementActions';
import { ARN_FORMAT_ACTIONS_SHOWN } from './documentation';
import type { Candidate, CompletionResult, DocumentationKey } from './types';

/** One ARN format that the statement's actions take. */
export interface ArnFormatUse {
  readonly service: string;
  readonly resourceType: string;
  readonly format: string;
  readonly actions: readonly string[];
}

const SNIPPET_DEFAULTS = { Partition: 'aws', Region: 'region', Account: 'account-id' };
const formatCache = new WeakMap<StatementActions, { formats: ArnFormatUse[]; starOnly: ActionInfo[] }>();

/** The ARN formats of the resource types the actions take, and the actions that take only "*". */
export function formatsForActions(acts: StatementActions, catalog: Catalog): { formats: ArnFormatUse[]; starOnly: ActionInfo[] } {
  const cached = formatCache.get(acts);
  if (cached) return cached;
  const byFormat = new Map<string, { service: string; resourceType: string; format: string; actions: string[] }>();
  const starOnly: ActionInfo[] = [];
  for (const action of acts.actions) {
    if (action.resourceTypes.length === 0) starOnly.push(action);
    for (const resourceType of action.resourceTypes) {
      const info = catalog.resourceType(action.service, resourceType.name);
      if (!info) continue;
      let entry = byFormat.get(info.arnFormat);
      if (!entry) byFormat.set(info.arnFormat, (entry = { service: info.service, resourceType: info.name, format: info.arnFormat, actions: [] }));
      entry.actions.push(`${action.service}:${action.name}`);
    }
  }
  const result = { formats: [...byFormat.values()], starOnly };
  formatCache.set(acts, result);
  return result;
}

/** The statement's actions travel with the key (a dozen at most), since the text names them. */
function formatDocumentationKey(use: ArnFormatUse): DocumentationKey {
  return { kind: 'arnFormat', key: use.format, args: [use.service, use.resourceType, String(use.actions.length), ...use.actions.slice(0, ARN_FORMAT_ACTIONS_SHOWN)] };
}

function starCandidate(starOnly: readonly ActionInfo[], onlyStar: boolean): Candidate {
  const names = starOnly.slice(0, 12).map((a) => `\`${a.service}:${a.name}\``).join(', ');
  return {
    label: '*',
    kind: 'wildcard',
    detail: onlyStar ? 'the actions take no resource ARN' : 'all resources',
    documentation: starOnly.length > 0
      ? `Every resource. ${names}${starOnly.length > 12 ? ' …' : ''} ${starOnly.length === 1 ? 'takes' : 'take'} only \`*\`: ${starOnly.length === 1 ? 'it does' : 'they do'} not act on a specific resource.`
      : 'Every resource. Prefer the ARNs of the resources the actions need.',
    sortText: onlyStar ? '!' : '~',
  };
}

/** Resource and NotResource completion: `*`, whole ARN snippets, then segment by segment. */
export function resourceCompletion(place: CompletionPlace, catalog: Catalog): CompletionResult {
  const acts = statementActions(place.statement, catalog);
  const { formats, starOnly } = formatsForActions(acts, catalog);
  const onlyStar = acts.actions.length > 0 && starOnly.length === acts.actions.length;
  const typed = place.typed;
  const contentEnd = place.span.offset + place.span.length;
  if (!typed.includes(':')) return { candidates: wholeArnCandidates(formats, starOnly, onlyStar), replace: place.span };
  const segments = splitArnSegments(typed);
  const k = segments.length - 1;
  const current = segments[k]!;
  const segmentStart = place.span.offset + current.start;
  const segmentEnd = currentSegmentEnd(place.text, place.offset, contentEnd);
  const valueSpan = { offset: segmentStart, length: segmentEnd - segmentStart };
  const restSpan = { offset: segmentStart, length: contentEnd - segmentStart };
  const matching = formats.filter((use) => {
    const formatSegments = splitArnSegments(use.format);
    if (formatSegments.length <= k) return false;
    return segments.slice(0, k).every((segment, i) => segmentFits(segment.text, formatSegments[i]!.text));
  });
  const candidates: Candidate[] = [];
  if (k === 1) {
    candidates.push(...PARTITION_VALUES);
  } else if (k === 2) {
    if (matching.length === 0) candidates.push(...allServiceValues(catalog));
    else for (const service of new Set(matching.map((use) => use.service))) candidates.push(segmentValue(service, catalog.service(service)?.name ?? service, 'service'));
  } else if (k === 3 && (matching.length === 0 || matching.some((use) => splitArnSegments(use.format)[3]!.text !== ''))) {
    candidates.push(...REGION_VALUES);
  }
  if (k >= 3) candidates.push({ ...segmentValue('*', 'any value in this segment', 'wildcard'), kind: 'wildcard', retrigger: false, insertText: '*', sortText: '~' });
  for (const use of matching) {
    const formatSegments = splitArnSegments(use.format);
    const rest = use.format.slice(formatSegments[k]!.start);
    const head = formatSegments[k]!.text;
    if (current.text && !isPlaceholder(head) && !head.toLowerCase().startsWith(current.text.toLowerCase())) continue;
    candidates.push({
      label: rest,
      kind: 'resource',
      detail: `${use.service} ${use.resourceType}`,
      documentationKey: formatDocumentationKey(use),
      insertText: placeholdersToSnippet(rest, 1, SNIPPET_DEFAULTS),
      isSnippet: true,
      filterText: isPlaceholder(head) ? `${current.text}${rest}` : rest,
      replace: restSpan.length === valueSpan.length ? undefined : restSpan,
    });
  }
  return { candidates, replace: valueSpan };
}

const wholeCache = new WeakMap<readonly ArnFormatUse[], Candidate[]>();

/** `*`, one snippet per ARN format, and a start for typing an ARN by hand; cached per format list. */
function wholeArnCandidates(formats: readonly ArnFormatUse[], starOnly: readonly ActionInfo[], onlyStar: boolean): Candidate[] {
  const cached = wholeCache.get(formats);
  if (cached) return cached;
  const candidates: Candidate[] = [starCandidate(starOnly, onlyStar)];
  for (const use of formats) {
    candidates.push({
      label: use.format,
      kind: 'resource',
      detail: `${use.service} ${use.resourceType}`,
      documentationKey: formatDocumentationKey(use),
      insertText: placeholdersToSnippet(use.format, 1, SNIPPET_DEFAULTS),
      isSnippet: true,
    });
  }
  candidates.push({ label: 'arn:aws:', kind: 'resource', detail: 'start an ARN', documentation: 'Type an ARN segment by segment: partition, service, Region, account, resource.', retrigger: true, sortText: '~~' });
  wholeCache.set(formats, candidates);
  return candidates;
}

const PARTITION_VALUES = PARTITIONS.map(([code, name]) => segmentValue(code, name, 'partition'));
const REGION_VALUES = REGIONS.map(([code, name]) => segmentValue(code, name, 'Region'));
const serviceValueCache = new WeakMap<Catalog, Candidate[]>();

function allServiceValues(catalog: Catalog): Candidate[] {
  let list = serviceValueCache.get(catalog);
  if (!list) serviceValueCache.set(catalog, (list = catalog.services().map((s) => segmentValue(s.prefix, s.name, 'service'))));
  return list;
}

function segmentValue(code: string, name: string, what: string): Candidate {
  return { label: code, kind: 'value', detail: name, documentation: `${what}: \`${code}\` — ${name}`, insertText: `${code}:`, filterText: code, retrigger: true };
}

/** The end of the ARN segment being typed: the next ":" or "/" after the cursor, or the end of the string. */
function currentSegmentEnd(text: string, offset: number, contentEnd: number): number {
  let i = offset;
  while (i < contentEnd && text[i] !== ':' && text[i] !== '/') i++;
  return i;
}
