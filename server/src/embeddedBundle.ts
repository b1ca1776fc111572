/**
 * dist/server.js is a small launcher followed by the server bundle, every line of which is commented
 * out with `//` (see scripts/build.mjs). Node's loader then only skims comments instead of parsing the
 * whole bundle; the launcher compiles it once, through the code cache. Commented lines also keep the
 * bundle's text searchable as it is (the no-network test scans it for network modules).
 */

/** The line between the launcher and the commented bundle. */
export const BUNDLE_MARKER = '//# iam-author bundle';

export interface EmbeddedBundle {
  /** The bundle's source. */
  readonly body: string;
  /** The 0-based line of the file where the bundle starts. */
  readonly lineOffset: number;
}

/** The bundle after the marker line of `fileText`, or undefined when there is none or it is malformed. */
export function embeddedBundle(fileText: string): EmbeddedBundle | undefined {
  // The last one: the launcher's own code contains the marker text too.
  const marker = fileText.lastIndexOf(`\n${BUNDLE_MARKER}\n`);
  if (marker < 0) return undefined;
  const lines = fileText.slice(marker + BUNDLE_MARKER.length + 2).split('\n');
  // The file ends with a line break, which leaves one empty string after the last line.
  if (lines[lines.length - 1] === '') lines.pop();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.startsWith('//')) return undefined;
    lines[i] = line.slice(2);
  }
  // The marker's line number is the count of line breaks up to and including the one before it.
  let lineOffset = 1;
  for (let i = fileText.indexOf('\n'); i >= 0 && i <= marker; i = fileText.indexOf('\n', i + 1)) lineOffset++;
  return { body: lines.join('\n'), lineOffset };
}

/**
 * The inverse, for the build. JavaScript also ends lines at U+2028 and U+2029, which would end a `//`
 * comment early; esbuild's ASCII charset escapes them in code, so they can only come from a comment.
 */
export function commentOutBundle(body: string): string {
  if (/[\u2028\u2029]/.test(body)) throw new Error('the bundle contains U+2028 or U+2029 (build with esbuild charset "ascii")');
  if (body.includes(BUNDLE_MARKER.slice(2))) throw new Error('the bundle contains the marker line');
  return `${BUNDLE_MARKER}\n${body.split(/\r\n|\r|\n/).map((line) => `//${line}`).join('\n')}\n`;
}
