export { SERVICE_PRINCIPALS, servicePrincipal, serviceOfLinkedRoleName, looksLikeServicePrincipal, type ServicePrincipalInfo } from './servicePrincipals';
export { IDENTITY_PROVIDERS, identityProvider, type IdentityProviderInfo, type ProviderProtocol } from './identityProviders';
export { parseIamArn, type IamArnInfo, type IamArnKind } from './iamArn';
export { classifyTrustPolicy, classifyPrincipal, type RoleKind, type RoleKindFinding, type TrustClassification, type TrustContext } from './classifyTrust';
export { trustedAwsPrincipal, type TrustedAwsPrincipal } from './trustedPrincipal';
export {
  explainAwsPrincipalTrust,
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
export { ROLE_FACTS, type RoleFact, type RoleFactId } from './facts';
export { ROLE_DOCS, ROLE_DOC_TITLES, type RoleDocPage } from './docLinks';
export { escapeMarkdown, inlineCode } from './markdown';
