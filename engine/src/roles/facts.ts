import type { RoleDocPage } from './docLinks';

/**
 * What the role hovers teach, one fact at a time, each with the AWS documentation page it comes from.
 * The text is ours (Markdown, no user input); explanations pick facts by id and cite their pages.
 * Where an AWS tutorial and the reference pages disagree, the reference page is the source (see
 * docs/role-knowledge.md).
 */
export interface RoleFact {
  readonly text: string;
  readonly source: RoleDocPage;
}

export const ROLE_FACTS = {
  // Service principals and service roles.
  servicePrincipalMeaning: {
    text: 'A service principal identifies an AWS service. A role whose trust policy names one is a service role: that service assumes it to act for you.',
    source: 'servicePrincipals',
  },
  serviceRoleOwned: {
    text: 'It is an ordinary IAM role that you own: you can create, change and delete both its trust policy and its permissions.',
    source: 'terms',
  },
  serviceRolePassRole: {
    text: 'The service gets the role when someone hands it over, for example in a create or update call. That person needs `iam:PassRole` on the role; scope it with the `iam:PassedToService` condition key.',
    source: 'passRole',
  },
  serviceRoleRunsYourCode: {
    text: 'The service runs your own code with the role\'s temporary credentials, so grant only what that code needs.',
    source: 'serviceRole',
  },
  serviceRoleNotLinked: {
    text: 'The service also has service-linked roles, which it defines and you cannot edit; a role you create that trusts the service principal is not one of them.',
    source: 'serviceLinkedRole',
  },
  serviceRoleConfusedDeputy: {
    text: 'When the service acts for another resource, `aws:SourceArn` / `aws:SourceAccount` conditions protect against the confused deputy problem.',
    source: 'confusedDeputy',
  },

  // EC2 instance roles and instance profiles.
  ec2NoStoredKeys: {
    text: 'Applications on an EC2 instance use this role instead of stored access keys.',
    source: 'ec2Role',
  },
  ec2InstanceProfile: {
    text: 'EC2 delivers the role through an **instance profile**, a container that holds exactly one role.',
    source: 'instanceProfile',
  },
  ec2OneProfilePerInstance: {
    text: 'An instance has one instance profile at a time; you can attach, replace or detach it while the instance runs.',
    source: 'ec2IamRoles',
  },
  ec2Fleet: {
    text: 'One role can serve a whole fleet: when several instances use the same role, a change to that one role reaches all of them at once, so widening it for one application widens every instance that carries it.',
    source: 'ec2Role',
  },
  ec2AutoScaling: {
    text: 'An Auto Scaling group names one instance profile in its launch template, so every instance it launches gets the same role.',
    source: 'autoScalingRole',
  },
  ec2Credentials: {
    text: 'Code on the instance (the AWS SDKs and CLI do it for you) reads temporary credentials from the instance metadata service; they are rotated automatically before they expire, so no long-term keys live on the instance.',
    source: 'ec2Role',
  },
  ec2PassRole: {
    text: 'Launching an instance with the role, or attaching it, requires `iam:PassRole` on the role (limit it with `iam:PassedToService` = `ec2.amazonaws.com`).',
    source: 'passRole',
  },
  ec2SourceInstance: {
    text: 'Requests made from the instance carry `ec2:SourceInstanceARN`, the ARN of that instance, which policies of any service can test.',
    source: 'ec2Policies',
  },
  ec2Imdsv2: {
    text: 'Requiring IMDSv2 (session tokens) on the instance protects the role\'s credentials against theft through SSRF-style vulnerabilities and open proxies.',
    source: 'imds',
  },
  ec2NotChaining: {
    text: 'Using a role on an EC2 instance is not role chaining, so the one-hour limit of chained sessions does not apply to it.',
    source: 'terms',
  },
  instanceProfileContainer: {
    text: 'A container that passes exactly one IAM role to EC2 instances; the instance\'s applications then get that role\'s temporary credentials from the instance metadata service.',
    source: 'instanceProfile',
  },
  instanceProfileConsole: {
    text: 'The console creates a profile with the same name as an EC2 role; the CLI, API and CloudFormation create it separately (`AWS::IAM::InstanceProfile`).',
    source: 'instanceProfile',
  },
  instanceProfileReplace: {
    text: 'To change the permissions of one instance, replace its instance profile: removing the role from a profile takes up to an hour to take effect.',
    source: 'instanceProfile',
  },
  instanceProfilePassRole: {
    text: 'Associating it with an instance requires `iam:PassRole` on the role inside.',
    source: 'ec2IamRoles',
  },

  // Service-linked roles.
  linkedPredefined: {
    text: 'The service predefines its trust policy and its permissions: you can read them and change the description, but you cannot edit its permissions or rename it.',
    source: 'serviceLinkedRole',
  },
  linkedNoBoundary: {
    text: 'A service-linked role cannot have a permissions boundary.',
    source: 'terms',
  },
  linkedPath: {
    text: 'Its path is `/aws-service-role/<service principal>/` and its name usually starts with `AWSServiceRoleFor`.',
    source: 'serviceLinkedRole',
  },
  linkedCreation: {
    text: 'The service usually creates it the first time you use the feature that needs it; you can also create it with `iam:CreateServiceLinkedRole` (restrict with the `iam:AWSServiceName` condition key).',
    source: 'serviceLinkedRole',
  },
  linkedDeletion: {
    text: 'It can be deleted only after the service resources that depend on it are gone; some services delete it themselves.',
    source: 'serviceLinkedRole',
  },
  linkedScp: {
    text: 'Service control policies do not restrict service-linked roles.',
    source: 'scps',
  },
  linkedPolicyAttached: {
    text: 'A service-linked role policy can be attached only to the service-linked role of its service: attaching it to one of your own roles fails with `PolicyNotAttachable`.',
    source: 'attachRolePolicy',
  },
  linkedIsServiceRole: {
    text: 'A service-linked role is a kind of service role that is linked to one AWS service: the service owns it and assumes it to act for you, and you can view its permissions but not edit them.',
    source: 'terms',
  },

  // Trust in AWS principals: accounts, roles, users.
  accountWholeAccount: {
    text: 'Naming an account (its 12-digit ID or `arn:aws:iam::<account>:root`) trusts the whole account, not its root user: the account\'s administrators decide which of their users and roles may assume the role.',
    source: 'principal',
  },
  accountIdentityPolicyToo: {
    text: 'The trust policy is one half: a user or role of the trusted account also needs an identity policy that allows `sts:AssumeRole` on this role.',
    source: 'terms',
  },
  accountNarrowToRole: {
    text: 'Name a specific role ARN instead of the account to narrow the trust.',
    source: 'principal',
  },
  crossAccountBothSides: {
    text: 'Across accounts both sides must allow: the trusted principal\'s own identity policies must allow `sts:AssumeRole` on this role as well.',
    source: 'crossAccountEvaluation',
  },
  crossAccountExternalId: {
    text: 'When a third party assumes the role for you, require `sts:ExternalId` in a condition: the external ID you agreed with that party stops another of its customers from tricking it into using your role (the confused deputy problem).',
    source: 'externalId',
  },
  crossAccountOrgId: {
    text: 'Consider `aws:PrincipalOrgID` to keep the trust inside your organisation.',
    source: 'globalConditionKeys',
  },
  crossAccountMfa: {
    text: 'For people, an MFA condition (`aws:MultiFactorAuthPresent`) adds a layer of protection.',
    source: 'crossAccount',
  },
  crossAccountResourcePolicy: {
    text: 'A role is not the only way across accounts: where the resource has a resource-based policy (S3 bucket, SQS queue, SNS topic, KMS key), that policy can grant the other account directly, and its principals keep their own permissions instead of giving them up for the role\'s.',
    source: 'rolesVsResourcePolicies',
  },
  crossAccountRoleWhereNoResourcePolicy: {
    text: 'A role is needed where the service has no resource-based policy: the other account assumes it and works in this account with the role\'s permissions.',
    source: 'terms',
  },
  namedPrincipalUniqueId: {
    text: 'IAM saves a named role or user as its unique ID: if it is deleted and re-created under the same name, this trust no longer applies until the policy is saved again.',
    source: 'principal',
  },
  userPrincipal: {
    text: 'Only this IAM user, signed in with its own long-term credentials, may assume the role.',
    source: 'principal',
  },

  // Role chaining: a role session assuming another role.
  chainingOneHour: {
    text: 'A role session that assumes another role is **role chaining**: the new session lasts at most one hour, and asking for a longer `DurationSeconds` fails.',
    source: 'terms',
  },
  chainingSourceIdentity: {
    text: 'A source identity (`sts:SourceIdentity`), once set, cannot be changed and is passed on to every role assumed along the chain; setting it requires `sts:SetSourceIdentity` in the trust policy.',
    source: 'sourceIdentity',
  },
  chainingSessionTags: {
    text: 'Session tags marked transitive are passed on to every later session in the chain; passing tags requires `sts:TagSession` in the trust policy.',
    source: 'sessionTags',
  },

  // Resource-based policies (bucket, queue, topic, key policies) naming principals.
  resourcePolicyDirect: {
    text: 'A resource-based policy can grant another account access directly, without a role: its principals keep working with their own permissions instead of giving them up for a role\'s.',
    source: 'rolesVsResourcePolicies',
  },
  resourcePolicyBothSides: {
    text: 'Across accounts the principal\'s own identity policies must allow the request too; naming an account delegates the choice of principals to its administrators.',
    source: 'crossAccountEvaluation',
  },
  resourcePolicyRoleOtherwise: {
    text: 'Services without resource-based policies need a role instead, which the other account assumes.',
    source: 'terms',
  },

  resourcePolicyServicePrincipal: {
    text: 'A service principal in a resource-based policy lets that service act on the resource itself; add `aws:SourceArn` or `aws:SourceAccount` conditions so that it does so only for your own resources (the confused deputy problem).',
    source: 'confusedDeputy',
  },
  resourcePolicyEveryone: {
    text: '`*` as the principal of a resource-based policy with Allow grants everyone, including anonymous requests: public access. AWS advises against it unless public access is the intent.',
    source: 'principal',
  },
  resourcePolicyOrgId: {
    text: 'The global condition key `aws:PrincipalOrgID` narrows such a grant to principals of the accounts of your organisation.',
    source: 'globalConditionKeys',
  },

  // Managed policy ARNs.
  awsManagedByAws: {
    text: 'AWS creates and administers it: you cannot change its permissions, and when AWS updates them the change reaches every user, group and role it is attached to.',
    source: 'managedPolicyAbout',
  },
  awsManagedBroad: {
    text: 'It is written for every AWS customer, so it may grant more than your use case needs; a customer managed policy of your own can narrow it.',
    source: 'managedPolicyAbout',
  },
  awsManagedReferencePage: {
    text: 'Its page in the AWS Managed Policy Reference gives its type (AWS managed, job function, service role or service-linked role policy) and whether you can attach it to your users, groups and roles.',
    source: 'managedPolicyAbout',
  },
  awsManagedJobFunction: {
    text: 'A job function policy: an AWS managed policy that gathers the permissions of one common job (administrator, billing, database administrator, ...) across services; you can attach it to any IAM identity.',
    source: 'jobFunctions',
  },
  customerManaged: {
    text: 'A customer managed policy: a standalone policy that you create and administer in your own account, and can attach to several users, groups and roles of it.',
    source: 'managedPolicies',
  },

  // Federation.
  webIdentityExchange: {
    text: 'Users or workloads that sign in with the identity provider exchange its token for temporary credentials of this role through `sts:AssumeRoleWithWebIdentity`; no AWS keys are stored anywhere.',
    source: 'webIdentity',
  },
  samlExchange: {
    text: 'Users who sign in to your identity provider get temporary credentials for this role through `sts:AssumeRoleWithSAML`, or sign in to the console with it; users are managed in the IdP, not in IAM.',
    source: 'saml',
  },
  samlAssertion: {
    text: 'The IdP sends the role and provider ARNs in its SAML assertion; the trust policy decides whether the assertion may use this role.',
    source: 'samlRole',
  },
  samlAudience: {
    text: 'Check `SAML:aud` (the AWS sign-in endpoint, e.g. `https://signin.aws.amazon.com/saml`) and, where useful, attributes such as `SAML:sub` or `SAML:edupersonaffiliation`.',
    source: 'samlRole',
  },
  publicTrust: {
    text: '`"*"` as the principal of a role trust policy would let any AWS principal assume the role; IAM does not accept a wildcard principal in a trust policy. Name the accounts, roles, services or identity providers that should assume it.',
    source: 'terms',
  },

  // Role ARNs and managed policies seen outside trust policies.
  roleKindFromTrust: {
    text: 'What kind of role this is depends on its trust policy: service principals make it a service role, accounts and roles a role for access across or within accounts, identity providers a federation role.',
    source: 'terms',
  },
  roleServiceRolePath: {
    text: 'The `/service-role/` path is where the console puts roles it creates for AWS services: this is most likely a service role, which you own and can edit.',
    source: 'identifiers',
  },

  // Actions that create, pass or assume roles.
  passRoleAction: {
    text: '**Passing a role.** Lets the caller hand a role to an AWS service (launching an EC2 instance with an instance profile, creating a Lambda function, ...), so the service can act with that role\'s permissions. It is not an API call of its own but a permission checked by the receiving service. Limit `Resource` to the roles meant to be passed and add `iam:PassedToService`; `iam:PassRole` on `*` lets the caller give any service any role, including an administrator role.',
    source: 'passRole',
  },
  createLinkedRoleAction: {
    text: '**Creating a service-linked role.** Services call this the first time you use a feature that needs their service-linked role. Limit it with `iam:AWSServiceName` to the services you use and, where possible, to the role ARN `arn:aws:iam::*:role/aws-service-role/<principal>/<name>`.',
    source: 'serviceLinkedRole',
  },
  assumeRoleAction: {
    text: '**Assuming a role.** Returns temporary credentials for the role. Both sides must agree: the role\'s trust policy must name the caller, and the caller needs `sts:AssumeRole` on the role in an identity policy (unless the role is in the same account and its trust policy names the caller).',
    source: 'assumeRole',
  },
  assumeRoleWithWebIdentityAction: {
    text: '**Web identity federation.** Exchanges an OIDC token (GitHub Actions, EKS service accounts, Cognito, Google, ...) for role credentials. No AWS credentials are needed to call it, so the trust policy\'s conditions on `aud` and `sub` are the only gate.',
    source: 'webIdentity',
  },
  assumeRoleWithSamlAction: {
    text: '**SAML federation.** Exchanges a SAML assertion from your identity provider for role credentials; no AWS credentials are needed to call it.',
    source: 'saml',
  },
  sessionAttributeActions: {
    text: 'Needed in a trust policy when the caller passes session tags (`sts:TagSession`) or a source identity (`sts:SetSourceIdentity`) while assuming the role.',
    source: 'sessionTags',
  },
} as const satisfies Record<string, RoleFact>;

export type RoleFactId = keyof typeof ROLE_FACTS;
