/**
 * User text (principals, ARNs, names) inside role hovers, through the one place that turns
 * workspace text into Markdown (markdown/userText.ts).
 */
import { mdCode, mdText } from '../markdown/userText';

/** Text as an inline code span that no backtick inside can close early. */
export function inlineCode(text: string): string {
  return mdCode(text);
}

/** Text with every Markdown punctuation escaped, for use inside a line outside code spans. */
export function escapeMarkdown(text: string): string {
  return mdText(text);
}
