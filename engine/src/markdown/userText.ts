/**
 * The one place where text that comes from a workspace (keys, values, Sids, principals, ARNs,
 * variables, template names) becomes Markdown. Hover and completion documentation are rendered by
 * the editor: a key named `![t](https://host/x.png)` would make it fetch that image, `[docs](...)`
 * would become a link, and a backtick would close a code span early. Every builder of Markdown
 * passes user text through these functions; only the extension's own text is written as Markdown.
 */

/** Longest user text shown in Markdown; the rest is cut with an ellipsis (a hover is not a dump). */
const MAX_SHOWN = 500;

function shown(text: string): string {
  const flat = text.replace(/[\r\n\u2028\u2029]+/g, ' ');
  return flat.length > MAX_SHOWN ? `${flat.slice(0, MAX_SHOWN)}…` : flat;
}

/**
 * User text as inert Markdown prose: the characters that can open markup (emphasis, code, links,
 * images, HTML, tables, strikethrough, entities) are backslash-escaped (a "[" without its "]" starts no link), and so are the places a
 * bare URL or address would be auto-linked ("https\://", "www\.", "@"); line breaks become
 * spaces. "aws:SourceIp" stays as it is written.
 */
export function mdText(text: string): string {
  return shown(text)
    .replace(/[\\`*_[\]<>!|~&]/g, '\\$&')
    .replace(/:(?=\/\/)/g, '\\:')
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(/@/g, '\\@');
}

/**
 * User text as an inline code span, which renders its content literally. The fence is one
 * backtick longer than the longest run inside, and a space pads content that starts or ends with
 * a backtick, so nothing in the text can close the span early.
 */
export function mdCode(text: string): string {
  const content = shown(text);
  if (content === '') return '""';
  let longest = 0;
  for (const run of content.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad = content.startsWith('`') || content.endsWith('`') || (content.startsWith(' ') && content.endsWith(' ') && content.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${content}${pad}${fence}`;
}

/** User text in bold. */
export function mdBold(text: string): string {
  return `**${mdText(text)}**`;
}

/** User text as bold code (the heading of a hover about one value). */
export function mdBoldCode(text: string): string {
  return `**${mdCode(text)}**`;
}
