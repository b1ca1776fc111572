/**
 * YAML 1.2 wants the lines of a flow collection (`{...}`, `[...]`) in a block to be indented more
 * than the block around it. CloudFormation's reader, like PyYAML, does not, and templates rely on it:
 * an API Gateway model's JSON schema written as a flow map under `Schema:` at the key's own
 * indentation deploys, while the `yaml` library stops there and reads the rest of the template as
 * garbage. Inside a flow collection a line break is only white space, so the text with each such
 * line break turned into a space reads the same, with every offset where it was.
 *
 * Returns that text, or undefined when there is nothing to join or a flow collection holds a
 * comment (joining would comment out what follows it).
 */
export function joinFlowLines(text: string): string | undefined {
  const characters = text.split('');
  let joined = false;
  let index = 0;
  while (index < text.length) {
    const character = text[index]!;
    if (character === '#' && (index === 0 || /\s/.test(text[index - 1]!))) {
      index = lineEnd(text, index);
      continue;
    }
    if ((character === '"' || character === "'") && startsNode(text, index)) {
      index = quotedEnd(text, index);
      continue;
    }
    if ((character === '{' || character === '[') && startsNode(text, index)) {
      const end = flowEnd(text, index, characters);
      if (end === undefined) return undefined;
      if (end < 0) break;
      joined ||= text.slice(index, end).includes('\n');
      index = end;
      continue;
    }
    index++;
  }
  return joined ? characters.join('') : undefined;
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end;
}

/** One past the closing quote of a quoted scalar starting at `from` (`''` and `\"` are escapes). */
function quotedEnd(text: string, from: number): number {
  const quote = text[from]!;
  for (let index = from + 1; index < text.length; index++) {
    if (quote === '"' && text[index] === '\\') index++;
    else if (text[index] === quote) {
      if (quote === "'" && text[index + 1] === "'") index++;
      else return index + 1;
    }
  }
  return text.length;
}

/**
 * Whether a bracket or quote at `index` starts a node: first on its line, or after `key: `, `- `,
 * `? ` or a tag (`!Join [`), rather than inside a plain scalar (`a[0]`, `it's`).
 */
function startsNode(text: string, index: number): boolean {
  // Looked back over a bounded stretch: a long line of brackets in a plain scalar stays linear.
  let at = index - 1;
  while (at >= 0 && (text[at] === ' ' || text[at] === '\t')) at--;
  // A tag right before: "!Join [".
  let tag = at;
  while (tag >= 0 && tag > at - MAX_TAG && !/\s/.test(text[tag]!)) tag--;
  if (tag < at && text[tag + 1] === '!') {
    at = tag;
    while (at >= 0 && (text[at] === ' ' || text[at] === '\t')) at--;
  }
  if (at < 0 || text[at] === '\n' || text[at] === '\r') return true;
  const previous = text[at]!;
  if (previous === ':') return true;
  return (previous === '-' || previous === '?') && (at === 0 || /\s/.test(text[at - 1]!));
}

/** Tags are short (`!GetAtt`, `!FindInMap`); a longer run is a plain scalar's text. */
const MAX_TAG = 32;

/**
 * One past the bracket closing the flow collection opened at `from`, its line breaks turned into
 * spaces in `characters`; -1 when it is never closed; undefined when it holds a comment.
 */
function flowEnd(text: string, from: number, characters: string[]): number | undefined {
  let depth = 0;
  for (let index = from; index < text.length; index++) {
    const character = text[index]!;
    if (character === '"' || character === "'") {
      const end = quotedEnd(text, index);
      // A line break inside a quoted flow scalar is folded to a space by YAML too.
      for (let inner = index; inner < end; inner++) if (text[inner] === '\n' || text[inner] === '\r') characters[inner] = ' ';
      index = end - 1;
    } else if (character === '#' && /\s/.test(text[index - 1] ?? '')) {
      return undefined;
    } else if (character === '{' || character === '[') {
      depth++;
    } else if (character === '}' || character === ']') {
      if (--depth === 0) return index + 1;
    } else if (character === '\n' || character === '\r') {
      characters[index] = ' ';
    }
  }
  return -1;
}
