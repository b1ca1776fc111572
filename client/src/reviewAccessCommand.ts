import * as path from 'path';
import * as vscode from 'vscode';
import { AccessDiffRequestMethod, ReviewAccessChangesCommand, type AccessDiffParams, type AccessDiffResult } from '../../server/src/protocol';
import { renderReview } from './reviewHtml';
import { targetDocument, type SimulationServices } from './services';
import type { SimulationView } from './simulationView';

/** The part of the built-in Git extension's API (vscode.git, API version 1) this command reads. */
interface GitApi {
  getRepository(uri: vscode.Uri): { show(ref: string, path: string): Promise<string> } | null;
}

async function gitApi(): Promise<GitApi | undefined> {
  const extension = vscode.extensions.getExtension<{ getAPI(version: 1): GitApi }>('vscode.git');
  if (!extension) return undefined;
  const exports = extension.isActive ? extension.exports : await extension.activate();
  return exports?.getAPI(1);
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
    const git = await gitApi();
    const repository = document.uri.scheme === 'file' ? git?.getRepository(document.uri) : null;
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
