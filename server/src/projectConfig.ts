import * as fs from 'fs';
import * as path from 'path';
import { parseProjectConfig, PROJECT_CONFIG_FILE, type ProjectConfig } from '../../engine/src';
import { MAX_PROJECT_FILE_BYTES, readRegularFile } from './readLimited';
import { isInside } from './workspaceRoots';

export interface FoundConfig {
  /** The absolute path of the `.iam-author.json` that applies. */
  readonly file: string;
  readonly config: ProjectConfig;
}

interface ReadConfig {
  readonly mtimeMs: number;
  readonly size: number;
  readonly config: ProjectConfig;
}

/**
 * Finds the `.iam-author.json` nearest above a policy file, as ESLint or EditorConfig find theirs:
 * the policy's own folder first, then each parent up to the root. A file is read once and read again
 * when its size or modification time changes, so the server sees a saved edit on its next validation
 * without watching the file system itself (not every LSP client offers file events).
 */
export class ProjectConfigs {
  private readonly read = new Map<string, ReadConfig>();

  /**
   * `rootsFor`: in the editor, the folders a policy's project file may come from (the workspace);
   * the search stops at them. The CLI looks in every folder above the file.
   */
  constructor(private readonly rootsFor?: (filePath: string) => readonly string[] | undefined) {}

  /** The project file for a policy at `filePath`, or undefined when no folder above it has one. */
  forFile(filePath: string): FoundConfig | undefined {
    let directory = path.dirname(path.resolve(filePath));
    const roots = this.rootsFor?.(filePath);
    for (;;) {
      if (roots && !isInside(directory, roots)) return undefined;
      const candidate = path.join(directory, PROJECT_CONFIG_FILE);
      const config = this.load(candidate);
      if (config) return { file: candidate, config };
      const parent = path.dirname(directory);
      if (parent === directory) return undefined;
      directory = parent;
    }
  }

  /** A given config file (the CLI's --config); a missing or unreadable one is a problem of its own. */
  explicit(filePath: string): FoundConfig {
    const file = path.resolve(filePath);
    const config = this.load(file);
    if (config) return { file, config };
    // Not a regular file (a device, a FIFO), too large, missing: say which.
    const reason = readRegularFile(file, MAX_PROJECT_FILE_BYTES).error ?? 'cannot be read';
    return { file, config: { rules: {}, problems: [{ message: `The file cannot be read: ${reason}.`, span: { offset: 0, length: 0 } }] } };
  }

  private load(file: string): ProjectConfig | undefined {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(file, { throwIfNoEntry: false });
    } catch {
      stat = undefined;
    }
    if (!stat?.isFile()) {
      this.read.delete(file);
      return undefined;
    }
    const cached = this.read.get(file);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.config;
    let config: ProjectConfig;
    try {
      // Capped: a project file is a short list of rule settings, and a huge one must not take the memory.
      const read = readRegularFile(file, MAX_PROJECT_FILE_BYTES);
      config = read.error === undefined ? parseProjectConfig(read.text) : { rules: {}, problems: [{ message: `The file cannot be read: ${read.error}.`, span: { offset: 0, length: 0 } }] };
    } catch (error) {
      config = { rules: {}, problems: [{ message: `The file cannot be read: ${(error as Error).message}`, span: { offset: 0, length: 0 } }] };
    }
    this.read.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, config });
    return config;
  }
}
