/** Helpers for LSP snippet syntax ($1, ${2:placeholder}). */

/** Escapes literal text for use inside a snippet. */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/**
 * Turns text with `${Name}` placeholders (catalogue ARN formats and key templates) into a snippet whose
 * placeholders are tab stops, numbered from `firstStop`. `defaults` maps a placeholder name to the
 * text shown in the tab stop (e.g. Partition → aws).
 */
export function placeholdersToSnippet(template: string, firstStop = 1, defaults: Readonly<Record<string, string>> = {}): string {
  let stop = firstStop;
  let out = '';
  let last = 0;
  const pattern = /\$\{([^}]*)\}/g;
  for (let match = pattern.exec(template); match; match = pattern.exec(template)) {
    out += escapeSnippet(template.slice(last, match.index));
    const name = match[1]!;
    out += `\${${stop++}:${escapeSnippet(defaults[name] ?? name)}}`;
    last = match.index + match[0].length;
  }
  return out + escapeSnippet(template.slice(last));
}
