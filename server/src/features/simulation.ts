import { documentPolicies, type Policy, type PolicyFile } from '../../../engine/src';
import {
  ActionsInDocumentRequestMethod,
  CatalogActionsRequestMethod,
  RequestTemplateRequestMethod,
  SimulateAllRequestMethod,
  SimulateRequestMethod,
  type ActionsInDocumentParams,
  type ActionsInDocumentResult,
  type CatalogActionsResult,
  type RequestTemplateParams,
  type RequestTemplateResult,
  type SimulateAllParams,
  type SimulateAllResult,
  type SimulateParams,
  type SimulateResult,
} from '../protocol';
import { runSafe } from '../runSafe';
import { emptySimulation, simulateDocument } from '../simulateHandler';
import { allCatalogActions } from '../simulation/catalogActions';
import { requestTemplate } from '../simulation/requestTemplate';
import { simulateAsRole, templateRoles } from '../simulation/asRole';
import { simulateAllActions } from '../simulation/simulateAll';
import type { FeatureContext } from './context';

const EMPTY_TEMPLATE: RequestTemplateResult = { actions: [], actionsTruncated: false, resources: [], principals: [], contextKeys: [] };

export function registerSimulation({ connection, documents, cache, runtime }: FeatureContext): void {
  connection.onRequest(SimulateRequestMethod, (params: SimulateParams, token) =>
    runSafe<SimulateResult>(connection, 'simulate', emptySimulation('The simulation failed; see the server log.'), token, () => {
      const document = documents.get(params?.uri);
      if (!document) return emptySimulation('The document is not open.');
      if (typeof params.action !== 'string' || typeof params.resource !== 'string') {
        return emptySimulation('A simulation needs an action and a resource.');
      }
      const cleaned = { ...params, context: cleanContext(params.context) };
      if (typeof params.asRole === 'string' && params.asRole !== '') return simulateAsRole(document, cache.get(document), { ...cleaned, asRole: params.asRole }, runtime.managed);
      return simulateDocument(document, cache.get(document), cleaned, () => runtime.catalog);
    }),
  );

  connection.onRequest(SimulateAllRequestMethod, (params: SimulateAllParams, token) => {
    const failed = (error: string): SimulateAllResult => ({ resource: String(params?.resource ?? ''), rows: [], totalActions: 0, truncated: false, elapsedMs: 0, error });
    return runSafe<SimulateAllResult>(connection, 'simulateAll', failed('The simulation failed; see the server log.'), token, () => {
      const document = documents.get(params?.uri);
      if (!document) return failed('The document is not open.');
      if (typeof params.resource !== 'string') return failed('Simulating every action needs a resource.');
      return simulateAllActions(document, cache.get(document), runtime.catalog, { ...params, context: cleanContext(params.context) });
    });
  });

  connection.onRequest(RequestTemplateRequestMethod, (params: RequestTemplateParams, token) =>
    runSafe<RequestTemplateResult>(connection, 'requestTemplate', EMPTY_TEMPLATE, token, () => {
      const document = documents.get(params?.uri);
      if (!document) return EMPTY_TEMPLATE;
      const action = typeof params.action === 'string' ? params.action : undefined;
      const scope = params.scope && Number.isInteger(params.scope.policyIndex) && Number.isInteger(params.scope.statementIndex) ? params.scope : undefined;
      // Policies written as strings come after the file's own, as in the simulation (scope indexes count them so).
      const file = cache.get(document);
      const template = requestTemplate(allPolicies(file), runtime.catalog, { action, scope });
      const position = params.position && Number.isInteger(params.position.line) && Number.isInteger(params.position.character) ? params.position : undefined;
      const roles = templateRoles(file, position ? document.offsetAt(position) : undefined);
      return roles.length > 0 ? { ...template, roles } : template;
    }),
  );

  connection.onRequest(CatalogActionsRequestMethod, (_params: unknown, token) =>
    runSafe<CatalogActionsResult>(connection, 'catalogActions', { actions: [] }, token, () => ({ actions: allCatalogActions(runtime.catalog) })),
  );

  connection.onRequest(ActionsInDocumentRequestMethod, (params: ActionsInDocumentParams, token) =>
    runSafe<ActionsInDocumentResult>(connection, 'actionsInDocument', { actions: [], resources: [] }, token, () => {
      const document = documents.get(params?.uri);
      if (!document) return { actions: [], resources: [] };
      const statements = allPolicies(cache.get(document)).flatMap((policy) => policy.statements);
      const unique = (values: string[]) => [...new Set(values)];
      return {
        actions: unique(statements.flatMap((statement) => statement.action?.values.map((value) => value.value) ?? [])),
        resources: unique(statements.flatMap((statement) => statement.resource?.values.map((value) => value.value) ?? [])),
      };
    }),
  );
}

/** Keeps only string and string-array values: a client sending anything else must not crash the engine. */
function cleanContext(context: unknown): Record<string, string | string[]> | undefined {
  if (!context || typeof context !== 'object' || Array.isArray(context)) return undefined;
  const clean: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(context as Record<string, unknown>)) {
    if (typeof value === 'string') clean[key] = value;
    else if (Array.isArray(value)) clean[key] = value.filter((item): item is string => typeof item === 'string');
    else if (typeof value === 'number' || typeof value === 'boolean') clean[key] = String(value);
  }
  return clean;
}

function allPolicies(file: PolicyFile): Policy[] {
  return documentPolicies(file).map(({ policy }) => policy);
}
