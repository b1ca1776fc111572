/** A `${...}` policy variable found in a string, with offsets relative to the string's text. */
export interface VariableUse {
  readonly start: number;
  /** One past the closing brace, or the end of the text when the brace is missing. */
  readonly end: number;
  readonly body: string;
  readonly closed: boolean;
}

export function findVariables(text: string): VariableUse[] {
  const found: VariableUse[] = [];
  let index = text.indexOf('${');
  // The next "}" is looked for again only once passed: a string of openers with no brace after them
  // would otherwise be scanned to its end from each one.
  let close = index >= 0 ? text.indexOf('}', index + 2) : -1;
  while (index >= 0) {
    if (close >= 0 && close < index + 2) close = text.indexOf('}', index + 2);
    const nextOpen = text.indexOf('${', index + 2);
    // A brace that closes only after the next "${" belongs to that one; this variable is unclosed.
    if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
      const end = nextOpen >= 0 ? nextOpen : text.length;
      found.push({ start: index, end, body: text.slice(index + 2, end), closed: false });
      index = nextOpen;
      continue;
    }
    found.push({ start: index, end: close + 1, body: text.slice(index + 2, close), closed: true });
    index = text.indexOf('${', close + 1);
  }
  return found;
}

/**
 * Whether a closed variable names no condition key: every key has a prefix and a colon (aws:username,
 * s3:prefix), so ${AWS_REGION} and the like, an envsubst or documentation template's placeholders or a
 * CloudFormation name written outside Fn::Sub, are found in no request. One with a default always
 * takes its default, and is left alone.
 */
export function namesNoKey(variable: VariableUse): boolean {
  const body = variable.body;
  return variable.closed && body.trim() !== '' && !LITERAL_BODIES.has(body) && !body.includes(',') && !body.includes(':') && !/\s/.test(body);
}

const LITERAL_BODIES = new Set(['*', '?', '$']);

/** What is wrong with a variable's text, if anything (IAM's own complaints about ${...}). */
export function variableProblem(variable: VariableUse): string | undefined {
  if (!variable.closed) return 'is missing its closing brace: add "}" after the variable name.';
  const body = variable.body;
  if (body.trim() === '') return 'is empty: write a key such as ${aws:username}, or remove the ${}.';
  if (body === '*' || body === '?' || body === '$') return undefined;
  const comma = body.indexOf(',');
  const name = comma < 0 ? body : body.slice(0, comma);
  if (/\s/.test(name)) return 'has a space in its key name: remove it.';
  if (namesNoKey(variable)) return `\${${name}} names no condition key (keys have a prefix, as in \${aws:username}): it never has a value, so what holds it matches nothing. A template placeholder? Fill it in before using the policy.`;
  if (comma >= 0) {
    const fallback = body.slice(comma + 1).trim();
    if (!/^'.*'$/.test(fallback)) return "needs its default value in single quotes: ${key, 'default'}.";
  }
  return undefined;
}

/** The text of a string node between its quotes starts one character after the node's offset. */
export const QUOTE_WIDTH = 1;
