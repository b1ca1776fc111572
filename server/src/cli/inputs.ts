import * as fs from 'fs';
import * as path from 'path';
import { readRegularFile } from '../readLimited';

export interface InputFile {
  /** As shown to the user: the path given, or "-" for standard input. */
  readonly name: string;
  readonly text?: string;
  readonly error?: string;
  /** Listed but not read yet (see listInputs): read it with readInput when its turn comes. */
  readonly unread?: true;
}

/** A file a directory walk did not check, and why (shown in the summary: nothing is skipped silently). */
export interface PassedOver {
  readonly name: string;
  readonly reason: PassOverReason;
}

export type PassOverReason = 'no IAM policy' | 'not a supported format' | 'a policy test file' | 'not valid YAML' | 'not valid HCL' | 'not valid JSON' | 'JSON data stream' | 'template not JSON until rendered';

/**
 * The files a walk reads: JSON, YAML, CloudFormation's `.template` (JSON or YAML inside),
 * Terraform (`.tf`, `.tofu`; `.tf.json` is JSON) and Terraform's templates (`.tftpl`, `.tpl`), which
 * hold policies that templatefile() renders.
 */
export const POLICY_FILE = /\.(json|ya?ml|template|tf|tofu|tftpl|tpl)$/i;
const POLICY_TEST_FILE = /\.iamtest\.json$/i;

/**
 * Expands directories to the JSON, YAML, `.template` and Terraform files inside them (recursively, skipping
 * node_modules and dot folders); every other file found is listed in `passedOver`.
 */
export function collectInputs(targets: readonly string[], readStdin: () => string, passedOver: PassedOver[] = []): InputFile[] {
  return listInputs(targets, readStdin, passedOver).map((input) => (input.unread ? readInput(input.name) : input));
}

/**
 * collectInputs without reading the files (standard input is read): a scan of thousands of files
 * reads each when it is checked, so only one is held at a time.
 */
export function listInputs(targets: readonly string[], readStdin: () => string, passedOver: PassedOver[] = []): InputFile[] {
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
      const { files, unreadable } = filesUnder(target);
      for (const file of files) {
        if (POLICY_TEST_FILE.test(file)) passedOver.push({ name: file, reason: 'a policy test file' });
        else if (POLICY_FILE.test(file)) inputs.push({ name: file, unread: true });
        else passedOver.push({ name: file, reason: 'not a supported format' });
      }
      // A folder that cannot be listed hides the policies in it: say so (exit 2) rather than pass.
      for (const folder of unreadable) inputs.push({ name: folder.path, error: `folder ${folder.reason}: its files were not checked` });
    } else {
      inputs.push({ name: target, unread: true });
    }
  }
  return inputs;
}

export function readInput(file: string): InputFile {
  const read = readRegularFile(file);
  return read.error === undefined ? { name: file, text: read.text } : { name: file, error: read.error };
}

function filesUnder(directory: string): { files: string[]; unreadable: { path: string; reason: string }[] } {
  const files: string[] = [];
  const unreadable: { path: string; reason: string }[] = [];
  const pending = [directory];
  while (pending.length > 0) {
    const current = pending.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(current, { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      unreadable.push({ path: current, reason: code === 'EACCES' || code === 'EPERM' ? 'cannot be read (permission denied)' : 'cannot be read' });
      continue;
    }
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      // Symbolic links to folders are not followed (no cycles, nothing outside the tree); a link named
      // *.json is read only if it leads to a regular file (readRegularFile checks the opened file).
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && entry.name !== 'node_modules') pending.push(full);
      } else if (!entry.name.startsWith('.')) {
        files.push(full);
      }
    }
  }
  return { files: files.sort(), unreadable: unreadable.sort((a, b) => (a.path < b.path ? -1 : 1)) };
}
