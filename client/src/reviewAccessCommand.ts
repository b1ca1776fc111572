import * as path from 'path';
import * as vscode from 'vscode';
import { AccessDiffRequestMethod, ReviewAccessChangesCommand, type AccessDiffParams, type AccessDiffResult } from '../../server/src/protocol';
import { renderReview } from './reviewHtml';
import { targetDocument, type SimulationServices } from './services';
import type { SimulationView } from './simulationView';

type GitRepository = { show(ref: string, path: string): Promise<string> };

/** The part of the built-in Git extension's API (vscode.git, API version 1) this command reads. */
interface GitApi {
  readonly state: 'uninitialized' | 'initialized';
  onDidChangeState(listener: (state: string) => void): vscode.Disposable;
  getRepository(uri: vscode.Uri): GitRepository | null;
  openRepository?(root: vscode.Uri): Promise<GitRepository | null>;
}

interface GitExports {
  readonly enabled: boolean;
  onDidChangeEnablement(listener: (enabled: boolean) => void): vscode.Disposable;
  getAPI(version: 1): GitApi;
}

/** Resolves when `ready()` holds or after `ms`, whichever comes first. */
function waitFor(ready: () => boolean, subscribe: (fire: () => void) => vscode.Disposable, ms: number): Promise<void> {
  if (ready()) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    const subscription = subscribe(() => ready() && done());
    function done() {
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    }
  });
}

/**
 * How long the Git extension may take to find git and scan the workspace: on a loaded machine its
 * first scan takes seconds, and a command that gave up early would claim there is no repository.
 */
const GIT_READY_MS = 30_000;

/** The Git extension's API once it has found git and scanned the workspace (it starts with the window). */
async function gitApi(): Promise<GitApi | undefined> {
  const extension = vscode.extensions.getExtension<GitExports>('vscode.git');
  if (!extension) return undefined;
  const exports = extension.isActive ? extension.exports : await extension.activate();
  if (!exports) return undefined;
  await waitFor(() => exports.enabled, (fire) => exports.onDidChangeEnablement(fire), GIT_READY_MS);
  if (!exports.enabled) return undefined;
  const api = exports.getAPI(1);
  await waitFor(() => api.state === 'initialized', (fire) => api.onDidChangeState(fire), GIT_READY_MS);
  return api;
}

async function repositoryOf(api: GitApi, uri: vscode.Uri): Promise<GitRepository | null> {
  const known = api.getRepository(uri);
  if (known) return known;
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  return folder && api.openRepository ? api.openRepository(folder.uri) : null;
}

/**
 * "IAM: Review Access Changes": the open file against its version at git HEAD, read through VS
 * Code's Git extension (this extension runs no program), compared by the server. Opens a view of
 * the added and removed access; statements that add access get a "+ access" lens. Resolves to the
 * server's answer, for tests.
 */
export function registerReviewAccessCommand(services: SimulationServices, view: SimulationView): vscode.Disposable {
  return vscode.commands.registerCommand(ReviewAccessChangesCommand, async (raw?: unknown): Promise<AccessDiffResult | undefined> => {
    const given = raw && typeof raw === 'object' ? (raw as { uri?: unknown }) : {};
    const client = services.getClient();
    const document = await targetDocument(typeof given.uri === 'string' ? given.uri : undefined);
    if (!document || !client) {
      void vscode.window.showWarningMessage('IAM: open a policy file to review its access changes.');
      return undefined;
    }
    let repository: GitRepository | null = null;
    try {
      const git = document.uri.scheme === 'file' ? await gitApi() : undefined;
      repository = git ? await repositoryOf(git, document.uri) : null;
    } catch {
      repository = null;
    }
    if (!repository) {
      void vscode.window.showErrorMessage('IAM: the file is not in a git repository that VS Code\'s Git extension knows.');
      return undefined;
    }
    let oldText = '';
    try {
      oldText = await repository.show('HEAD', document.uri.fsPath);
    } catch {
      // Not at HEAD yet: a new file, whose every grant is new.
      oldText = '';
    }
    const params: AccessDiffParams = { uri: document.uri.toString(), oldText, oldLabel: 'HEAD' };
    const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'IAM: comparing access with HEAD' }, () =>
      client.sendRequest<AccessDiffResult>(AccessDiffRequestMethod, params),
    );
    if (result.error) {
      void vscode.window.showErrorMessage(`IAM: ${result.error}`);
      return result;
    }
    view.show(renderReview(result, path.basename(document.uri.fsPath), 'HEAD'), document.uri);
    return result;
  });
}
