import type { Catalog } from '../catalog/catalog';
import { conditionKeyDocumentation } from '../complete/conditions';
import type { Policy } from '../document/model';
import type { Span, StringNode } from '../document/tree';
import { mdBold, mdCode } from '../markdown/userText';

const VARIABLES_DOCS = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html';
const SPECIAL: Readonly<Record<string, string>> = { '*': 'a literal `*`', '?': 'a literal `?`', $: 'a literal `$`' };

/** Hover for the policy variable `${...}` under the cursor inside a string, if any. */
export function variableHover(node: StringNode, text: string, offset: number, policy: Policy, catalog: Catalog): { markdown: string; span: Span } | undefined {
  const raw = text.slice(node.span.offset, node.span.offset + node.span.length);
  const pattern = /\$\{([^}]*)\}?/g;
  for (let match = pattern.exec(raw); match; match = pattern.exec(raw)) {
    const start = node.span.offset + match.index;
    const end = start + match[0].length;
    if (offset < start || offset > end) continue;
    const inner = match[1]!;
    const span = { offset: start, length: match[0].length };
    const version = policy.version?.value?.kind === 'string' ? policy.version.value.value : undefined;
    const versionNote = version === '2012-10-17' ? '' : '\n\n⚠ The policy does not say `"Version": "2012-10-17"`, so this is literal text, not a variable.';
    if (SPECIAL[inner]) return { markdown: `${mdBold(`${'$'}{${inner}}`)} stands for ${SPECIAL[inner]}.${versionNote}\n\n[Policy variables](${VARIABLES_DOCS})`, span };
    const [name, fallback] = inner.split(/,\s*/, 2) as [string, string | undefined];
    const info = catalog.conditionKey(name.trim());
    const lines = [`**Policy variable** ${mdCode(`${'$'}{${inner}}`)}`, '', `Replaced by the request's value of ${mdCode(name.trim())}. When the request has no value the variable matches nothing${fallback ? `, except that the default ${mdCode(fallback)} is used` : ''}.`];
    if (info) lines.push('', conditionKeyDocumentation(info, name.trim()));
    else lines.push('', 'The catalogue does not know this key.');
    lines.push(versionNote ? versionNote.trim() : '', `[Policy variables](${VARIABLES_DOCS})`);
    return { markdown: lines.filter((line, i, all) => !(line === '' && all[i - 1] === '')).join('\n'), span };
  }
  return undefined;
}
