import type { RoleDocPage } from './docLinks';

/**
 * What the role hovers teach, one fact at a time, each with the AWS documentation page it comes from.
 * The text is ours (Markdown, no user input); explanations pick facts by id and cite their pages.
 * Every fact was read against its page and records where the page says it (`checked`). Where an AWS
 * tutorial or overview and the reference pages disagree, the reference page is the source (see
 * docs/role-knowledge.md).
 */
export interface RoleFact {
  readonly text: string;
  readonly source: RoleDocPage;
  /**
   * Where on the source page the sentence was found when it was read against the page: the page's
   * section (its heading), and what that section says in short when the heading alone does not show
   * it. A fact that has not been read against its page has no place in this table.
   */
  readonly checked: string;
}

export const ROLE_FACTS = {
  // Service principals and service roles.
  servicePrincipalMeaning: {
    text: 'A service principal identifies an AWS service. A role whose trust policy names one is a service role: that service assumes it to act for you.',
    source: 'servicePrincipals',
    checked: 'AWS service principals: a service principal is an identifier for a service; roles that a service can assume are service roles',
  },
  serviceRoleOwned: {
    text: 'It is a role of your own account: an IAM administrator can create, change and delete it in IAM.',
    source: 'serviceLinkedRole',
    checked: 'the Note on service roles: an IAM administrator can create, modify and delete a service role from within IAM',
  },
  serviceRolePassRole: {
    text: 'The service gets the role when someone passes it, as a role ARN in a call such as a create or update call. That person needs `iam:PassRole` on the role; the `iam:PassedToService` condition key limits which service it may be passed to.',
    source: 'passRole',
    checked: 'introduction: a role ARN passed as a parameter is checked against iam:PassRole; iam:PassedToService names the service principal',
  },
  serviceRoleRunsYourCode: {
    text: 'AWS services that provide compute resources, such as Amazon EC2, Amazon ECS, Amazon EKS and Lambda, give the code they run temporary credentials for the role and renew them automatically.',
    source: 'updateTrustPolicy',
    checked: 'Notes at the top: compute services such as EC2, ECS, EKS and Lambda provide temporary credentials and update them automatically',
  },
  serviceRoleNotLinked: {
    text: 'The service also has service-linked roles, which it owns and whose permissions you can view but not edit; a role you create that trusts the service principal is not one of them.',
    source: 'serviceLinkedRole',
    checked: 'Note on service roles and service-linked roles: service roles are created and edited in IAM, service-linked roles are owned by the service',
  },
  serviceRoleConfusedDeputy: {
    text: 'When a service assumes a role for you, `aws:SourceArn` / `aws:SourceAccount` conditions in the trust policy protect against the confused deputy problem.',
    source: 'confusedDeputy',
    checked: 'Cross-service confused deputy prevention: include aws:SourceAccount and aws:SourceArn in the role trust policy when a service assumes the role',
  },

  // EC2 instance roles and instance profiles.
  ec2NoStoredKeys: {
    text: 'Applications on an EC2 instance use this role instead of long-term access keys stored on the instance.',
    source: 'ec2Role',
    checked: 'introduction: with a role you do not distribute long-term credentials to an instance',
  },
  ec2InstanceProfile: {
    text: 'EC2 gets the role through an **instance profile**, which passes it to the instance and can contain only one role.',
    source: 'instanceProfile',
    checked: 'introduction (use an instance profile to pass a role to an instance) and the note under the CLI/API section (only one role per profile)',
  },
  ec2OneProfilePerInstance: {
    text: 'An instance can have only one IAM role at a time; you can attach it at or after launch, and replace or detach it later.',
    source: 'ec2IamRoles',
    checked: 'introduction (one role per instance, the same role on many instances) and Attach an IAM role / Replace an IAM role',
  },
  ec2Fleet: {
    text: 'One role can serve a whole fleet: when several instances use the same role, a change to that one role reaches all of them automatically, so widening it for one application widens every instance that carries it.',
    source: 'ec2Role',
    checked: 'introduction: with a single role for multiple instances, a change to that role propagates automatically to all of them',
  },
  ec2AutoScaling: {
    text: 'An Auto Scaling group gets the role from the instance profile named in its launch template (or launch configuration), so every instance it launches carries the same role.',
    source: 'autoScalingRole',
    checked: 'introduction: instances of an Auto Scaling group get the instance profile chosen in the launch template or launch configuration',
  },
  ec2Credentials: {
    text: 'Code on the instance reads temporary credentials of the role from the instance metadata (the AWS SDKs can do it for you); they are rotated automatically before they expire.',
    source: 'ec2Role',
    checked: 'How do roles for Amazon EC2 instances work?: credentials from instance metadata, SDK providers, automatic rotation before expiry',
  },
  ec2PassRole: {
    text: 'Launching an instance with the role requires `iam:PassRole` on the role (limit it with `iam:PassedToService` = `ec2.amazonaws.com`).',
    source: 'passRole',
    checked: 'Example 1: passing approved roles to EC2 when launching an instance; iam:PassedToService in the introduction',
  },
  ec2SourceInstance: {
    text: 'Requests made from the instance with the role can be tested with `ec2:SourceInstanceARN`, the ARN of the instance they come from; it is a global key, so policies of other services can test it too.',
    source: 'ec2Policies',
    checked: 'Condition keys for Amazon EC2, ec2:SourceInstanceARN: the ARN of the instance a request is made from, a global condition key (in 2023 this section was on the EC2 page "Policy structure")',
  },
  ec2Imdsv2: {
    text: 'You can configure the instance metadata service to accept only IMDSv2 (session-oriented) requests; IMDSv1 requests, including those for the role\'s credentials, then fail. The page links AWS\'s review of how IMDSv2 adds defense against open firewalls, reverse proxies and SSRF vulnerabilities.',
    source: 'imds',
    checked: 'introduction: IMDSv1 request/response, IMDSv2 session-oriented; requiring IMDSv2 makes IMDSv1 stop working; link to the review of IMDSv2 against SSRF',
  },
  ec2NotChaining: {
    text: 'Using a role on an EC2 instance is not role chaining, so the one-hour limit of chained sessions does not apply to it.',
    source: 'terms',
    checked: 'Role chaining: AWS does not treat roles that grant permissions to applications on EC2 instances as role chaining',
  },
  instanceProfileContainer: {
    text: 'Passes one IAM role to EC2 instances: an instance profile can contain only one role, while one role can be in several instance profiles.',
    source: 'instanceProfile',
    checked: 'introduction and the note under Managing instance profiles (AWS CLI or AWS API): one role per profile, a role in several profiles',
  },
  instanceProfileConsole: {
    text: 'The IAM console creates a profile with the same name when you create a role for EC2; with the CLI or API, roles and instance profiles are created separately and their names may differ.',
    source: 'instanceProfile',
    checked: 'Managing instance profiles (console) and Managing instance profiles (AWS CLI or AWS API)',
  },
  instanceProfileReplace: {
    text: 'Swapping the role inside a profile reaches its instances only after the change has spread through AWS (eventual consistency); to force it, disassociate and re-associate the profile, or stop and start the instance.',
    source: 'instanceProfile',
    checked: 'note under Managing instance profiles (AWS CLI or AWS API): remove and add a role, wait for eventual consistency, or force it',
  },
  instanceProfilePassRole: {
    text: 'Launching an instance with it, or attaching or replacing it on an instance, requires `iam:PassRole` on the role inside.',
    source: 'ec2IamRoles',
    checked: 'Permissions required: iam:PassRole with ec2:AssociateIamInstanceProfile and ec2:ReplaceIamInstanceProfileAssociation',
  },

  // Service-linked roles.
  linkedPredefined: {
    text: 'The service defines its trust policy and its permissions: in IAM you can view them and edit the description, but not edit the permissions or rename the role (some services let you change permissions through the service itself).',
    source: 'serviceLinkedRole',
    checked: 'introduction (the linked service defines trust and permissions policies) and Editing a service-linked role (no renaming, description editable)',
  },
  linkedNoBoundary: {
    text: 'A service-linked role cannot have a permissions boundary.',
    source: 'putRolePermissionsBoundary',
    checked: 'description: you cannot set the boundary for a service-linked role (the terms and concepts say the same)',
  },
  linkedPath: {
    text: 'Its ARN has the path `/aws-service-role/<service principal>/`, as in `arn:aws:iam::123456789012:role/aws-service-role/access-analyzer.amazonaws.com/AWSServiceRoleForAccessAnalyzer`.',
    source: 'identifiers',
    checked: 'IAM ARNs: the example ARN of a service-linked role',
  },
  linkedCreation: {
    text: 'Depending on the service, it creates the role for you, lets you create it in its own console, or has you create it in IAM with `iam:CreateServiceLinkedRole` (limit who may with the `iam:AWSServiceName` condition key).',
    source: 'serviceLinkedRole',
    checked: 'introduction (the service defines how the role is created) and Service-linked role permissions (the policy with iam:AWSServiceName)',
  },
  linkedDeletion: {
    text: 'It can be deleted only after the service resources that depend on it are gone; some services delete it themselves.',
    source: 'serviceLinkedRole',
    checked: 'introduction (delete related resources first) and Deleting a service-linked role (the service might delete it for you)',
  },
  linkedScp: {
    text: 'Service control policies do not restrict service-linked roles.',
    source: 'scps',
    checked: 'Effects on permissions: SCPs do not affect any service-linked role',
  },
  linkedPolicyAttached: {
    text: 'A service-linked role policy can be attached only to the service-linked role of its service: attaching it to one of your own roles fails with `PolicyNotAttachable`.',
    source: 'attachRolePolicy',
    checked: 'Errors, PolicyNotAttachable: AWS service role policies can only be attached to the service-linked role for that service',
  },
  linkedIsServiceRole: {
    text: 'A service-linked role is a kind of service role that is linked to one AWS service: the service owns it and assumes it to act for you, and you can view its permissions but not edit them.',
    source: 'serviceLinkedRole',
    checked: 'the Note on service-linked roles: a type of service role linked to a service, owned by it; permissions viewable, not editable',
  },

  // Trust in AWS principals: accounts, roles, users.
  accountWholeAccount: {
    text: 'Naming an account (its 12-digit ID or `arn:aws:iam::<account>:root`) trusts the whole account, not its root user: the account\'s administrators decide which of their users and roles may assume the role.',
    source: 'principal',
    checked: 'AWS account principals: delegates authority to the account, whose administrator grants access; the root ARN does not limit it to the root user',
  },
  accountIdentityPolicyToo: {
    text: 'Naming the account is one half: a user or role of it also needs an identity policy that allows `sts:AssumeRole` on this role.',
    source: 'assumeRole',
    checked: 'Permissions: in the same account, a policy that allows AssumeRole works as long as the trust policy trusts the account (the Delegation term says the same)',
  },
  accountNarrowToRole: {
    text: 'To trust one role or user of that account only, name its ARN (`arn:aws:iam::<account>:role/<name>` or `:user/<name>`) instead of the account.',
    source: 'principal',
    checked: 'IAM role principals and IAM user principals: the ARN formats; AWS account principals: naming the account delegates to its administrators',
  },
  crossAccountBothSides: {
    text: 'Across accounts both sides must allow: the trusted principal\'s own identity policies must allow `sts:AssumeRole` on this role as well.',
    source: 'crossAccountEvaluation',
    checked: 'introduction: the request is allowed only if the evaluations in both the trusting and the trusted account allow it',
  },
  crossAccountExternalId: {
    text: 'When a third party assumes the role for you, require `sts:ExternalId` in a condition: the external ID, unique to you among that party\'s customers, stops another customer from tricking it into using your role (the confused deputy problem).',
    source: 'externalId',
    checked: 'introduction and the Example Corp scenario: an external ID per customer, required in the trust policy',
  },
  crossAccountOrgId: {
    text: 'Consider `aws:PrincipalOrgID` to keep the trust inside your organisation.',
    source: 'globalConditionKeys',
    checked: 'aws:PrincipalOrgID: compares the organization of the requesting principal',
  },
  crossAccountMfa: {
    text: 'For people, you can add MFA protection so that only users who signed in with an MFA device can assume the role (a condition on `aws:MultiFactorAuthPresent`).',
    source: 'crossAccount',
    checked: 'introduction: add multi-factor authentication protection to the role (the linked page on MFA-protected API access uses aws:MultiFactorAuthPresent)',
  },
  crossAccountResourcePolicy: {
    text: 'A role is not the only way across accounts: where the resource supports a resource-based policy (S3 buckets, SNS topics, SQS queues, ...), that policy can grant the other account directly, and its principals keep their own permissions instead of giving them up for the role\'s.',
    source: 'rolesVsResourcePolicies',
    checked: 'introduction: a resource-based policy instead of a role as a proxy; the principal does not give up its permissions; the list of services',
  },
  crossAccountRoleWhereNoResourcePolicy: {
    text: 'Where the resource does not support a resource-based policy, a role is the way across accounts: the other account\'s principal assumes it and works here with the role\'s permissions instead of its own.',
    source: 'rolesVsResourcePolicies',
    checked: 'introduction: a policy on the resource works only where the resource supports resource-based policies; with a role the principal gives up its own permissions',
  },
  namedPrincipalUniqueId: {
    text: 'IAM saves a named role or user as its unique ID: if it is deleted and re-created under the same name, this trust no longer applies until the policy is saved again.',
    source: 'principal',
    checked: 'IAM role principals and IAM user principals, the Important notes on unique principal IDs',
  },
  userPrincipal: {
    text: 'Only this IAM user may assume the role; the user name in the ARN is case sensitive.',
    source: 'principal',
    checked: 'IAM user principals: the note on the case-sensitive user name',
  },

  // Role chaining: a role session assuming another role.
  chainingOneHour: {
    text: 'A role session that assumes another role is **role chaining**: the new session lasts at most one hour, and asking for a longer `DurationSeconds` fails.',
    source: 'assumeRole',
    checked: 'Request Parameters, DurationSeconds: role chaining limits the session to one hour; a longer value fails (the Role chaining term says the same)',
  },
  chainingSourceIdentity: {
    text: 'A source identity (`sts:SourceIdentity`), once set, cannot be changed during the session and persists into every role assumed along the chain; setting it requires `sts:SetSourceIdentity` in the trust policy of the role assumed (and, in a chain, in the permissions of the role that assumes it).',
    source: 'sourceIdentity',
    checked: 'introduction (persists through role chaining, cannot be changed) and Permissions required to set source identity',
  },
  chainingSessionTags: {
    text: 'Session tags marked transitive are passed on to every later session in the chain; passing tags requires `sts:TagSession` in the trust policy.',
    source: 'sessionTags',
    checked: 'Chaining roles with session tags (transitive tags persist) and Permissions required to add session tags',
  },

  // Resource-based policies (bucket, queue, topic, key policies) naming principals.
  resourcePolicyDirect: {
    text: 'A resource-based policy can grant another account access directly, without a role: its principals keep working with their own permissions instead of giving them up for a role\'s.',
    source: 'rolesVsResourcePolicies',
    checked: 'introduction: resource-based policies instead of a role; the principal keeps its own permissions',
  },
  resourcePolicyBothSides: {
    text: 'Across accounts the request is allowed only if both accounts allow it: this resource-based policy and the identity-based policies of the principal in its own account.',
    source: 'crossAccountEvaluation',
    checked: 'introduction and the evaluation steps: an identity-based policy in the trusted account and the resource-based policy must both allow',
  },
  resourcePolicyRoleOtherwise: {
    text: 'Only some services support resource-based policies; for the others a role is the way across accounts, which the other account assumes.',
    source: 'rolesVsResourcePolicies',
    checked: 'introduction (the resource must support resource-based policies) and the list of services that support them',
  },

  resourcePolicyServicePrincipal: {
    text: 'A service principal in a resource-based policy lets that service act on the resource itself; add `aws:SourceArn` or `aws:SourceAccount` conditions so that it does so only for your own resources (the confused deputy problem).',
    source: 'confusedDeputy',
    checked: 'Cross-service confused deputy prevention: aws:SourceArn and aws:SourceAccount in resource-based policies',
  },
  resourcePolicyEveryone: {
    text: '`*` as the principal of a resource-based policy with Allow grants everyone, including anonymous requests: public access. AWS advises against it unless public access is the intent.',
    source: 'principal',
    checked: 'All principals: the Important note on a wildcard principal with Allow (public or anonymous access)',
  },
  resourcePolicyOrgId: {
    text: 'The global condition key `aws:PrincipalOrgID` narrows such a grant to principals of the accounts of your organisation.',
    source: 'globalConditionKeys',
    checked: 'aws:PrincipalOrgID',
  },

  // Managed policy ARNs.
  awsManagedByAws: {
    text: 'AWS creates and administers it: you cannot change its permissions, and when AWS updates them the change reaches every user, group and role it is attached to.',
    source: 'managedPolicyAbout',
    checked: 'What are AWS managed policies?: created and administered by AWS; permissions cannot be changed; updates affect every attached identity',
  },
  awsManagedBroad: {
    text: 'It is written for every AWS customer, so it may grant more than your use case needs; a customer managed policy of your own can narrow it.',
    source: 'managedPolicyAbout',
    checked: 'What are AWS managed policies?: may not grant least privilege because it is available to all customers; define customer managed policies',
  },
  awsManagedReferencePage: {
    text: 'Its page in the AWS Managed Policy Reference gives its type (AWS managed, job function, service role or service-linked role policy) and whether you can attach it to your users, groups and roles.',
    source: 'managedPolicyAbout',
    checked: 'Understanding policy reference pages: Using this policy, and Policy details › Type',
  },
  awsManagedJobFunction: {
    text: 'A job function policy: an AWS managed policy that gathers the permissions of one common job (administrator, billing, database administrator, ...) across services; you can attach it to any IAM identity.',
    source: 'jobFunctions',
    checked: 'introduction (attach AWS managed policies, including job functions, to any IAM identity) and the list of job functions',
  },
  customerManaged: {
    text: 'A customer managed policy: a standalone policy that you create and administer in your own account, and can attach to several users, groups and roles of it.',
    source: 'managedPolicies',
    checked: 'Customer managed policies',
  },

  // Federation.
  webIdentityExchange: {
    text: 'Users or workloads that sign in with the identity provider exchange its token for temporary credentials of this role through `sts:AssumeRoleWithWebIdentity`, so no long-term AWS credentials have to be embedded or handed out.',
    source: 'webIdentity',
    checked: 'introduction: exchange the authentication token for temporary credentials mapped to a role; no embedded long-term credentials',
  },
  samlExchange: {
    text: 'Users who sign in to your identity provider get temporary credentials for this role through `sts:AssumeRoleWithSAML`, or sign in to the console with it, without an IAM user for each of them.',
    source: 'saml',
    checked: 'introduction: federated single sign-on to the console or the API without an IAM user for everyone',
  },
  samlAssertion: {
    text: 'Your identity provider maps its users to roles: its SAML assertion lists, in the `https://aws.amazon.com/SAML/Attributes/Role` attribute, pairs of a role ARN and the ARN of the IAM SAML provider.',
    source: 'samlAssertions',
    checked: 'the Role attribute: comma-delimited pairs of role and identity provider ARNs',
  },
  samlAudience: {
    text: 'A role for console sign-in tests `SAML:aud` against the AWS sign-in endpoint for SAML, `https://signin.aws.amazon.com/saml`; a role for programmatic access should test at least one attribute of the assertion, so that only a subset of your users can assume it.',
    source: 'samlRole',
    checked: 'Prerequisites (the StringEquals on SAML:aud) and Creating a role for SAML, the attribute step',
  },
  publicTrust: {
    // The "Roles: terms and concepts" overview says a trust policy cannot name a wildcard principal;
    // the Principal element reference says the account can be changed to "*" after the role is
    // created. The reference wins (docs/role-knowledge.md).
    text: '`"*"` as the principal of a role trust policy lets everyone assume the role. The Principal element reference allows it once the role exists, but strongly recommends limiting who can use the role through other means, such as a `Condition` element: never leave a role open to everyone.',
    source: 'principal',
    checked: 'introduction, the Note on changing the account to "*" after the role is created; All principals, the Important note on role trust policies',
  },

  // Role ARNs and managed policies seen outside trust policies.
  roleKindFromTrust: {
    text: 'What kind of role this is depends on its trust policy, which names the principals that may assume it: a service makes it a service role, users, roles and accounts a role for access within or across accounts, an identity provider a federation role.',
    source: 'principal',
    checked: 'introduction (the trust policy says who can assume the role), AWS service principals (service roles), Web identity and SAML session principals',
  },
  roleServiceRolePath: {
    text: 'The IAM identifiers reference gives a role on the `/service-role/` path as its example of a service role\'s ARN: this is most likely one, an ordinary role of your account that you can edit.',
    source: 'identifiers',
    checked: 'IAM ARNs: the example ARN of a service role, arn:aws:iam::123456789012:role/service-role/QuickSightAction',
  },

  // Actions that create, pass or assume roles.
  passRoleAction: {
    text: '**Passing a role.** Lets the caller hand a role to an AWS service (launching an EC2 instance with a role, creating a Lambda function, ...), so the service can act with that role\'s permissions. It is not an API call but a permission, checked whenever a role ARN is passed as a parameter. Limit `Resource` to the roles meant to be passed and add `iam:PassedToService`, so that only approved roles reach the intended services.',
    source: 'passRole',
    checked: 'introduction (approved roles, Resource, iam:PassedToService) and the note that PassRole is not an API call but a permission',
  },
  createLinkedRoleAction: {
    text: '**Creating a service-linked role.** Creates the service-linked role of the service named in `AWSServiceName`; some services create theirs for you. Limit it with `iam:AWSServiceName` to the services you use and, where possible, to the role ARN `arn:aws:iam::*:role/aws-service-role/<principal>/<name>`.',
    source: 'serviceLinkedRole',
    checked: 'Service-linked role permissions: the policy that allows creating a specific service-linked role',
  },
  assumeRoleAction: {
    text: '**Assuming a role.** Returns temporary credentials for the role. The role\'s trust policy must name the caller; a caller in another account also needs `sts:AssumeRole` on the role in an identity policy, while in the role\'s own account naming the caller in the trust policy is enough.',
    source: 'assumeRole',
    checked: 'Permissions: a user in a different account needs delegated permissions; in the same account either an identity policy or being named in the trust policy',
  },
  assumeRoleWithWebIdentityAction: {
    text: '**Web identity federation.** Exchanges an OIDC token (GitHub Actions, EKS service accounts, Cognito, Google, ...) for role credentials. Calling it needs no AWS credentials: the token from the identity provider identifies the caller, so pin its audience and subject in the trust policy\'s conditions.',
    source: 'assumeRoleWithWebIdentity',
    checked: 'description: calling it does not require AWS security credentials; the caller is identified by the token from the identity provider',
  },
  assumeRoleWithSamlAction: {
    text: '**SAML federation.** Exchanges a SAML assertion from your identity provider for role credentials; no AWS credentials are needed to call it.',
    source: 'assumeRoleWithSaml',
    checked: 'description: calling it does not require AWS security credentials',
  },
  tagSessionAction: {
    text: 'A permission, not an API call: needed, with the assume-role action, when the caller passes session tags while assuming a role; a role connected to an identity provider that passes tags needs it in its trust policy.',
    source: 'sessionTags',
    checked: 'Permissions required to add session tags: sts:TagSession, a permissions-only action; the Important note on roles connected to an IdP',
  },
  setSourceIdentityAction: {
    text: 'A permission, not an API call: needed when a source identity is set while assuming a role, in the role\'s trust policy and, when a role assumes another role, in the permissions of the role that assumes it.',
    source: 'sourceIdentity',
    checked: 'Permissions required to set source identity: sts:SetSourceIdentity in the role trust policy and the principal\'s permissions policy',
  },

  // Federation with GitHub Actions (the provider's condition keys are in identityProviders.ts).
  githubSubForms: {
    text: 'AWS\'s examples test `sub` as `repo:<org>/<repo>:ref:refs/heads/<branch>` (one branch), `repo:<org>/<repo>:*` (any branch of one repository) or `repo:<org>/*` (any repository of the organisation, the minimum AWS recommends).',
    source: 'githubOidc',
    checked: 'Configuring a role for GitHub OIDC identity provider: the three example conditions and the recommended minimum',
  },
} as const satisfies Record<string, RoleFact>;

export type RoleFactId = keyof typeof ROLE_FACTS;
