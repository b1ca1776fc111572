import {
  ActionsInDocumentRequestMethod,
  SimulateRequestMethod,
  type ActionsInDocumentParams,
  type ActionsInDocumentResult,
  type SimulateParams,
  type SimulateResult,
} from '../protocol';
import { runSafe } from '../runSafe';
import { simulateDocument } from '../simulateHandler';
import type { FeatureContext } from './context';

export function registerSimulation({ connection, documents, cache }: FeatureContext): void {
  connection.onRequest(SimulateRequestMethod, (params: SimulateParams, token) =>
    runSafe<SimulateResult>(connection, 'simulate', emptySimulation('The simulation failed; see the server log.'), token, () => {
      const document = documents.get(params?.uri);
      if (!document) return emptySimulation('The document is not open.');
      if (typeof params.action !== 'string' || typeof params.resource !== 'string') {
        return emptySimulation('A simulation needs an action and a resource.');
      }
      return simulateDocument(document, cache.get(document), params);
    }),
  );

  connection.onRequest(ActionsInDocumentRequestMethod, (params: ActionsInDocumentParams, token) =>
    runSafe<ActionsInDocumentResult>(connection, 'actionsInDocument', { actions: [], resources: [] }, token, () => {
      const document = documents.get(params?.uri);
      if (!document) return { actions: [], resources: [] };
      const statements = cache.get(document).policies.flatMap((policy) => policy.statements);
      const unique = (values: string[]) => [...new Set(values)];
      return {
        actions: unique(statements.flatMap((statement) => statement.action?.values.map((value) => value.value) ?? [])),
        resources: unique(statements.flatMap((statement) => statement.resource?.values.map((value) => value.value) ?? [])),
      };
    }),
  );
}

function emptySimulation(error: string): SimulateResult {
  return { decision: 'ImplicitDeny', summary: '', decidingStatements: [], statements: [], missingContextKeys: [], error };
}
