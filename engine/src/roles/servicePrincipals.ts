/**
 * Curated knowledge about AWS service principals: which service each one is, what a role trusted by it
 * is for, whether the service runs your own code with the role's credentials, and the service-linked
 * roles it owns. Kept as data so that it can be checked by tests and extended without touching logic.
 * Sources: the AWS IAM User Guide pages "AWS services that work with IAM" and "Using service-linked
 * roles", plus each service's own IAM chapter. Only service-linked role names that AWS documents are listed.
 */
export interface ServicePrincipalInfo {
  /** The principal as written in a trust policy, e.g. "lambda.amazonaws.com". */
  readonly principal: string;
  /** Human name of the service. */
  readonly service: string;
  /** What a role that trusts this principal is used for, one short phrase. */
  readonly purpose: string;
  /** True when the service runs code you supply (functions, containers, instances, jobs) with the role. */
  readonly runsYourCode: boolean;
  /** Documented service-linked role names whose path is /aws-service-role/<principal>/. */
  readonly serviceLinkedRoles: readonly string[];
}

type Row = readonly [principal: string, service: string, purpose: string, flags?: 'code' | '', serviceLinkedRoles?: readonly string[]];

const ROWS: readonly Row[] = [
  ['access-analyzer.amazonaws.com', 'IAM Access Analyzer', 'analyse resource policies and access in your account', '', ['AWSServiceRoleForAccessAnalyzer']],
  ['acm.amazonaws.com', 'AWS Certificate Manager', 'renew and manage certificates', '', ['AWSServiceRoleForCertificateManager']],
  ['airflow.amazonaws.com', 'Amazon Managed Workflows for Apache Airflow', 'manage the network resources of Airflow environments', '', ['AWSServiceRoleForAmazonMWAA']],
  ['airflow-env.amazonaws.com', 'Amazon Managed Workflows for Apache Airflow', 'the execution role that your Airflow DAGs run with', 'code'],
  ['amplify.amazonaws.com', 'AWS Amplify', 'build and deploy your app from its build settings', 'code'],
  ['apigateway.amazonaws.com', 'Amazon API Gateway', 'write logs to CloudWatch and call integrations on your behalf'],
  ['ops.apigateway.amazonaws.com', 'Amazon API Gateway', 'manage load balancers and other resources for APIs', '', ['AWSServiceRoleForAPIGateway']],
  ['appconfig.amazonaws.com', 'AWS AppConfig', 'read configuration sources and watch CloudWatch alarms'],
  ['appflow.amazonaws.com', 'Amazon AppFlow', 'read from and write to flow sources and destinations'],
  ['application-autoscaling.amazonaws.com', 'Application Auto Scaling', 'scale resources of other services'],
  ['dynamodb.application-autoscaling.amazonaws.com', 'Application Auto Scaling (DynamoDB)', 'scale DynamoDB table and index capacity', '', ['AWSServiceRoleForApplicationAutoScaling_DynamoDBTable']],
  ['ecs.application-autoscaling.amazonaws.com', 'Application Auto Scaling (ECS)', 'scale the desired count of ECS services', '', ['AWSServiceRoleForApplicationAutoScaling_ECSService']],
  ['apprunner.amazonaws.com', 'AWS App Runner', 'manage the network resources of App Runner services', '', ['AWSServiceRoleForAppRunner']],
  ['build.apprunner.amazonaws.com', 'AWS App Runner', 'pull your images from Amazon ECR (access role)'],
  ['tasks.apprunner.amazonaws.com', 'AWS App Runner', 'the instance role that your App Runner service code runs with', 'code'],
  ['appstream.amazonaws.com', 'Amazon AppStream 2.0', 'give streaming instances credentials for your applications', 'code'],
  ['appsync.amazonaws.com', 'AWS AppSync', 'reach GraphQL data sources (DynamoDB, Lambda, OpenSearch) on your behalf', '', ['AWSServiceRoleForAppSync']],
  ['aps.amazonaws.com', 'Amazon Managed Service for Prometheus', 'scrape metrics and write to workspaces'],
  ['athena.amazonaws.com', 'Amazon Athena', 'reach data catalogs and query result locations'],
  ['autoscaling.amazonaws.com', 'Amazon EC2 Auto Scaling', 'launch and terminate instances of Auto Scaling groups', '', ['AWSServiceRoleForAutoScaling']],
  ['backup.amazonaws.com', 'AWS Backup', 'create and restore backups of your resources', '', ['AWSServiceRoleForBackup']],
  ['batch.amazonaws.com', 'AWS Batch', 'manage compute environments for batch jobs', '', ['AWSServiceRoleForBatch']],
  ['bedrock.amazonaws.com', 'Amazon Bedrock', 'run model customisation jobs, knowledge bases and agents with your data'],
  ['budgets.amazonaws.com', 'AWS Budgets', 'apply budget actions such as attaching policies or stopping instances'],
  ['chatbot.amazonaws.com', 'AWS Chatbot', 'run commands and read notifications from chat channels'],
  ['cleanrooms.amazonaws.com', 'AWS Clean Rooms', 'read the configured tables of a collaboration'],
  ['cloud9.amazonaws.com', 'AWS Cloud9', 'manage environment instances', '', ['AWSServiceRoleForAWSCloud9']],
  ['cloudformation.amazonaws.com', 'AWS CloudFormation', 'create, update and delete stack resources (stack service role)'],
  ['stacksets.cloudformation.amazonaws.com', 'AWS CloudFormation StackSets', 'deploy service-managed stack sets from the management account', '', ['AWSServiceRoleForCloudFormationStackSetsOrgAdmin']],
  ['member.org.stacksets.cloudformation.amazonaws.com', 'AWS CloudFormation StackSets', 'deploy stack instances in member accounts', '', ['AWSServiceRoleForCloudFormationStackSetsOrgMember']],
  ['cloudfront.amazonaws.com', 'Amazon CloudFront', 'read origins such as S3 buckets through origin access control'],
  ['logger.cloudfront.amazonaws.com', 'Amazon CloudFront', 'write Lambda@Edge logs to CloudWatch Logs', '', ['AWSServiceRoleForCloudFrontLogger']],
  ['cloudtrail.amazonaws.com', 'AWS CloudTrail', 'send a trail\'s events to CloudWatch Logs', '', ['AWSServiceRoleForCloudTrail']],
  ['codebuild.amazonaws.com', 'AWS CodeBuild', 'run your build projects', 'code'],
  ['codedeploy.amazonaws.com', 'AWS CodeDeploy', 'deploy to EC2, ECS and Lambda targets'],
  ['codepipeline.amazonaws.com', 'AWS CodePipeline', 'run pipeline stages and actions'],
  ['cognito-idp.amazonaws.com', 'Amazon Cognito user pools', 'send SMS messages and emails for user pools'],
  ['comprehend.amazonaws.com', 'Amazon Comprehend', 'read input documents and write analysis results'],
  ['compute-optimizer.amazonaws.com', 'AWS Compute Optimizer', 'read utilisation metrics to produce recommendations', '', ['AWSServiceRoleForComputeOptimizer']],
  ['config.amazonaws.com', 'AWS Config', 'record resource configurations and evaluate rules', '', ['AWSServiceRoleForConfig']],
  ['connect.amazonaws.com', 'Amazon Connect', 'reach the resources of contact centre instances', '', ['AWSServiceRoleForAmazonConnect']],
  ['controltower.amazonaws.com', 'AWS Control Tower', 'govern the landing zone and its accounts', '', ['AWSServiceRoleForAWSControlTower']],
  ['databrew.amazonaws.com', 'AWS Glue DataBrew', 'read datasets and write job output', 'code'],
  ['datasync.amazonaws.com', 'AWS DataSync', 'read and write the locations of transfer tasks'],
  ['dax.amazonaws.com', 'Amazon DynamoDB Accelerator (DAX)', 'read and write DynamoDB tables for a cluster', '', ['AWSServiceRoleForDAX']],
  ['delivery.logs.amazonaws.com', 'Amazon CloudWatch Logs (log delivery)', 'deliver vended logs to S3, Firehose or CloudWatch Logs'],
  ['detective.amazonaws.com', 'Amazon Detective', 'read organisation data for behaviour graphs', '', ['AWSServiceRoleForDetective']],
  ['dlm.amazonaws.com', 'Amazon Data Lifecycle Manager', 'create and delete EBS snapshots and AMIs on a schedule'],
  ['dms.amazonaws.com', 'AWS Database Migration Service', 'manage VPC resources and reach endpoints for migrations'],
  ['ds.amazonaws.com', 'AWS Directory Service', 'manage directory resources'],
  ['dynamodb.amazonaws.com', 'Amazon DynamoDB', 'import, export and stream table data'],
  ['replication.dynamodb.amazonaws.com', 'Amazon DynamoDB', 'replicate global tables across Regions', '', ['AWSServiceRoleForDynamoDBReplication']],
  ['ec2.amazonaws.com', 'Amazon EC2', 'give applications on EC2 instances credentials (instance role)', 'code'],
  ['spot.amazonaws.com', 'Amazon EC2 Spot Instances', 'launch and manage Spot Instances', '', ['AWSServiceRoleForEC2Spot']],
  ['spotfleet.amazonaws.com', 'Amazon EC2 Spot Fleet', 'request, launch, tag and terminate Spot Fleet instances', '', ['AWSServiceRoleForEC2SpotFleet']],
  ['ipam.amazonaws.com', 'Amazon VPC IP Address Manager', 'monitor IP address use across accounts', '', ['AWSServiceRoleForIPAM']],
  ['transitgateway.amazonaws.com', 'AWS Transit Gateway', 'manage network interfaces of transit gateway attachments', '', ['AWSServiceRoleForVPCTransitGateway']],
  ['vpc-flow-logs.amazonaws.com', 'Amazon VPC Flow Logs', 'publish flow logs to CloudWatch Logs'],
  ['replication.ecr.amazonaws.com', 'Amazon ECR', 'replicate images across Regions and accounts', '', ['AWSServiceRoleForECRReplication']],
  ['ecs.amazonaws.com', 'Amazon ECS', 'manage load balancers and network interfaces for services', '', ['AWSServiceRoleForECS']],
  ['ecs-tasks.amazonaws.com', 'Amazon ECS tasks', 'the task role your containers run with, or the task execution role that pulls images and writes logs', 'code'],
  ['eks.amazonaws.com', 'Amazon EKS', 'manage the cluster control plane (cluster role)', '', ['AWSServiceRoleForAmazonEKS']],
  ['eks-nodegroup.amazonaws.com', 'Amazon EKS', 'manage managed node groups', '', ['AWSServiceRoleForAmazonEKSNodegroup']],
  ['eks-fargate.amazonaws.com', 'Amazon EKS', 'manage Fargate profiles', '', ['AWSServiceRoleForAmazonEKSForFargate']],
  ['eks-fargate-pods.amazonaws.com', 'Amazon EKS on Fargate', 'the pod execution role that pulls images and writes logs for Fargate pods', 'code'],
  ['pods.eks.amazonaws.com', 'Amazon EKS Pod Identity', 'give pods of a Kubernetes service account AWS credentials', 'code'],
  ['elasticache.amazonaws.com', 'Amazon ElastiCache', 'manage network resources of cache clusters', '', ['AWSServiceRoleForElastiCache']],
  ['elasticbeanstalk.amazonaws.com', 'AWS Elastic Beanstalk', 'manage environments (service role) and managed updates', '', ['AWSServiceRoleForElasticBeanstalk']],
  ['elasticfilesystem.amazonaws.com', 'Amazon EFS', 'manage mount targets, backups and replication', '', ['AWSServiceRoleForAmazonElasticFileSystem']],
  ['elasticloadbalancing.amazonaws.com', 'Elastic Load Balancing', 'manage the network resources of load balancers', '', ['AWSServiceRoleForElasticLoadBalancing']],
  ['elasticmapreduce.amazonaws.com', 'Amazon EMR', 'provision cluster instances (service role) and clean up after them', '', ['AWSServiceRoleForEMRCleanup']],
  ['emr-containers.amazonaws.com', 'Amazon EMR on EKS', 'run jobs on EKS clusters', '', ['AWSServiceRoleForAmazonEMRContainers']],
  ['emr-serverless.amazonaws.com', 'Amazon EMR Serverless', 'the job runtime role your Spark and Hive jobs run with', 'code'],
  ['es.amazonaws.com', 'Amazon OpenSearch Service (legacy principal)', 'manage VPC access for domains', '', ['AWSServiceRoleForAmazonElasticsearchService']],
  ['opensearchservice.amazonaws.com', 'Amazon OpenSearch Service', 'manage VPC access and other domain resources', '', ['AWSServiceRoleForAmazonOpenSearchService']],
  ['osis-pipelines.amazonaws.com', 'Amazon OpenSearch Ingestion', 'read sources and write to domains for ingestion pipelines'],
  ['events.amazonaws.com', 'Amazon EventBridge', 'deliver events to targets such as Kinesis, Step Functions or other buses', '', ['AWSServiceRoleForCloudWatchEvents']],
  ['scheduler.amazonaws.com', 'Amazon EventBridge Scheduler', 'invoke schedule targets'],
  ['pipes.amazonaws.com', 'Amazon EventBridge Pipes', 'read pipe sources and invoke enrichments and targets'],
  ['firehose.amazonaws.com', 'Amazon Data Firehose', 'read sources and write to delivery destinations'],
  ['fis.amazonaws.com', 'AWS Fault Injection Service', 'run the actions of experiment templates'],
  ['fms.amazonaws.com', 'AWS Firewall Manager', 'apply security policies across an organisation', '', ['AWSServiceRoleForFMS']],
  ['forecast.amazonaws.com', 'Amazon Forecast', 'read training data and write forecasts'],
  ['fsx.amazonaws.com', 'Amazon FSx', 'manage network interfaces and logs of file systems', '', ['AWSServiceRoleForAmazonFSx']],
  ['gamelift.amazonaws.com', 'Amazon GameLift', 'give game server fleets credentials for your build', 'code'],
  ['globalaccelerator.amazonaws.com', 'AWS Global Accelerator', 'manage endpoint network interfaces', '', ['AWSServiceRoleForGlobalAccelerator']],
  ['glue.amazonaws.com', 'AWS Glue', 'run crawlers and the ETL scripts of jobs', 'code'],
  ['grafana.amazonaws.com', 'Amazon Managed Grafana', 'read the data sources of workspaces'],
  ['greengrass.amazonaws.com', 'AWS IoT Greengrass', 'manage core devices and deployments'],
  ['guardduty.amazonaws.com', 'Amazon GuardDuty', 'read logs and resource metadata for threat detection', '', ['AWSServiceRoleForAmazonGuardDuty']],
  ['health.amazonaws.com', 'AWS Health', 'aggregate health events across an organisation', '', ['AWSServiceRoleForHealth_Organizations']],
  ['imagebuilder.amazonaws.com', 'EC2 Image Builder', 'run image pipelines', '', ['AWSServiceRoleForImageBuilder']],
  ['inspector.amazonaws.com', 'Amazon Inspector Classic', 'assess EC2 instances', '', ['AWSServiceRoleForAmazonInspector']],
  ['inspector2.amazonaws.com', 'Amazon Inspector', 'scan instances, images and functions for vulnerabilities', '', ['AWSServiceRoleForAmazonInspector2']],
  ['iot.amazonaws.com', 'AWS IoT Core', 'run the actions of topic rules and manage fleets'],
  ['credentials.iot.amazonaws.com', 'AWS IoT Core credential provider', 'exchange device certificates for temporary credentials (role alias)', 'code'],
  ['kafka.amazonaws.com', 'Amazon MSK', 'manage network interfaces of clusters', '', ['AWSServiceRoleForKafka']],
  ['kafkaconnect.amazonaws.com', 'Amazon MSK Connect', 'the service execution role your connectors run with', 'code'],
  ['kendra.amazonaws.com', 'Amazon Kendra', 'read data sources and write to indexes'],
  ['kinesisanalytics.amazonaws.com', 'Amazon Managed Service for Apache Flink', 'run your Flink applications', 'code'],
  ['mrk.kms.amazonaws.com', 'AWS KMS', 'keep multi-Region keys in sync', '', ['AWSServiceRoleForKeyManagementServiceMultiRegionKeys']],
  ['lakeformation.amazonaws.com', 'AWS Lake Formation', 'access registered data locations', '', ['AWSServiceRoleForLakeFormationDataAccess']],
  ['lambda.amazonaws.com', 'AWS Lambda', 'the execution role your function code runs with', 'code'],
  ['edgelambda.amazonaws.com', 'Lambda@Edge', 'the execution role your function runs with at CloudFront edge locations', 'code'],
  ['replicator.lambda.amazonaws.com', 'Lambda@Edge', 'replicate functions to edge Regions', '', ['AWSServiceRoleForLambdaReplicator']],
  ['lex.amazonaws.com', 'Amazon Lex (V1)', 'call Amazon Polly and Comprehend for bots', '', ['AWSServiceRoleForLexBots']],
  ['lexv2.amazonaws.com', 'Amazon Lex V2', 'run bots and their integrations', '', ['AWSServiceRoleForLexV2Bots']],
  ['license-manager.amazonaws.com', 'AWS License Manager', 'track licence use across accounts', '', ['AWSServiceRoleForAWSLicenseManagerRole']],
  ['logs.amazonaws.com', 'Amazon CloudWatch Logs', 'deliver subscription filter data to Kinesis, Firehose or Lambda'],
  ['macie.amazonaws.com', 'Amazon Macie', 'discover and classify sensitive data in S3', '', ['AWSServiceRoleForAmazonMacie']],
  ['mediaconvert.amazonaws.com', 'AWS Elemental MediaConvert', 'read input media and write outputs'],
  ['medialive.amazonaws.com', 'AWS Elemental MediaLive', 'reach inputs, outputs and parameters of channels'],
  ['memorydb.amazonaws.com', 'Amazon MemoryDB', 'manage network resources of clusters', '', ['AWSServiceRoleForMemoryDB']],
  ['mq.amazonaws.com', 'Amazon MQ', 'manage network interfaces of brokers', '', ['AWSServiceRoleForAmazonMQ']],
  ['networkmanager.amazonaws.com', 'AWS Network Manager', 'manage global and core networks', '', ['AWSServiceRoleForNetworkManager']],
  ['organizations.amazonaws.com', 'AWS Organizations', 'manage organisation-wide integrations with other services', '', ['AWSServiceRoleForOrganizations']],
  ['personalize.amazonaws.com', 'Amazon Personalize', 'read training data and write batch results'],
  ['quicksight.amazonaws.com', 'Amazon QuickSight', 'reach data sources such as Athena, S3 and Redshift'],
  ['rds.amazonaws.com', 'Amazon RDS', 'manage network and monitoring resources of DB instances', '', ['AWSServiceRoleForRDS']],
  ['monitoring.rds.amazonaws.com', 'Amazon RDS Enhanced Monitoring', 'publish operating-system metrics to CloudWatch Logs'],
  ['redshift.amazonaws.com', 'Amazon Redshift', 'load and unload data, and manage cluster network resources', '', ['AWSServiceRoleForRedshift']],
  ['rekognition.amazonaws.com', 'Amazon Rekognition', 'read video streams and publish results'],
  ['resource-explorer-2.amazonaws.com', 'AWS Resource Explorer', 'index the resources of your account', '', ['AWSServiceRoleForResourceExplorer']],
  ['s3.amazonaws.com', 'Amazon S3', 'replicate objects between buckets (replication role)'],
  ['batchoperations.s3.amazonaws.com', 'Amazon S3 Batch Operations', 'run batch operations jobs over object manifests'],
  ['sagemaker.amazonaws.com', 'Amazon SageMaker', 'the execution role training jobs, endpoints and notebooks run with', 'code', ['AWSServiceRoleForAmazonSageMakerNotebooks']],
  ['secretsmanager.amazonaws.com', 'AWS Secrets Manager', 'replicate secrets and call rotation functions'],
  ['securityhub.amazonaws.com', 'AWS Security Hub', 'run security checks and aggregate findings', '', ['AWSServiceRoleForSecurityHub']],
  ['servicecatalog.amazonaws.com', 'AWS Service Catalog', 'provision products with a launch constraint role'],
  ['servicequotas.amazonaws.com', 'Service Quotas', 'manage quota requests and templates across an organisation', '', ['AWSServiceRoleForServiceQuotas']],
  ['ses.amazonaws.com', 'Amazon SES', 'deliver received mail and events to other services'],
  ['sns.amazonaws.com', 'Amazon SNS', 'log delivery status and send SMS messages'],
  ['ssm.amazonaws.com', 'AWS Systems Manager', 'run automations, maintenance windows and managed-node tasks', '', ['AWSServiceRoleForAmazonSSM']],
  ['sso.amazonaws.com', 'AWS IAM Identity Center', 'create and manage permission-set roles in accounts', '', ['AWSServiceRoleForSSO']],
  ['states.amazonaws.com', 'AWS Step Functions', 'run the tasks of state machines'],
  ['storagegateway.amazonaws.com', 'AWS Storage Gateway', 'read and write the S3 buckets behind file shares'],
  ['support.amazonaws.com', 'AWS Support', 'read account data for support cases', '', ['AWSServiceRoleForSupport']],
  ['textract.amazonaws.com', 'Amazon Textract', 'publish job completion notifications to SNS'],
  ['transcribe.amazonaws.com', 'Amazon Transcribe', 'read media and write transcripts'],
  ['transfer.amazonaws.com', 'AWS Transfer Family', 'give users of SFTP/FTPS servers access to S3 or EFS, and write logs'],
  ['translate.amazonaws.com', 'Amazon Translate', 'read input documents and write translations'],
  ['trustedadvisor.amazonaws.com', 'AWS Trusted Advisor', 'run checks across your account', '', ['AWSServiceRoleForTrustedAdvisor']],
  ['wafv2.amazonaws.com', 'AWS WAF', 'deliver web ACL logs', '', ['AWSServiceRoleForWAFV2Logging']],
  ['workspaces.amazonaws.com', 'Amazon WorkSpaces', 'manage the network interfaces and directories of WorkSpaces'],
  ['xray.amazonaws.com', 'AWS X-Ray', 'read and write trace data and encryption keys'],
];

export const SERVICE_PRINCIPALS: readonly ServicePrincipalInfo[] = ROWS.map(
  ([principal, service, purpose, flags, serviceLinkedRoles]) => ({
    principal,
    service,
    purpose,
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
