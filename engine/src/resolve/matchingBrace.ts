/**
 * The index of the `}` closing a `${` (or `%{`) whose body starts at `from`, counting the braces of
 * the expression inside (`${jsonencode({a = 1})}`), or -1 when it is never closed. The Serverless
 * Framework's variables and Terraform's templates are read with it.
 */
export function matchingBrace(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}
