import * as fs from 'fs';
import * as path from 'path';

export interface InputFile {
  /** As shown to the user: the path given, or "-" for standard input. */
  readonly name: string;
  readonly text?: string;
  readonly error?: string;
}

/** The largest file read; bigger ones are reported rather than loaded whole into memory. */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;

/** Expands directories to the JSON and YAML files inside them (recursively, skipping node_modules and dot folders). */
export function collectInputs(targets: readonly string[], readStdin: () => string): InputFile[] {
  const inputs: InputFile[] = [];
  for (const target of targets) {
    if (target === '-') {
      inputs.push({ name: '-', text: readStdin() });
      continue;
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(target);
    } catch {
      inputs.push({ name: target, error: 'no such file or directory' });
      continue;
    }
    if (stat.isDirectory()) {
      for (const file of policyFilesUnder(target)) inputs.push(readInput(file));
    } else {
      inputs.push(readInput(target));
    }
  }
  return inputs;
}

const READ_ERRORS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
};

export function readInput(file: string): InputFile {
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_FILE_BYTES) return { name: file, error: `file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB` };
    return { name: file, text: fs.readFileSync(file, 'utf8') };
  } catch (error) {
    return { name: file, error: READ_ERRORS[(error as NodeJS.ErrnoException).code ?? ''] ?? 'cannot be read' };
  }
}

function policyFilesUnder(directory: string): string[] {
  const files: string[] = [];
  const pending = [directory];
  while (pending.length > 0) {
    const current = pending.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(current, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && entry.name !== 'node_modules') pending.push(full);
      } else if (/\.(json|ya?ml)$/i.test(entry.name) && !/\.iamtest\.json$/i.test(entry.name)) {
        files.push(full);
      }
    }
  }
  return files.sort();
}
