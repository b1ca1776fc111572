/** AWS documentation pages that role explanations cite, each with the title shown in hovers. */
const UG = 'https://docs.aws.amazon.com/IAM/latest/UserGuide';

export const ROLE_DOCS = {
  // The terms and concepts moved into the page "IAM roles"; the IAM pages now link them there.
  terms: `${UG}/id_roles.html#id_roles_terms-and-concepts`,
  serviceRole: `${UG}/id_roles_create_for-service.html`,
  serviceLinkedRole: `${UG}/using-service-linked-roles.html`,
  instanceProfile: `${UG}/id_roles_use_switch-role-ec2_instance-profiles.html`,
  ec2Role: `${UG}/id_roles_use_switch-role-ec2.html`,
  ec2IamRoles: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/iam-roles-for-amazon-ec2.html',
  autoScalingRole: 'https://docs.aws.amazon.com/autoscaling/ec2/userguide/us-iam-role.html',
  ec2Policies: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/iam-policies-for-amazon-ec2.html',
  imds: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-service.html',
  crossAccount: `${UG}/id_roles_common-scenarios_aws-accounts.html`,
  crossAccountEvaluation: `${UG}/reference_policies_evaluation-logic-cross-account.html`,
  rolesVsResourcePolicies: `${UG}/id_roles_compare-resource-policies.html`,
  externalId: `${UG}/id_roles_create_for-user_externalid.html`,
  confusedDeputy: `${UG}/confused-deputy.html`,
  webIdentity: `${UG}/id_roles_providers_oidc.html`,
  oidcRole: `${UG}/id_roles_create_for-idp_oidc.html`,
  saml: `${UG}/id_roles_providers_saml.html`,
  samlRole: `${UG}/id_roles_create_for-idp_saml.html`,
  samlAssertions: `${UG}/id_roles_providers_create_saml_assertions.html`,
  passRole: `${UG}/id_roles_use_passrole.html`,
  principal: `${UG}/reference_policies_elements_principal.html`,
  servicePrincipals: `${UG}/reference_policies_elements_principal.html#principal-services`,
  updateTrustPolicy: `${UG}/id_roles_update-role-trust-policy.html`,
  globalConditionKeys: `${UG}/reference_policies_condition-keys.html`,
  managedPolicies: `${UG}/access_policies_managed-vs-inline.html`,
  identifiers: `${UG}/reference_identifiers.html`,
  servicesThatWorkWithIam: `${UG}/reference_aws-services-that-work-with-iam.html`,
  sourceIdentity: `${UG}/id_credentials_temp_control-access_monitor.html`,
  sessionTags: `${UG}/id_session-tags.html`,
  scps: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html',
  assumeRole: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html',
  assumeRoleWithWebIdentity: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html',
  assumeRoleWithSaml: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithSAML.html',
  managedPolicyAbout: 'https://docs.aws.amazon.com/aws-managed-policy/latest/reference/about-managed-policy-reference.html',
  jobFunctions: `${UG}/access_policies_job-functions.html`,
  attachRolePolicy: 'https://docs.aws.amazon.com/IAM/latest/APIReference/API_AttachRolePolicy.html',
  putRolePermissionsBoundary: 'https://docs.aws.amazon.com/IAM/latest/APIReference/API_PutRolePermissionsBoundary.html',
  eksServiceAccounts: 'https://docs.aws.amazon.com/eks/latest/userguide/associate-service-account-role.html',
  cognitoRoleTrust: 'https://docs.aws.amazon.com/cognito/latest/developerguide/role-trust-and-permissions.html',
  githubOidc: `${UG}/id_roles_create_for-idp_oidc.html#idp_oidc_Create_GitHub`,
  // Not an AWS page: only GitLab documents the issuer and audience it uses (see NON_AWS_SOURCES).
  gitlabOidc: 'https://docs.gitlab.com/ci/cloud_services/aws/',
} as const;

export type RoleDocPage = keyof typeof ROLE_DOCS;

/**
 * The pages outside docs.aws.amazon.com that may be cited, and why. Only identity-provider entries
 * (identityProviders.ts) may cite them, for what only the provider documents about itself; role facts
 * always cite AWS (tests hold both).
 */
export const NON_AWS_SOURCES: Readonly<Partial<Record<RoleDocPage, string>>> = {
  gitlabOidc: 'GitLab\'s issuer URL, the audience it uses and the form of its `sub` claim are documented by GitLab only; no AWS page covers GitLab.',
};

/** The title each page is linked with. */
export const ROLE_DOC_TITLES: Readonly<Record<RoleDocPage, string>> = {
  terms: 'IAM roles: terms and concepts',
  serviceRole: 'Creating a role for an AWS service',
  serviceLinkedRole: 'Using service-linked roles',
  instanceProfile: 'Instance profiles',
  ec2Role: 'Using an IAM role for applications on EC2',
  ec2IamRoles: 'IAM roles for Amazon EC2',
  autoScalingRole: 'IAM role for applications on Auto Scaling instances',
  ec2Policies: 'IAM policies for Amazon EC2',
  imds: 'Instance metadata service (IMDSv2)',
  crossAccount: 'Providing access across accounts',
  crossAccountEvaluation: 'Cross-account policy evaluation',
  rolesVsResourcePolicies: 'How roles differ from resource-based policies',
  externalId: 'External ID',
  confusedDeputy: 'The confused deputy problem',
  webIdentity: 'OIDC federation',
  oidcRole: 'Creating a role for OIDC',
  saml: 'SAML federation',
  samlRole: 'Creating a role for SAML',
  samlAssertions: 'SAML assertions for the authentication response',
  passRole: 'Passing a role',
  principal: 'Principal element',
  servicePrincipals: 'Service principals',
  updateTrustPolicy: 'Update a role trust policy',
  globalConditionKeys: 'Global condition keys',
  managedPolicies: 'Managed policies and inline policies',
  identifiers: 'IAM identifiers',
  servicesThatWorkWithIam: 'AWS services that work with IAM (each service\'s service-linked role page)',
  sourceIdentity: 'Source identity',
  sessionTags: 'Session tags',
  scps: 'Service control policies',
  assumeRole: 'AssumeRole',
  assumeRoleWithWebIdentity: 'AssumeRoleWithWebIdentity',
  assumeRoleWithSaml: 'AssumeRoleWithSAML',
  managedPolicyAbout: 'What are AWS managed policies?',
  jobFunctions: 'AWS managed policies for job functions',
  attachRolePolicy: 'AttachRolePolicy (errors)',
  putRolePermissionsBoundary: 'PutRolePermissionsBoundary',
  eksServiceAccounts: 'EKS: assign IAM roles to Kubernetes service accounts',
  cognitoRoleTrust: 'Cognito: role trust and permissions',
  githubOidc: 'Configuring a role for GitHub OIDC',
  gitlabOidc: 'GitLab\'s documentation (not AWS): OIDC in AWS',
};
