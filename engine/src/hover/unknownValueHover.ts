import type { StringNode } from '../document/tree';
import { hasUnknown, renderValue } from '../document/unknown';

/** A value with parts not known before deployment: which, and why. */
export function unknownValueHover(node: StringNode): string | undefined {
  if (!hasUnknown(node)) return undefined;
  const lines = [`**Template value** ${code(renderValue(node))}`, '', 'Not known before deployment:'];
  for (const part of node.unknowns) lines.push(`- ${code(part.source)}: ${escape(part.reason)}`);
  lines.push('', 'Checks take these parts as any text and never report them as defects; a simulation that depends on them says so.');
  return lines.join('\n');
}

/** User text as inline code: a backtick or line break cannot end it early. */
function code(text: string): string {
  const clean = text.replace(/[\r\n]+/g, ' ');
  return clean.includes('`') ? `\`\` ${clean} \`\`` : `\`${clean}\``;
}

/** Reasons are our own words, but may quote the template: keep Markdown characters literal. */
function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|]/g, (character) => `\\${character}`);
}
