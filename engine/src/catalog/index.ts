export * from './types';
export { Catalog } from './catalog';
export { inMemoryCatalogSource, type CatalogIndex, type CatalogSource, type GlobalConditionKeyEntry, type KeyNamespaceEntry } from './source';
export { decodeService, parseAccessLevel, type PlainServiceData } from './decodeService';
export { closestMatch, editDistance } from './suggest';
export { matchesKeyTemplate, compileKeyTemplate, findKeyTemplate, isKeyTemplate, type KeyTemplate } from './keyTemplate';
export { isFederatedSessionKey } from './federatedSessionKeys';
