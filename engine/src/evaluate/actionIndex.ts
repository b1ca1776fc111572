import type { CompiledStatement } from './compile';
import { LITERAL_QUESTION, LITERAL_STAR } from './pattern';

/**
 * A policy's statements by the service their actions belong to, so that a request is matched only
 * against statements that can apply to it. A pattern whose text before its first wildcard holds a
 * colon names one service (`s3:Get*`); other patterns (`*`, `s3*`, `*:Get*`) and NotAction lists may
 * match any action. Lists keep statement order.
 */
export interface ActionIndex {
  readonly byService: ReadonlyMap<string, readonly CompiledStatement[]>;
  /** Statements to try for a service the map does not hold. */
  readonly anyService: readonly CompiledStatement[];
}

export function indexActions(statements: readonly CompiledStatement[], actionTexts: readonly (readonly string[] | undefined)[]): ActionIndex {
  const services: (readonly string[] | undefined)[] = statements.map((statement, i) => servicesOf(statement, actionTexts[i]));
  // Statements without an Effect never apply but are still traced as matching the action or not.
  const anyService = statements.filter((statement, i) => statement.action !== undefined && services[i] === undefined);
  const named = new Set<string>();
  for (const list of services) for (const service of list ?? []) named.add(service);
  const byService = new Map<string, CompiledStatement[]>();
  for (const service of named) {
    byService.set(
      service,
      statements.filter((statement, i) => statement.action !== undefined && (services[i] === undefined || services[i]!.includes(service))),
    );
  }
  return { byService, anyService };
}

/** Undefined when the statement may match any service's actions. */
function servicesOf(statement: CompiledStatement, texts: readonly string[] | undefined): readonly string[] | undefined {
  if (!statement.action || statement.action.negated || !texts) return undefined;
  const services: string[] = [];
  for (const text of texts) {
    const service = serviceOf(text);
    if (service === undefined) return undefined;
    if (!services.includes(service)) services.push(service);
  }
  return services;
}

function serviceOf(lowerPattern: string): string | undefined {
  if (lowerPattern.includes(LITERAL_STAR) || lowerPattern.includes(LITERAL_QUESTION)) return undefined;
  const colon = lowerPattern.indexOf(':');
  if (colon < 0) return undefined;
  const star = lowerPattern.indexOf('*');
  const question = lowerPattern.indexOf('?');
  if ((star >= 0 && star < colon) || (question >= 0 && question < colon)) return undefined;
  return lowerPattern.slice(0, colon);
}

/** The service prefix of a lower-cased action, undefined without one: worked out once per request. */
export function serviceOfAction(action: string): string | undefined {
  const colon = action.indexOf(':');
  return colon < 0 ? undefined : action.slice(0, colon);
}

/** The statements that may apply to an action of `service` (serviceOfAction). */
export function candidates(index: ActionIndex, service: string | undefined): readonly CompiledStatement[] {
  if (service === undefined) return index.anyService;
  return index.byService.get(service) ?? index.anyService;
}
