/**
 * Curated knowledge about AWS service principals: which service each one is, whether the service runs
 * your own code with the role's credentials, and the service-linked roles it owns. Kept as data so that
 * it can be checked by tests and extended without touching logic. Sources: the IAM User Guide pages "AWS
 * services that work with IAM" and "Using service-linked roles", plus each service's own IAM chapter.
 * Only service-linked role names that AWS documents are listed. What a role trusted by the principal is
 * for comes from serviceRoleUses.ts, each phrase with the service's own page.
 */
import { SERVICE_ROLE_USES, type ServiceRoleUse } from './serviceRoleUses';

export interface ServicePrincipalInfo {
  /** The principal as written in a trust policy, e.g. "lambda.amazonaws.com". */
  readonly principal: string;
  /** Human name of the service. */
  readonly service: string;
  /** What a role that trusts this principal is used for, with the page that says so; absent when unsourced. */
  readonly use?: ServiceRoleUse;
  /** True when the service runs code you supply (functions, containers, instances, jobs) with the role. */
  readonly runsYourCode: boolean;
  /** Documented service-linked role names whose path is /aws-service-role/<principal>/. */
  readonly serviceLinkedRoles: readonly string[];
}

type Row = readonly [principal: string, service: string, flags?: 'code' | '', serviceLinkedRoles?: readonly string[]];

const ROWS: readonly Row[] = [
  ['access-analyzer.amazonaws.com', 'IAM Access Analyzer', '', ['AWSServiceRoleForAccessAnalyzer']],
  ['acm.amazonaws.com', 'AWS Certificate Manager', '', ['AWSServiceRoleForCertificateManager']],
  ['airflow.amazonaws.com', 'Amazon Managed Workflows for Apache Airflow', '', ['AWSServiceRoleForAmazonMWAA']],
  ['airflow-env.amazonaws.com', 'Amazon Managed Workflows for Apache Airflow', 'code'],
  ['amplify.amazonaws.com', 'AWS Amplify', 'code'],
  ['apigateway.amazonaws.com', 'Amazon API Gateway'],
  ['ops.apigateway.amazonaws.com', 'Amazon API Gateway', '', ['AWSServiceRoleForAPIGateway']],
  ['appconfig.amazonaws.com', 'AWS AppConfig'],
  ['appflow.amazonaws.com', 'Amazon AppFlow'],
  ['application-autoscaling.amazonaws.com', 'Application Auto Scaling'],
  ['dynamodb.application-autoscaling.amazonaws.com', 'Application Auto Scaling (DynamoDB)', '', ['AWSServiceRoleForApplicationAutoScaling_DynamoDBTable']],
  ['ecs.application-autoscaling.amazonaws.com', 'Application Auto Scaling (ECS)', '', ['AWSServiceRoleForApplicationAutoScaling_ECSService']],
  ['apprunner.amazonaws.com', 'AWS App Runner', '', ['AWSServiceRoleForAppRunner']],
  ['build.apprunner.amazonaws.com', 'AWS App Runner'],
  ['tasks.apprunner.amazonaws.com', 'AWS App Runner', 'code'],
  ['appstream.amazonaws.com', 'Amazon AppStream 2.0', 'code'],
  ['appsync.amazonaws.com', 'AWS AppSync', '', ['AWSServiceRoleForAppSync']],
  ['aps.amazonaws.com', 'Amazon Managed Service for Prometheus'],
  ['athena.amazonaws.com', 'Amazon Athena'],
  ['autoscaling.amazonaws.com', 'Amazon EC2 Auto Scaling', '', ['AWSServiceRoleForAutoScaling']],
  ['backup.amazonaws.com', 'AWS Backup', '', ['AWSServiceRoleForBackup']],
  ['batch.amazonaws.com', 'AWS Batch', '', ['AWSServiceRoleForBatch']],
  ['bedrock.amazonaws.com', 'Amazon Bedrock'],
  ['budgets.amazonaws.com', 'AWS Budgets'],
  ['chatbot.amazonaws.com', 'AWS Chatbot'],
  ['cleanrooms.amazonaws.com', 'AWS Clean Rooms'],
  ['cloud9.amazonaws.com', 'AWS Cloud9', '', ['AWSServiceRoleForAWSCloud9']],
  ['cloudformation.amazonaws.com', 'AWS CloudFormation'],
  ['stacksets.cloudformation.amazonaws.com', 'AWS CloudFormation StackSets', '', ['AWSServiceRoleForCloudFormationStackSetsOrgAdmin']],
  ['member.org.stacksets.cloudformation.amazonaws.com', 'AWS CloudFormation StackSets', '', ['AWSServiceRoleForCloudFormationStackSetsOrgMember']],
  ['cloudfront.amazonaws.com', 'Amazon CloudFront'],
  ['logger.cloudfront.amazonaws.com', 'Amazon CloudFront', '', ['AWSServiceRoleForCloudFrontLogger']],
  ['cloudtrail.amazonaws.com', 'AWS CloudTrail', '', ['AWSServiceRoleForCloudTrail']],
  ['codebuild.amazonaws.com', 'AWS CodeBuild', 'code'],
  ['codedeploy.amazonaws.com', 'AWS CodeDeploy'],
  ['codepipeline.amazonaws.com', 'AWS CodePipeline'],
  ['cognito-idp.amazonaws.com', 'Amazon Cognito user pools'],
  ['comprehend.amazonaws.com', 'Amazon Comprehend'],
  ['compute-optimizer.amazonaws.com', 'AWS Compute Optimizer', '', ['AWSServiceRoleForComputeOptimizer']],
  ['config.amazonaws.com', 'AWS Config', '', ['AWSServiceRoleForConfig']],
  ['connect.amazonaws.com', 'Amazon Connect', '', ['AWSServiceRoleForAmazonConnect']],
  ['controltower.amazonaws.com', 'AWS Control Tower', '', ['AWSServiceRoleForAWSControlTower']],
  ['databrew.amazonaws.com', 'AWS Glue DataBrew', 'code'],
  ['datasync.amazonaws.com', 'AWS DataSync'],
  ['dax.amazonaws.com', 'Amazon DynamoDB Accelerator (DAX)', '', ['AWSServiceRoleForDAX']],
  ['delivery.logs.amazonaws.com', 'Amazon CloudWatch Logs (log delivery)'],
  ['detective.amazonaws.com', 'Amazon Detective', '', ['AWSServiceRoleForDetective']],
  ['dlm.amazonaws.com', 'Amazon Data Lifecycle Manager'],
  ['dms.amazonaws.com', 'AWS Database Migration Service'],
  ['ds.amazonaws.com', 'AWS Directory Service'],
  ['dynamodb.amazonaws.com', 'Amazon DynamoDB'],
  ['replication.dynamodb.amazonaws.com', 'Amazon DynamoDB', '', ['AWSServiceRoleForDynamoDBReplication']],
  ['ec2.amazonaws.com', 'Amazon EC2', 'code'],
  ['spot.amazonaws.com', 'Amazon EC2 Spot Instances', '', ['AWSServiceRoleForEC2Spot']],
  ['spotfleet.amazonaws.com', 'Amazon EC2 Spot Fleet', '', ['AWSServiceRoleForEC2SpotFleet']],
  ['ipam.amazonaws.com', 'Amazon VPC IP Address Manager', '', ['AWSServiceRoleForIPAM']],
  ['transitgateway.amazonaws.com', 'AWS Transit Gateway', '', ['AWSServiceRoleForVPCTransitGateway']],
  ['vpc-flow-logs.amazonaws.com', 'Amazon VPC Flow Logs'],
  ['replication.ecr.amazonaws.com', 'Amazon ECR', '', ['AWSServiceRoleForECRReplication']],
  ['ecs.amazonaws.com', 'Amazon ECS', '', ['AWSServiceRoleForECS']],
  ['ecs-tasks.amazonaws.com', 'Amazon ECS tasks', 'code'],
  ['eks.amazonaws.com', 'Amazon EKS', '', ['AWSServiceRoleForAmazonEKS']],
  ['eks-nodegroup.amazonaws.com', 'Amazon EKS', '', ['AWSServiceRoleForAmazonEKSNodegroup']],
  ['eks-fargate.amazonaws.com', 'Amazon EKS', '', ['AWSServiceRoleForAmazonEKSForFargate']],
  ['eks-fargate-pods.amazonaws.com', 'Amazon EKS on Fargate', 'code'],
  ['pods.eks.amazonaws.com', 'Amazon EKS Pod Identity', 'code'],
  ['elasticache.amazonaws.com', 'Amazon ElastiCache', '', ['AWSServiceRoleForElastiCache']],
  ['elasticbeanstalk.amazonaws.com', 'AWS Elastic Beanstalk', '', ['AWSServiceRoleForElasticBeanstalk']],
  ['elasticfilesystem.amazonaws.com', 'Amazon EFS', '', ['AWSServiceRoleForAmazonElasticFileSystem']],
  ['elasticloadbalancing.amazonaws.com', 'Elastic Load Balancing', '', ['AWSServiceRoleForElasticLoadBalancing']],
  ['elasticmapreduce.amazonaws.com', 'Amazon EMR', '', ['AWSServiceRoleForEMRCleanup']],
  ['emr-containers.amazonaws.com', 'Amazon EMR on EKS', '', ['AWSServiceRoleForAmazonEMRContainers']],
  ['emr-serverless.amazonaws.com', 'Amazon EMR Serverless', 'code'],
  ['es.amazonaws.com', 'Amazon OpenSearch Service (legacy principal)', '', ['AWSServiceRoleForAmazonElasticsearchService']],
  ['opensearchservice.amazonaws.com', 'Amazon OpenSearch Service', '', ['AWSServiceRoleForAmazonOpenSearchService']],
  ['osis-pipelines.amazonaws.com', 'Amazon OpenSearch Ingestion'],
  ['events.amazonaws.com', 'Amazon EventBridge', '', ['AWSServiceRoleForCloudWatchEvents']],
  ['scheduler.amazonaws.com', 'Amazon EventBridge Scheduler'],
  ['pipes.amazonaws.com', 'Amazon EventBridge Pipes'],
  ['firehose.amazonaws.com', 'Amazon Data Firehose'],
  ['fis.amazonaws.com', 'AWS Fault Injection Service'],
  ['fms.amazonaws.com', 'AWS Firewall Manager', '', ['AWSServiceRoleForFMS']],
  ['forecast.amazonaws.com', 'Amazon Forecast'],
  ['fsx.amazonaws.com', 'Amazon FSx', '', ['AWSServiceRoleForAmazonFSx']],
  ['gamelift.amazonaws.com', 'Amazon GameLift', 'code'],
  ['globalaccelerator.amazonaws.com', 'AWS Global Accelerator', '', ['AWSServiceRoleForGlobalAccelerator']],
  ['glue.amazonaws.com', 'AWS Glue', 'code'],
  ['grafana.amazonaws.com', 'Amazon Managed Grafana'],
  ['greengrass.amazonaws.com', 'AWS IoT Greengrass'],
  ['guardduty.amazonaws.com', 'Amazon GuardDuty', '', ['AWSServiceRoleForAmazonGuardDuty']],
  ['health.amazonaws.com', 'AWS Health', '', ['AWSServiceRoleForHealth_Organizations']],
  ['imagebuilder.amazonaws.com', 'EC2 Image Builder', '', ['AWSServiceRoleForImageBuilder']],
  ['inspector.amazonaws.com', 'Amazon Inspector Classic', '', ['AWSServiceRoleForAmazonInspector']],
  ['inspector2.amazonaws.com', 'Amazon Inspector', '', ['AWSServiceRoleForAmazonInspector2']],
  ['iot.amazonaws.com', 'AWS IoT Core'],
  ['credentials.iot.amazonaws.com', 'AWS IoT Core credential provider', 'code'],
  ['kafka.amazonaws.com', 'Amazon MSK', '', ['AWSServiceRoleForKafka']],
  ['kafkaconnect.amazonaws.com', 'Amazon MSK Connect', 'code'],
  ['kendra.amazonaws.com', 'Amazon Kendra'],
  ['kinesisanalytics.amazonaws.com', 'Amazon Managed Service for Apache Flink', 'code'],
  ['mrk.kms.amazonaws.com', 'AWS KMS', '', ['AWSServiceRoleForKeyManagementServiceMultiRegionKeys']],
  ['lakeformation.amazonaws.com', 'AWS Lake Formation', '', ['AWSServiceRoleForLakeFormationDataAccess']],
  ['lambda.amazonaws.com', 'AWS Lambda', 'code'],
  ['edgelambda.amazonaws.com', 'Lambda@Edge', 'code'],
  ['replicator.lambda.amazonaws.com', 'Lambda@Edge', '', ['AWSServiceRoleForLambdaReplicator']],
  ['lex.amazonaws.com', 'Amazon Lex (V1)', '', ['AWSServiceRoleForLexBots']],
  ['lexv2.amazonaws.com', 'Amazon Lex V2', '', ['AWSServiceRoleForLexV2Bots']],
  ['license-manager.amazonaws.com', 'AWS License Manager', '', ['AWSServiceRoleForAWSLicenseManagerRole']],
  ['logs.amazonaws.com', 'Amazon CloudWatch Logs'],
  ['macie.amazonaws.com', 'Amazon Macie', '', ['AWSServiceRoleForAmazonMacie']],
  ['mediaconvert.amazonaws.com', 'AWS Elemental MediaConvert'],
  ['medialive.amazonaws.com', 'AWS Elemental MediaLive'],
  ['memorydb.amazonaws.com', 'Amazon MemoryDB', '', ['AWSServiceRoleForMemoryDB']],
  ['mq.amazonaws.com', 'Amazon MQ', '', ['AWSServiceRoleForAmazonMQ']],
  ['networkmanager.amazonaws.com', 'AWS Network Manager', '', ['AWSServiceRoleForNetworkManager']],
  ['organizations.amazonaws.com', 'AWS Organizations', '', ['AWSServiceRoleForOrganizations']],
  ['personalize.amazonaws.com', 'Amazon Personalize'],
  ['quicksight.amazonaws.com', 'Amazon QuickSight'],
  ['rds.amazonaws.com', 'Amazon RDS', '', ['AWSServiceRoleForRDS']],
  ['monitoring.rds.amazonaws.com', 'Amazon RDS Enhanced Monitoring'],
  ['redshift.amazonaws.com', 'Amazon Redshift', '', ['AWSServiceRoleForRedshift']],
  ['rekognition.amazonaws.com', 'Amazon Rekognition'],
  ['resource-explorer-2.amazonaws.com', 'AWS Resource Explorer', '', ['AWSServiceRoleForResourceExplorer']],
  ['s3.amazonaws.com', 'Amazon S3'],
  ['batchoperations.s3.amazonaws.com', 'Amazon S3 Batch Operations'],
  ['sagemaker.amazonaws.com', 'Amazon SageMaker', 'code', ['AWSServiceRoleForAmazonSageMakerNotebooks']],
  ['secretsmanager.amazonaws.com', 'AWS Secrets Manager'],
  ['securityhub.amazonaws.com', 'AWS Security Hub', '', ['AWSServiceRoleForSecurityHub']],
  ['servicecatalog.amazonaws.com', 'AWS Service Catalog'],
  ['servicequotas.amazonaws.com', 'Service Quotas', '', ['AWSServiceRoleForServiceQuotas']],
  ['ses.amazonaws.com', 'Amazon SES'],
  ['sns.amazonaws.com', 'Amazon SNS'],
  ['ssm.amazonaws.com', 'AWS Systems Manager', '', ['AWSServiceRoleForAmazonSSM']],
  ['sso.amazonaws.com', 'AWS IAM Identity Center', '', ['AWSServiceRoleForSSO']],
  ['states.amazonaws.com', 'AWS Step Functions'],
  ['storagegateway.amazonaws.com', 'AWS Storage Gateway'],
  ['support.amazonaws.com', 'AWS Support', '', ['AWSServiceRoleForSupport']],
  ['textract.amazonaws.com', 'Amazon Textract'],
  ['transcribe.amazonaws.com', 'Amazon Transcribe'],
  ['transfer.amazonaws.com', 'AWS Transfer Family'],
  ['translate.amazonaws.com', 'Amazon Translate'],
  ['trustedadvisor.amazonaws.com', 'AWS Trusted Advisor', '', ['AWSServiceRoleForTrustedAdvisor']],
  ['wafv2.amazonaws.com', 'AWS WAF', '', ['AWSServiceRoleForWAFV2Logging']],
  ['workspaces.amazonaws.com', 'Amazon WorkSpaces'],
  ['xray.amazonaws.com', 'AWS X-Ray'],
];

export const SERVICE_PRINCIPALS: readonly ServicePrincipalInfo[] = ROWS.map(
  ([principal, service, flags, serviceLinkedRoles]) => ({
    principal,
    service,
    use: SERVICE_ROLE_USES[principal],
    runsYourCode: flags === 'code',
    serviceLinkedRoles: serviceLinkedRoles ?? [],
  }),
);

const BY_PRINCIPAL = new Map(SERVICE_PRINCIPALS.map((info) => [info.principal, info]));
const BY_LINKED_ROLE = new Map<string, ServicePrincipalInfo>();
for (const info of SERVICE_PRINCIPALS) {
  for (const name of info.serviceLinkedRoles) BY_LINKED_ROLE.set(name.toLowerCase(), info);
}

/**
 * The curated entry for a service principal. Case-insensitive; the China-Region suffix
 * (".amazonaws.com.cn") and the legacy Region-scoped form ("logs.us-east-1.amazonaws.com") resolve too.
 */
export function servicePrincipal(principal: string): ServicePrincipalInfo | undefined {
  const lower = principal.trim().toLowerCase().replace(/\.amazonaws\.com\.cn$/, '.amazonaws.com');
  const exact = BY_PRINCIPAL.get(lower);
  if (exact) return exact;
  const regional = /^([a-z0-9-]+)\.[a-z]{2}(?:-gov)?-[a-z]+-\d\.amazonaws\.com$/.exec(lower);
  return regional ? BY_PRINCIPAL.get(`${regional[1]}.amazonaws.com`) : undefined;
}

/** The service that owns a service-linked role name, ignoring a custom suffix after an underscore. */
export function serviceOfLinkedRoleName(roleName: string): ServicePrincipalInfo | undefined {
  const lower = roleName.toLowerCase();
  const exact = BY_LINKED_ROLE.get(lower);
  if (exact) return exact;
  const underscore = lower.indexOf('_');
  return underscore > 0 ? BY_LINKED_ROLE.get(lower.slice(0, underscore)) : undefined;
}

/** True for strings shaped like a service principal ("name.amazonaws.com"), known or not. */
export function looksLikeServicePrincipal(value: string): boolean {
  return /^[a-z0-9][a-z0-9.-]*\.amazonaws\.com(\.cn)?$/i.test(value.trim());
}
