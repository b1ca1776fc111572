export * from './types';
export { simulate } from './simulate';
export { RequestContext } from './context';
export { parseOperator } from './operators';
export { describeCaller, type Caller } from './principal';
export { collectRolePolicies, listRoles, type RolePolicies, type RoleSummary } from './roles';
export { NO_PERMISSION_ACTIONS, SERVICE_GUARDRAILS, type NoPermissionAction, type ServiceGuardrail } from './serviceRules';
export { representativeResources, simulatePattern, type Coverage, type PatternRequest, type PatternResult, type PatternWitness } from './patterns';
