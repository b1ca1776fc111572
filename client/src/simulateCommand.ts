import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  ActionsInDocumentRequestMethod,
  SimulateRequestMethod,
  type ActionsInDocumentResult,
  type SimulateParams,
  type SimulateResult,
} from '../../server/src/protocol';
import { showSimulationResult } from './simulationView';

/** Arguments a caller (a code lens, a test) may pass to skip the prompts. */
export interface SimulateCommandArgs {
  readonly action?: string;
  readonly resource?: string;
  readonly principal?: string;
}

export function registerSimulateCommand(getClient: () => LanguageClient | undefined): vscode.Disposable {
  return vscode.commands.registerCommand('iamAuthor.simulateAccess', async (args?: SimulateCommandArgs) => {
    const editor = vscode.window.activeTextEditor;
    const client = getClient();
    if (!editor || !client) {
      void vscode.window.showWarningMessage('IAM: open a policy file to simulate access.');
      return undefined;
    }
    const uri = editor.document.uri.toString();
    const known = await client.sendRequest<ActionsInDocumentResult>(ActionsInDocumentRequestMethod, { uri });
    const action = args?.action ?? (await pickOrType('Action to simulate', 'e.g. s3:GetObject', known.actions.filter((a) => !/[*?]/.test(a))));
    if (!action) return undefined;
    const resource = args?.resource ?? (await pickOrType('Resource ARN', 'e.g. arn:aws:s3:::my-bucket/key (or *)', known.resources.filter((r) => r !== '*'), '*'));
    if (!resource) return undefined;
    const params: SimulateParams = { uri, action, resource, principal: args?.principal };
    const result = await client.sendRequest<SimulateResult>(SimulateRequestMethod, params);
    showSimulationResult(editor, params, result);
    return result;
  });
}

/** A quick pick of known values that also accepts whatever the user types. */
async function pickOrType(title: string, placeholder: string, known: readonly string[], fallback?: string): Promise<string | undefined> {
  const pick = vscode.window.createQuickPick();
  pick.title = `IAM: Simulate Access — ${title}`;
  pick.placeholder = placeholder;
  const base = [...known, ...(fallback && !known.includes(fallback) ? [fallback] : [])].map((label) => ({ label }));
  pick.items = base;
  return new Promise((resolve) => {
    let done = false;
    pick.onDidChangeValue((value) => {
      // Offer the typed text itself as the first choice so anything can be simulated.
      pick.items = value && !known.includes(value) ? [{ label: value, description: 'as typed' }, ...base] : base;
    });
    pick.onDidAccept(() => {
      done = true;
      resolve(pick.selectedItems[0]?.label ?? (pick.value || undefined));
      pick.hide();
    });
    pick.onDidHide(() => {
      if (!done) resolve(undefined);
      pick.dispose();
    });
    pick.show();
  });
}
