/**
 * What "user text never becomes live Markdown" means, checked on the Markdown the engine builds:
 * outside code spans (found as CommonMark finds them, so a backtick in user text that closed one
 * early would be caught), no image, no raw HTML, and no link or auto-link except to the
 * documentation sites the extension itself links to.
 */
// The extension's own links, and the provider host names its own notes mention (auto-linked, harmless).
const DOCS_HOSTS = /^(https:\/\/(docs\.aws\.amazon\.com|docs\.github\.com|aws\.amazon\.com|signin\.aws\.amazon\.com)\/|www\.amazon\.com\b)/;

export function liveMarkdownProblems(markdown: string): string[] {
  const prose = withoutCodeSpans(markdown);
  const problems: string[] = [];
  // Escaped characters are literal: blank them so they start nothing.
  const plain = prose.replace(/\\[!-/:-@[-`{-~]/g, '  ');
  for (const image of plain.matchAll(/!\[/g)) problems.push(`image at ${image.index}: ${context(plain, image.index!)}`);
  for (const html of plain.matchAll(/<[A-Za-z/!?]/g)) problems.push(`raw HTML at ${html.index}: ${context(plain, html.index!)}`);
  for (const link of plain.matchAll(/\]\(\s*<?([^)\s>]*)/g)) {
    if (!DOCS_HOSTS.test(link[1]!)) problems.push(`link to ${link[1]}: ${context(plain, link.index!)}`);
  }
  for (const reference of plain.matchAll(/^\s{0,3}\[[^\]]*\]:/gm)) problems.push(`link reference definition: ${context(plain, reference.index!)}`);
  for (const auto of plain.matchAll(/(?:https?:\/\/|www\.)[^\s)]*/gi)) {
    if (!DOCS_HOSTS.test(auto[0])) problems.push(`auto-link ${auto[0]}: ${context(plain, auto.index!)}`);
  }
  return problems;
}

function context(text: string, index: number): string {
  return JSON.stringify(text.slice(Math.max(0, index - 30), index + 50));
}

/** The text with every code span blanked out, found by CommonMark's rule: a run of n backticks up to the next run of exactly n. */
function withoutCodeSpans(markdown: string): string {
  let out = '';
  let i = 0;
  while (i < markdown.length) {
    const char = markdown[i]!;
    if (char === '\\' && i + 1 < markdown.length) {
      out += markdown.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (char !== '`') {
      out += char;
      i++;
      continue;
    }
    let run = 1;
    while (markdown[i + run] === '`') run++;
    const close = closingRun(markdown, i + run, run);
    if (close < 0) {
      out += markdown.slice(i, i + run);
      i += run;
      continue;
    }
    out += ' '.repeat(close + run - i);
    i = close + run;
  }
  return out;
}

function closingRun(text: string, from: number, length: number): number {
  let i = from;
  while (i < text.length) {
    if (text[i] !== '`') {
      i++;
      continue;
    }
    let run = 1;
    while (text[i + run] === '`') run++;
    if (run === length) return i;
    i += run;
  }
  return -1;
}
