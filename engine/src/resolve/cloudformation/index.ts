export { templateContext, type TemplateContext } from './context';
export { CloudFormationResolver, intrinsicOf, MACRO_REASON, NO_VALUE, type Resolved } from './resolve';
export { REQUEST_BOUND_PSEUDO } from './references';
