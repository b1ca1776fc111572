import * as vscode from 'vscode';
import {
  RequestTemplateRequestMethod,
  SimulateAllActionsCommand,
  SimulateAllRequestMethod,
  type RequestTemplateResult,
  type SimulateAllParams,
  type SimulateAllResult,
} from '../../server/src/protocol';
import { renderAllActions } from './allActionsHtml';
import { pickPrincipal, pickResource } from './requestPrompts';
import { readArgs, readContextArg, targetDocument, type SimulationServices } from './services';

/**
 * "IAM: Simulate All Actions": every action the policy names against one resource. Resolves to the
 * SimulateAllResult; `{resource}` skips the prompts.
 */
export function registerSimulateAllCommand(services: SimulationServices): vscode.Disposable {
  return vscode.commands.registerCommand(SimulateAllActionsCommand, async (raw?: unknown): Promise<SimulateAllResult | undefined> => {
    const args = readArgs(raw, ['uri', 'resource', 'principal', 'resourceAccount'] as const);
    const client = services.getClient();
    const document = await targetDocument(args.uri);
    if (!document || !client) {
      void vscode.window.showWarningMessage('IAM: open a policy file to simulate its actions.');
      return undefined;
    }
    const uri = document.uri.toString();
    const last = services.lastRequests.get(uri);
    let resource = args.resource;
    let principal = args.principal;
    if (!resource) {
      const template = await client.sendRequest<RequestTemplateResult>(RequestTemplateRequestMethod, { uri });
      resource = await pickResource(template, last, 'every action');
      if (!resource) return undefined;
      const picked = await pickPrincipal(template, last);
      if (picked === undefined) return undefined;
      principal = picked || undefined;
    }
    const limit = raw && typeof raw === 'object' && typeof (raw as { limit?: unknown }).limit === 'number' ? (raw as { limit: number }).limit : undefined;
    const params: SimulateAllParams = { uri, resource, principal, resourceAccount: args.resourceAccount, context: readContextArg(raw), limit };
    const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'IAM: simulating every action' }, () =>
      client.sendRequest<SimulateAllResult>(SimulateAllRequestMethod, params),
    );
    if (result.error) {
      void vscode.window.showErrorMessage(`IAM: ${result.error}`);
      return result;
    }
    services.view.show(renderAllActions(result, principal), document.uri);
    return result;
  });
}
