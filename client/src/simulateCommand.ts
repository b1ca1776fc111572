import * as vscode from 'vscode';
import { SimulateAccessCommand, SimulateRequestMethod, type SimulateCommandArgs, type SimulateParams, type SimulateResult, type StatementScope } from '../../server/src/protocol';
import { gatherRequest } from './requestPrompts';
import { renderResult } from './resultHtml';
import { readArgs, readContextArg, targetDocument, type SimulationServices } from './services';

/**
 * "IAM: Simulate Access". Resolves to the SimulateResult (end-to-end tests assert on it), or undefined
 * when there is nothing to simulate or the user backs out. `{action, resource}` skips every prompt.
 */
export function registerSimulateCommand(services: SimulationServices): vscode.Disposable {
  return vscode.commands.registerCommand(SimulateAccessCommand, async (raw?: unknown): Promise<SimulateResult | undefined> => {
    const args: SimulateCommandArgs = {
      ...readArgs(raw, ['uri', 'action', 'resource', 'principal', 'resourceAccount', 'asRole'] as const),
      context: readContextArg(raw),
      scope: readScope(raw),
    };
    const client = services.getClient();
    const document = await targetDocument(args.uri);
    if (!document || !client) {
      void vscode.window.showWarningMessage('IAM: open a policy file to simulate access.');
      return undefined;
    }
    const uri = document.uri.toString();
    const request = await gatherRequest(client, uri, args, services.lastRequests.get(uri));
    if (!request) return undefined;
    await services.lastRequests.remember(uri, request);
    const params: SimulateParams = { uri, ...request };
    const result = await client.sendRequest<SimulateResult>(SimulateRequestMethod, params);
    if (result.error) {
      void vscode.window.showErrorMessage(`IAM: ${result.error}`);
      return result;
    }
    services.decorations.show(document.uri, result);
    services.view.show(renderResult(request, result), document.uri);
    return result;
  });
}

function readScope(raw: unknown): StatementScope | undefined {
  const scope = raw && typeof raw === 'object' ? (raw as { scope?: Partial<StatementScope> }).scope : undefined;
  if (!scope || !Number.isInteger(scope.policyIndex) || !Number.isInteger(scope.statementIndex)) return undefined;
  return { policyIndex: scope.policyIndex!, statementIndex: scope.statementIndex! };
}
