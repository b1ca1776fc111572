/**
 * The AWS managed policy attached to each service-linked role that servicePrincipals.ts lists: the
 * permissions the role really has. Each pair is the one the service's "service-linked role" page and
 * the AWS Managed Policy Reference name; engine/test/roles/linkedRolePolicies.test.ts checks every
 * policy against the managed-policy dataset (it must exist there, on the /aws-service-role/ path).
 * A role not listed here (AWSServiceRoleForLexBots, or a name this table does not know) gets a hover
 * that says only what is known.
 */
const PAIRS: readonly (readonly [role: string, policy: string])[] = [
  ["AWSServiceRoleForAccessAnalyzer", "AccessAnalyzerServiceRolePolicy"],
  ["AWSServiceRoleForCertificateManager", "CertificateManagerServiceRolePolicy"],
  ["AWSServiceRoleForAmazonMWAA", "AmazonMWAAServiceRolePolicy"],
  ["AWSServiceRoleForAPIGateway", "APIGatewayServiceRolePolicy"],
  ["AWSServiceRoleForApplicationAutoScaling_DynamoDBTable", "AWSApplicationAutoscalingDynamoDBTablePolicy"],
  ["AWSServiceRoleForApplicationAutoScaling_ECSService", "AWSApplicationAutoscalingECSServicePolicy"],
  ["AWSServiceRoleForAppRunner", "AppRunnerServiceRolePolicy"],
  ["AWSServiceRoleForAppSync", "AWSAppSyncServiceRolePolicy"],
  ["AWSServiceRoleForAutoScaling", "AutoScalingServiceRolePolicy"],
  ["AWSServiceRoleForBackup", "AWSBackupServiceLinkedRolePolicyForBackup"],
  ["AWSServiceRoleForBatch", "BatchServiceRolePolicy"],
  ["AWSServiceRoleForAWSCloud9", "AWSCloud9ServiceRolePolicy"],
  ["AWSServiceRoleForCloudFormationStackSetsOrgAdmin", "CloudFormationStackSetsOrgAdminServiceRolePolicy"],
  ["AWSServiceRoleForCloudFormationStackSetsOrgMember", "CloudFormationStackSetsOrgMemberServiceRolePolicy"],
  ["AWSServiceRoleForCloudFrontLogger", "AWSCloudFrontLogger"],
  ["AWSServiceRoleForCloudTrail", "CloudTrailServiceRolePolicy"],
  ["AWSServiceRoleForComputeOptimizer", "ComputeOptimizerServiceRolePolicy"],
  ["AWSServiceRoleForConfig", "AWSConfigServiceRolePolicy"],
  ["AWSServiceRoleForAmazonConnect", "AmazonConnectServiceLinkedRolePolicy"],
  ["AWSServiceRoleForAWSControlTower", "AWSControlTowerAccountServiceRolePolicy"],
  ["AWSServiceRoleForDAX", "DAXServiceRolePolicy"],
  ["AWSServiceRoleForDetective", "AmazonDetectiveServiceLinkedRolePolicy"],
  ["AWSServiceRoleForDynamoDBReplication", "DynamoDBReplicationServiceRolePolicy"],
  ["AWSServiceRoleForEC2Spot", "AWSEC2SpotServiceRolePolicy"],
  ["AWSServiceRoleForEC2SpotFleet", "AWSEC2SpotFleetServiceRolePolicy"],
  ["AWSServiceRoleForIPAM", "AWSIPAMServiceRolePolicy"],
  ["AWSServiceRoleForVPCTransitGateway", "AWSVPCTransitGatewayServiceRolePolicy"],
  ["AWSServiceRoleForECRReplication", "ECRReplicationServiceRolePolicy"],
  ["AWSServiceRoleForECS", "AmazonECSServiceRolePolicy"],
  ["AWSServiceRoleForAmazonEKS", "AmazonEKSServiceRolePolicy"],
  ["AWSServiceRoleForAmazonEKSNodegroup", "AWSServiceRoleForAmazonEKSNodegroup"],
  ["AWSServiceRoleForAmazonEKSForFargate", "AmazonEKSForFargateServiceRolePolicy"],
  ["AWSServiceRoleForElastiCache", "ElastiCacheServiceRolePolicy"],
  ["AWSServiceRoleForElasticBeanstalk", "AWSElasticBeanstalkServiceRolePolicy"],
  ["AWSServiceRoleForAmazonElasticFileSystem", "AmazonElasticFileSystemServiceRolePolicy"],
  ["AWSServiceRoleForElasticLoadBalancing", "AWSElasticLoadBalancingServiceRolePolicy"],
  ["AWSServiceRoleForEMRCleanup", "AmazonEMRCleanupPolicy"],
  ["AWSServiceRoleForAmazonEMRContainers", "AmazonEMRContainersServiceRolePolicy"],
  ["AWSServiceRoleForAmazonElasticsearchService", "AmazonElasticsearchServiceRolePolicy"],
  ["AWSServiceRoleForAmazonOpenSearchService", "AmazonOpenSearchServiceRolePolicy"],
  ["AWSServiceRoleForCloudWatchEvents", "CloudWatchEventsServiceRolePolicy"],
  ["AWSServiceRoleForFMS", "FMSServiceRolePolicy"],
  ["AWSServiceRoleForAmazonFSx", "AmazonFSxServiceRolePolicy"],
  ["AWSServiceRoleForGlobalAccelerator", "AWSGlobalAcceleratorSLRPolicy"],
  ["AWSServiceRoleForAmazonGuardDuty", "AmazonGuardDutyServiceRolePolicy"],
  ["AWSServiceRoleForHealth_Organizations", "Health_OrganizationsServiceRolePolicy"],
  ["AWSServiceRoleForImageBuilder", "AWSServiceRoleForImageBuilder"],
  ["AWSServiceRoleForAmazonInspector", "AmazonInspectorServiceRolePolicy"],
  ["AWSServiceRoleForAmazonInspector2", "AmazonInspector2ServiceRolePolicy"],
  ["AWSServiceRoleForKafka", "KafkaServiceRolePolicy"],
  ["AWSServiceRoleForKeyManagementServiceMultiRegionKeys", "AWSKeyManagementServiceMultiRegionKeysServiceRolePolicy"],
  ["AWSServiceRoleForLakeFormationDataAccess", "LakeFormationDataAccessServiceRolePolicy"],
  ["AWSServiceRoleForLambdaReplicator", "AWSLambdaReplicator"],
  ["AWSServiceRoleForLexV2Bots", "AmazonLexV2BotPolicy"],
  ["AWSServiceRoleForAWSLicenseManagerRole", "AWSLicenseManagerServiceRolePolicy"],
  ["AWSServiceRoleForAmazonMacie", "AmazonMacieServiceRolePolicy"],
  ["AWSServiceRoleForMemoryDB", "MemoryDBServiceRolePolicy"],
  ["AWSServiceRoleForAmazonMQ", "AmazonMQServiceRolePolicy"],
  ["AWSServiceRoleForNetworkManager", "AWSNetworkManagerServiceRolePolicy"],
  ["AWSServiceRoleForOrganizations", "AWSOrganizationsServiceTrustPolicy"],
  ["AWSServiceRoleForRDS", "AmazonRDSServiceRolePolicy"],
  ["AWSServiceRoleForRedshift", "AmazonRedshiftServiceLinkedRolePolicy"],
  ["AWSServiceRoleForResourceExplorer", "AWSResourceExplorerServiceRolePolicy"],
  ["AWSServiceRoleForAmazonSageMakerNotebooks", "AmazonSageMakerNotebooksServiceRolePolicy"],
  ["AWSServiceRoleForSecurityHub", "AWSSecurityHubServiceRolePolicy"],
  ["AWSServiceRoleForServiceQuotas", "ServiceQuotasServiceRolePolicy"],
  ["AWSServiceRoleForAmazonSSM", "AmazonSSMServiceRolePolicy"],
  ["AWSServiceRoleForSSO", "AWSSSOServiceRolePolicy"],
  ["AWSServiceRoleForSupport", "AWSSupportServiceRolePolicy"],
  ["AWSServiceRoleForTrustedAdvisor", "AWSTrustedAdvisorServiceRolePolicy"],
  ["AWSServiceRoleForWAFV2Logging", "WAFV2LoggingServiceRolePolicy"],
];

const BY_ROLE = new Map(PAIRS.map(([role, policy]) => [role.toLowerCase(), policy]));

/** Every role name the table knows, with its policy. */
export const LINKED_ROLE_POLICIES: ReadonlyMap<string, string> = new Map(PAIRS);

/**
 * The managed policy of a service-linked role, by role name; a custom suffix after an underscore
 * (`AWSServiceRoleForLexV2Bots_ABC`) falls back to the base name.
 */
export function linkedRolePolicyName(roleName: string): string | undefined {
  const lower = roleName.toLowerCase();
  const exact = BY_ROLE.get(lower);
  if (exact) return exact;
  const underscore = lower.lastIndexOf('_');
  return underscore > 0 ? BY_ROLE.get(lower.slice(0, underscore)) : undefined;
}
