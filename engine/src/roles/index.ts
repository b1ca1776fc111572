export { SERVICE_PRINCIPALS, servicePrincipal, serviceOfLinkedRoleName, looksLikeServicePrincipal, type ServicePrincipalInfo } from './servicePrincipals';
export { IDENTITY_PROVIDERS, identityProvider, type IdentityProviderInfo, type ProviderProtocol } from './identityProviders';
export { parseIamArn, type IamArnInfo, type IamArnKind } from './iamArn';
export { classifyTrustPolicy, classifyPrincipal, type RoleKind, type RoleKindFinding, type TrustClassification } from './classifyTrust';
export {
  explainCrossAccountRole,
  explainEc2InstanceRole,
  explainInstanceProfile,
  explainManagedPolicyArn,
  explainRoleArn,
  explainSamlRole,
  explainServiceLinkedRole,
  explainServiceRole,
  explainWebIdentityRole,
  roleActionNote,
} from './explain';
export { ROLE_DOCS } from './docLinks';
