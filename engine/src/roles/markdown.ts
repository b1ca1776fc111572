/**
 * User text (principals, ARNs, names) inside role hovers. Hovers are Markdown, and a value typed in a
 * workspace file must never become a link, an image or a code span it breaks out of.
 */

/** Text as an inline code span that no backtick inside can close early. */
export function inlineCode(text: string): string {
  const flat = text.replace(/[\r\n]+/g, ' ');
  let longest = 0;
  for (const run of flat.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  // A span that starts or ends with a backtick needs a space between it and the fence.
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/**
 * Text with the Markdown characters that could start a link, an image, HTML, a code span or emphasis
 * escaped, for use inside a line (not at its start) outside code spans.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[\\`*_[\]!|<>~&]/g, (c) => `\\${c}`);
}
