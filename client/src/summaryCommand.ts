import * as vscode from 'vscode';
import { PolicySummaryRequestMethod, ShowPolicySummaryCommand, type PolicySummaryParams, type PolicySummaryResult } from '../../server/src/protocol';
import { targetDocument, type SimulationServices } from './services';
import type { SimulationView } from './simulationView';
import { renderSummary } from './summaryHtml';

/**
 * "IAM: Show Policy Summary" (and the summary code lens): what each policy of the document grants,
 * per service and access level, in a view. Resolves to the server's answer, for tests.
 */
export function registerSummaryCommand(services: SimulationServices, view: SimulationView): vscode.Disposable {
  return vscode.commands.registerCommand(ShowPolicySummaryCommand, async (raw?: unknown): Promise<PolicySummaryResult | undefined> => {
    const given = raw && typeof raw === 'object' ? (raw as { uri?: unknown; policyIndex?: unknown }) : {};
    const client = services.getClient();
    const document = await targetDocument(typeof given.uri === 'string' ? given.uri : undefined);
    if (!document || !client) {
      void vscode.window.showWarningMessage('IAM: open a policy file to summarise it.');
      return undefined;
    }
    const params: PolicySummaryParams = { uri: document.uri.toString(), ...(typeof given.policyIndex === 'number' ? { policyIndex: given.policyIndex } : {}) };
    const result = await client.sendRequest<PolicySummaryResult>(PolicySummaryRequestMethod, params);
    if (result.error) {
      void vscode.window.showErrorMessage(`IAM: ${result.error}`);
      return result;
    }
    view.show(renderSummary(result.policies), document.uri);
    return result;
  });
}
