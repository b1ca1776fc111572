export { buildRole, type NewRole, type NewRoleSpec, type PolicyDocument, type TrustedEntity } from './buildRole';
export { insertRoleIntoTemplate, logicalIdOf, roleResources } from './templateInsert';
export { readNewRoleSpec } from './readSpec';
export { SERVICE_USE_CASES, serviceUseCase, type ServiceUseCase } from './useCases';
