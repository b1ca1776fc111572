/** AWS documentation pages that role explanations link to. */
const UG = 'https://docs.aws.amazon.com/IAM/latest/UserGuide';

export const ROLE_DOCS = {
  terms: `${UG}/id_roles_terms-and-concepts.html`,
  serviceRole: `${UG}/id_roles_create_for-service.html`,
  serviceLinkedRole: `${UG}/using-service-linked-roles.html`,
  instanceProfile: `${UG}/id_roles_use_switch-role-ec2_instance-profiles.html`,
  ec2Role: `${UG}/id_roles_use_switch-role-ec2.html`,
  crossAccount: `${UG}/id_roles_common-scenarios_aws-accounts.html`,
  externalId: `${UG}/id_roles_create_for-user_externalid.html`,
  confusedDeputy: `${UG}/confused-deputy.html`,
  webIdentity: `${UG}/id_roles_providers_oidc.html`,
  oidcRole: `${UG}/id_roles_create_for-idp_oidc.html`,
  saml: `${UG}/id_roles_providers_saml.html`,
  samlRole: `${UG}/id_roles_create_for-idp_saml.html`,
  passRole: `${UG}/id_roles_use_passrole.html`,
  principal: `${UG}/reference_policies_elements_principal.html`,
  servicePrincipals: `${UG}/reference_policies_elements_principal.html#principal-services`,
  managedPolicies: `${UG}/access_policies_managed-vs-inline.html`,
  identifiers: `${UG}/reference_identifiers.html`,
  assumeRole: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html',
  githubOidc: 'https://docs.github.com/en/actions/deployment/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services',
} as const;
