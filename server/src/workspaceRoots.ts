import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';

/**
 * The folders an editor may read files from: the workspace folders the client names. A policy test
 * or a project file in a workspace is written by whoever wrote the workspace, so the paths it names
 * are followed only inside it (the CLI reads whatever its user names).
 */
export class WorkspaceRoots {
  private roots: string[] = [];

  /** From `initialize`: workspaceFolders, else rootUri, else rootPath. */
  setFromInitialize(params: { workspaceFolders?: readonly { uri: string }[] | null; rootUri?: string | null; rootPath?: string | null }): void {
    const uris = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    const paths = uris.flatMap((uri) => {
      try {
        return uri.startsWith('file:') ? [fileURLToPath(uri)] : [];
      } catch {
        return [];
      }
    });
    if (paths.length === 0 && params.rootPath) paths.push(params.rootPath);
    this.roots = paths.map(realPath);
  }

  /** The workspace folders, or (with none open) the folder of the file that names the path. */
  rootsFor(namingFile: string): readonly string[] {
    return this.roots.length > 0 ? this.roots : [realPath(path.dirname(namingFile))];
  }

  /**
   * Where a project file may be looked for: up to the workspace folders. With no workspace open (a
   * single file), every folder above the file, as the CLI looks: the file was opened by its user.
   */
  projectRootsFor(): readonly string[] | undefined {
    return this.roots.length > 0 ? this.roots : undefined;
  }
}

/** Whether `file` (its real path, symlinks resolved) lies inside one of `roots`. */
export function isInside(file: string, roots: readonly string[]): boolean {
  const real = realPath(file);
  return roots.some((root) => real === root || real.startsWith(root.endsWith(path.sep) ? root : root + path.sep));
}

/** The real path of a file or, when it does not exist, of its nearest existing parent plus the rest. */
function realPath(file: string): string {
  const absolute = path.resolve(file);
  try {
    return fs.realpathSync(absolute);
  } catch {
    const parent = path.dirname(absolute);
    return parent === absolute ? absolute : path.join(realPath(parent), path.basename(absolute));
  }
}
