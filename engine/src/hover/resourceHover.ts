import type { Catalog } from '../catalog/catalog';
import type { ResourceTypeInfo } from '../catalog/types';
import { isPlaceholder, splitArnSegments } from '../complete/arnSegments';
import { formatsForActions } from '../complete/resources';
import { statementActions } from '../complete/statementActions';
import type { Statement } from '../document/model';
import type { HoverData } from './hoverData';
import { roleArnHover } from './roleHover';
import { mdCode } from '../markdown/userText';

const ARN_DOCS = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html';

/** Hover for a Resource entry: which resource type the ARN is, its format, and which actions take it. */
export function resourceHover(value: string, statement: Statement | undefined, catalog: Catalog, data?: HoverData): string | undefined {
  const acts = statementActions(statement, catalog);
  const { formats, starOnly } = formatsForActions(acts, catalog);
  if (value.trim() === '*') {
    const lines = ['**`*`** — every resource.'];
    if (starOnly.length > 0) lines.push('', `Needed by ${starOnly.slice(0, 10).map((a) => `\`${a.service}:${a.name}\``).join(', ')}${starOnly.length > 10 ? ' …' : ''}, which take no resource ARN.`);
    if (formats.length > 0) lines.push('', `The other actions of this statement take specific ARNs, e.g. \`${formats[0]!.format}\`.`);
    return lines.join('\n');
  }
  const segments = splitArnSegments(value);
  if (segments.length < 6 || segments[0]!.text !== 'arn') return roleArnHover(value, data);
  const service = segments[2]!.text.toLowerCase();
  const lines: string[] = [];
  const fromStatement = formats.filter((use) => use.service === service);
  const candidates: { format: string; resourceType: string; actions: readonly string[] }[] = fromStatement.length > 0
    ? fromStatement
    : (catalog.service(service)?.resourceTypes ?? []).map((rt: ResourceTypeInfo) => ({ format: rt.arnFormat, resourceType: rt.name, actions: [] as string[] }));
  const best = bestFormat(value, candidates);
  if (best) {
    lines.push(`**${catalog.service(service)?.name ?? service}** resource type \`${best.resourceType}\``, '', `Format: \`${best.format}\``);
    if (best.actions.length > 0) {
      lines.push('', `Taken by ${best.actions.slice(0, 15).map((a) => `\`${a}\``).join(', ')}${best.actions.length > 15 ? ` and ${best.actions.length - 15} more` : ''}.`);
    }
    const misses = acts.actions.filter((a) => a.resourceTypes.length > 0 && !a.resourceTypes.some((r) => r.name === best.resourceType && a.service === service));
    if (misses.length > 0 && fromStatement.length > 0) {
      lines.push('', `Not taken by ${misses.slice(0, 10).map((a) => `\`${a.service}:${a.name}\``).join(', ')}${misses.length > 10 ? ' …' : ''}: this ARN grants them nothing.`);
    }
  } else if (catalog.hasService(service)) {
    lines.push(`**${catalog.service(service)?.name ?? service}** ARN`, '', 'It does not match the format of any resource type of the statement\'s actions.');
    if (fromStatement.length > 0) lines.push('', 'Expected one of:', ...fromStatement.slice(0, 8).map((use) => `- \`${use.format}\` (${use.resourceType})`));
  } else {
    lines.push(`ARN of ${mdCode(service)}, a service the catalogue does not know.`);
  }
  if (/\$\{/.test(value)) lines.push('', 'Contains policy variables, replaced per request (policy Version 2012-10-17 only).');
  lines.push('', `[ARN format](${ARN_DOCS})`);
  const role = roleArnHover(value, data);
  return role ? `${lines.join('\n')}\n\n---\n\n${role}` : lines.join('\n');
}

/** The format the ARN fits best: segment by segment, literal segments must agree; more agreeing literals win. */
export function bestFormat<T extends { format: string }>(arn: string, formats: readonly T[]): T | undefined {
  const typed = splitArnSegments(arn);
  let best: T | undefined;
  let bestScore = -1;
  for (const candidate of formats) {
    const format = splitArnSegments(candidate.format);
    const absorbs = isPlaceholder(format[format.length - 1]!.text) || typed[typed.length - 1]!.text.includes('*');
    if (typed.length < format.length || (typed.length > format.length && !absorbs)) continue;
    // An ARN with exactly the format's number of segments is a better fit than one a placeholder absorbs.
    let score = typed.length === format.length ? 5 : 0;
    let fits = true;
    for (let i = 0; i < format.length && fits; i++) {
      const f = format[i]!.text;
      const t = typed[i]!.text;
      if (f.includes('${') || t.includes('*') || t.includes('?')) continue;
      if (f.toLowerCase() === t.toLowerCase()) score += i >= 5 ? 10 : 1;
      else fits = false;
    }
    if (fits && score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}
