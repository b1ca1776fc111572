/**
 * What a role that trusts a service principal is for, one phrase per service, each with the service's
 * own documentation page on its role that states it, and where on that page (`checked`). Only services
 * whose page was read against the phrase are listed; a service principal without an entry gets no
 * "typical use" in its hover (the service name, its service-linked roles and the general facts still
 * show). Keyed by principal; several principals of one service may share its page, two services never
 * share one.
 */
export interface ServiceRoleUse {
  /** A phrase that completes "Roles that trust it are typically used for: …" (Markdown, no user text). */
  readonly text: string;
  /** The service's page that states it. */
  readonly source: string;
  /** The title the page is linked with. */
  readonly title: string;
  /** Where on the page the phrase was found when it was read against it (as for the role facts). */
  readonly checked: string;
}

export const SERVICE_ROLE_USES: Readonly<Record<string, ServiceRoleUse>> = {
  'apigateway.amazonaws.com': {
    text: 'writing API logs to CloudWatch Logs, as the role named in the account settings (`AWS::ApiGateway::Account`)',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-apigateway-account.html',
    title: 'AWS::ApiGateway::Account',
    checked: 'introduction and CloudWatchRoleArn: the role API Gateway uses to write API logs to CloudWatch Logs',
  },
  'cloudformation.amazonaws.com': {
    text: 'creating, updating and deleting the resources of a stack with the role\'s permissions instead of the caller\'s (stack service role)',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-iam-servicerole.html',
    title: 'CloudFormation service role',
    checked: 'introduction: with a service role CloudFormation creates, updates and deletes stack resources with the role\'s credentials instead of the user\'s',
  },
  'cloudtrail.amazonaws.com': {
    text: 'sending a trail\'s events to a CloudWatch Logs log group',
    source: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-required-policy-for-cloudwatch-logs.html',
    title: 'CloudTrail: role policy for CloudWatch Logs',
    checked: 'introduction: the permissions policy the CloudTrail role needs to send log events to CloudWatch Logs',
  },
  'codebuild.amazonaws.com': {
    text: 'every operation CodeBuild performs for a build project on your behalf (CodeBuild service role)',
    source: 'https://docs.aws.amazon.com/codebuild/latest/userguide/setting-up-service-role.html',
    title: 'CodeBuild service role',
    checked: 'introduction and the Important note: CodeBuild uses the service role for all operations performed on your behalf',
  },
  'codepipeline.amazonaws.com': {
    text: 'the service role that every pipeline is created with and keeps: it cannot be swapped for another role once the pipeline exists',
    source: 'https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-create-service-role.html',
    title: 'Create the CodePipeline service role',
    checked: 'introduction: a pipeline is always associated with its service role, which cannot be replaced once the pipeline exists',
  },
  'datasync.amazonaws.com': {
    text: 'reaching the S3 bucket of an S3 location (its bucket access role)',
    source: 'https://docs.aws.amazon.com/datasync/latest/userguide/API_S3Config.html',
    title: 'DataSync S3Config (BucketAccessRoleArn)',
    checked: 'BucketAccessRoleArn: the role DataSync uses to access the S3 bucket',
  },
  'ec2.amazonaws.com': {
    text: 'giving applications on EC2 instances temporary credentials (instance role, through an instance profile)',
    source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2.html',
    title: 'Using an IAM role for applications on EC2',
    checked: 'introduction: a role manages temporary credentials for applications on an instance, through an instance profile',
  },
  'ecs-tasks.amazonaws.com': {
    text: 'the task role that the application code in a task\'s containers uses, or the task execution role with which ECS pulls images and sends container logs',
    source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/security-iam-roles.html',
    title: 'IAM roles for Amazon ECS',
    checked: 'the task role (for the application code in the containers) and the task execution role (pulling images, sending logs)',
  },
  'eks.amazonaws.com': {
    text: 'the cluster role, with which a cluster manages its nodes (and the legacy cloud provider creates Elastic Load Balancing load balancers for services)',
    source: 'https://docs.aws.amazon.com/eks/latest/userguide/cluster-iam-role.html',
    title: 'Amazon EKS cluster IAM role',
    checked: 'introduction: the cluster uses the role to manage nodes; the legacy cloud provider uses it to create Elastic Load Balancing load balancers',
  },
  'events.amazonaws.com': {
    text: 'sending events to targets that need a role, such as Kinesis streams, API destinations and Systems Manager Run Command (Lambda, SQS, SNS, CloudWatch Logs and event bus targets are reached through their resource-based policies instead)',
    source: 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-events-iam-roles.html',
    title: 'EventBridge: IAM roles for sending events to targets',
    checked: 'Permissions required for EventBridge to access targets using IAM roles: API destinations, Kinesis streams, Run Command; Lambda, SQS, SNS, CloudWatch Logs and bus targets use resource-based policies',
  },
  'firehose.amazonaws.com': {
    text: 'the role with which a Firehose stream reaches its destinations, such as an S3 bucket, a Redshift cluster or an OpenSearch Service domain',
    source: 'https://docs.aws.amazon.com/firehose/latest/dev/controlling-access.html',
    title: 'Controlling access with Amazon Data Firehose',
    checked: 'introduction: granting Firehose access to an S3 bucket, a Redshift cluster or an OpenSearch Service cluster',
  },
  'glue.amazonaws.com': {
    text: 'crawlers, jobs and development endpoints, which call other services (S3 sources, targets, scripts) with the role on your behalf',
    source: 'https://docs.aws.amazon.com/glue/latest/dg/create-an-iam-role.html',
    title: 'Create an IAM role for AWS Glue',
    checked: 'introduction: the role Glue assumes when calling other services for you, including S3 for sources, targets, scripts and temporary directories; needed by crawlers, jobs and development endpoints',
  },
  'lambda.amazonaws.com': {
    text: 'the execution role, which gives a function its permissions to reach AWS services and resources',
    source: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html',
    title: 'Lambda execution role',
    checked: 'introduction: the execution role grants the function permission to access AWS services and resources',
  },
  'logs.amazonaws.com': {
    text: 'delivering the log events of a subscription filter to a Kinesis data stream or Firehose (a Lambda destination needs no role)',
    source: 'https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutSubscriptionFilter.html',
    title: 'PutSubscriptionFilter',
    checked: 'roleArn (delivering log events to the destination stream) and the note that a Lambda destination needs no iam:PassRole',
  },
  'monitoring.rds.amazonaws.com': {
    text: 'Enhanced Monitoring, which sends the operating-system metrics of DB instances to CloudWatch Logs',
    source: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Monitoring.OS.Enabling.html',
    title: 'RDS: setting up Enhanced Monitoring',
    checked: 'Creating an IAM role for Enhanced Monitoring: permission to send OS metric information to CloudWatch Logs',
  },
  's3.amazonaws.com': {
    text: 'replicating objects on your behalf, as the role named in a bucket\'s replication configuration',
    source: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/setting-repl-config-perm-overview.html',
    title: 'S3: permissions for live replication',
    checked: 'introduction: S3 needs permissions to replicate objects on your behalf, granted by the role named in the replication configuration',
  },
  'sagemaker.amazonaws.com': {
    text: 'training jobs, which read input data from S3, pull the training image and write model artifacts, logs and metrics with the role',
    source: 'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateTrainingJob.html',
    title: 'SageMaker CreateTrainingJob (RoleArn)',
    checked: 'RoleArn: during training SageMaker reads input from S3, downloads the training image, writes model artifacts, logs and metrics',
  },
  'scheduler.amazonaws.com': {
    text: 'the execution role with which a schedule calls its target API operation',
    source: 'https://docs.aws.amazon.com/scheduler/latest/UserGuide/managing-targets.html',
    title: 'EventBridge Scheduler: managing targets',
    checked: 'introduction: the schedule\'s execution role must be allowed to call the target API operation',
  },
  'ssm.amazonaws.com': {
    text: 'Automation runbooks that run with the role (an assume role) instead of the permissions of the user who starts them',
    source: 'https://docs.aws.amazon.com/systems-manager/latest/userguide/automation-working.html',
    title: 'Systems Manager Automation with a service role',
    checked: 'introduction: by default an automation runs as the user who starts it; an assume (service) role runs it instead (delegated administration)',
  },
};
