export * from './types';
export { simulate } from './simulate';
export { RequestContext } from './context';
export { parseOperator } from './operators';
