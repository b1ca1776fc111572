import * as fs from 'fs';

/**
 * Every file the CLI and the server read from a workspace goes through here: only regular files
 * (a device such as /dev/zero or a FIFO reports size 0 and never ends), at most a stated number of
 * bytes, without following a symlink out to a device (the type is taken from the opened file).
 */

/** The largest policy, template or test file read: 32 MB (CloudFormation's own limit is 1 MB, a Terraform plan can be larger). */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;
/** The largest project file (.iam-author.json) read: 1 MB, far above any list of rule settings. */
export const MAX_PROJECT_FILE_BYTES = 1024 * 1024;

export type ReadResult = { readonly text: string; readonly error?: undefined } | { readonly text?: undefined; readonly error: string };

const OPEN_ERRORS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'too many levels of symbolic links',
  ENOTDIR: 'no such file or directory',
};

export function describeSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MB` : `${bytes / 1024} KB`;
}

/** The text of a regular file of at most `maxBytes` bytes (a UTF-8 byte order mark dropped), or why it was not read. */
export function readRegularFile(file: string, maxBytes = MAX_FILE_BYTES): ReadResult {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO with no writer would otherwise wait for one forever.
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { error: OPEN_ERRORS[(error as NodeJS.ErrnoException).code ?? ''] ?? 'cannot be read' };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) return { error: 'is a directory' };
    if (!stat.isFile()) return { error: 'is not a regular file (a device, FIFO or socket): only regular files are read' };
    if (stat.size > maxBytes) return { error: `is larger than ${describeSize(maxBytes)}, the most that is read` };
    const bytes = readUpTo(fd, maxBytes, stat.size);
    if (bytes === undefined) return { error: `is larger than ${describeSize(maxBytes)}, the most that is read` };
    return { text: decodeUtf8(bytes) };
  } catch (error) {
    return { error: OPEN_ERRORS[(error as NodeJS.ErrnoException).code ?? ''] ?? 'cannot be read' };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Standard input, at most `maxBytes` bytes: `check - < /dev/zero` stops with a message instead of
 * growing without bound.
 */
export function readStdinLimited(maxBytes = MAX_FILE_BYTES): ReadResult {
  try {
    const bytes = readUpTo(0, maxBytes);
    if (bytes === undefined) return { error: `is larger than ${describeSize(maxBytes)}, the most that is read` };
    return { text: decodeUtf8(bytes) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EOF') return { text: '' };
    return { error: 'cannot be read' };
  }
}

/**
 * The bytes of `fd` up to its end, or undefined when there are more than `maxBytes`. `expected` is
 * what fstat says (a regular file): the first read asks for that and one byte more, so a folder scan
 * does not allocate a megabyte per file (and set the garbage collector off for each).
 */
function readUpTo(fd: number, maxBytes: number, expected = 64 * 1024): Buffer | undefined {
  const chunks: Buffer[] = [];
  let total = 0;
  let size = expected + 1;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(size, MAX_CHUNK, maxBytes + 1 - total));
    let read: number;
    try {
      read = fs.readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      // A non-blocking pipe with nothing in it yet: wait a little rather than spin.
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      throw error;
    }
    if (read === 0) break;
    total += read;
    chunks.push(read === chunk.length ? chunk : chunk.subarray(0, read));
    if (total > maxBytes) return undefined;
    // A short read is most often the end (the next read says so with little to allocate); a full one asks for more.
    size = read === chunk.length ? chunk.length * 2 : 4096;
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
}

const MAX_CHUNK = 1024 * 1024;

/** UTF-8 text without a leading byte order mark, which editors (and AWS) accept and JSON parsers do not. */
export function decodeUtf8(bytes: Buffer): string {
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
