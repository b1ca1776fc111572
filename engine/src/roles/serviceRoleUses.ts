/**
 * What a role that trusts a service principal is for, one phrase per service, each with the service's
 * own documentation page on its role that states it. Only services whose page was read against the
 * phrase are listed; a service principal without an entry gets no "typical use" in its hover (the
 * service name, its service-linked roles and the general facts still show). Keyed by principal; several
 * principals of one service may share its page, two services never share one.
 */
export interface ServiceRoleUse {
  /** A phrase that completes "Roles that trust it are typically used for: …" (Markdown, no user text). */
  readonly text: string;
  /** The service's page that states it. */
  readonly source: string;
  /** The title the page is linked with. */
  readonly title: string;
}

export const SERVICE_ROLE_USES: Readonly<Record<string, ServiceRoleUse>> = {
  'apigateway.amazonaws.com': {
    text: 'writing API logs to CloudWatch Logs, as the role named in the account settings (`AWS::ApiGateway::Account`)',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-apigateway-account.html',
    title: 'AWS::ApiGateway::Account',
  },
  'cloudformation.amazonaws.com': {
    text: 'creating, updating and deleting the resources of a stack with the role\'s permissions instead of the caller\'s (stack service role)',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-iam-servicerole.html',
    title: 'CloudFormation service role',
  },
  'cloudtrail.amazonaws.com': {
    text: 'sending a trail\'s events to a CloudWatch Logs log group',
    source: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-required-policy-for-cloudwatch-logs.html',
    title: 'CloudTrail: role policy for CloudWatch Logs',
  },
  'codebuild.amazonaws.com': {
    text: 'every operation CodeBuild performs for a build project on your behalf (CodeBuild service role)',
    source: 'https://docs.aws.amazon.com/codebuild/latest/userguide/setting-up-service-role.html',
    title: 'CodeBuild service role',
  },
  'codepipeline.amazonaws.com': {
    text: 'the service role that every pipeline is created with and keeps: it cannot be swapped for another role once the pipeline exists',
    source: 'https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-create-service-role.html',
    title: 'Create the CodePipeline service role',
  },
  'datasync.amazonaws.com': {
    text: 'reaching the S3 bucket of an S3 location (its bucket access role)',
    source: 'https://docs.aws.amazon.com/datasync/latest/userguide/API_S3Config.html',
    title: 'DataSync S3Config (BucketAccessRoleArn)',
  },
  'ec2.amazonaws.com': {
    text: 'giving applications on EC2 instances temporary credentials (instance role, through an instance profile)',
    source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2.html',
    title: 'Using an IAM role for applications on EC2',
  },
  'ecs-tasks.amazonaws.com': {
    text: 'the task role that the application code in a task\'s containers uses, or the task execution role with which ECS pulls images and sends container logs',
    source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/security-iam-roles.html',
    title: 'IAM roles for Amazon ECS',
  },
  'eks.amazonaws.com': {
    text: 'the cluster role, with which a cluster manages its nodes (and the legacy cloud provider creates Elastic Load Balancing load balancers for services)',
    source: 'https://docs.aws.amazon.com/eks/latest/userguide/cluster-iam-role.html',
    title: 'Amazon EKS cluster IAM role',
  },
  'events.amazonaws.com': {
    text: 'sending events to targets that need a role, such as Kinesis streams, API destinations and Systems Manager Run Command (Lambda, SQS, SNS, CloudWatch Logs and event bus targets are reached through their resource-based policies instead)',
    source: 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-events-iam-roles.html',
    title: 'EventBridge: IAM roles for sending events to targets',
  },
  'firehose.amazonaws.com': {
    text: 'the role with which a Firehose stream reaches its destinations, such as an S3 bucket, a Redshift cluster or an OpenSearch Service domain',
    source: 'https://docs.aws.amazon.com/firehose/latest/dev/controlling-access.html',
    title: 'Controlling access with Amazon Data Firehose',
  },
  'glue.amazonaws.com': {
    text: 'crawlers, jobs and development endpoints, which call other services (S3 sources, targets, scripts) with the role on your behalf',
    source: 'https://docs.aws.amazon.com/glue/latest/dg/create-an-iam-role.html',
    title: 'Create an IAM role for AWS Glue',
  },
  'lambda.amazonaws.com': {
    text: 'the execution role, which gives a function its permissions to reach AWS services and resources',
    source: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html',
    title: 'Lambda execution role',
  },
  'logs.amazonaws.com': {
    text: 'delivering the log events of a subscription filter to a Kinesis data stream or Firehose (a Lambda destination needs no role)',
    source: 'https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutSubscriptionFilter.html',
    title: 'PutSubscriptionFilter',
  },
  'monitoring.rds.amazonaws.com': {
    text: 'Enhanced Monitoring, which sends the operating-system metrics of DB instances to CloudWatch Logs',
    source: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Monitoring.OS.Enabling.html',
    title: 'RDS: setting up Enhanced Monitoring',
  },
  's3.amazonaws.com': {
    text: 'replicating objects on your behalf, as the role named in a bucket\'s replication configuration',
    source: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/setting-repl-config-perm-overview.html',
    title: 'S3: permissions for live replication',
  },
  'sagemaker.amazonaws.com': {
    text: 'training jobs, which read input data from S3, pull the training image and write model artifacts, logs and metrics with the role',
    source: 'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateTrainingJob.html',
    title: 'SageMaker CreateTrainingJob (RoleArn)',
  },
  'scheduler.amazonaws.com': {
    text: 'the execution role with which a schedule calls its target API operation',
    source: 'https://docs.aws.amazon.com/scheduler/latest/UserGuide/managing-targets.html',
    title: 'EventBridge Scheduler: managing targets',
  },
  'ssm.amazonaws.com': {
    text: 'Automation runbooks that run with the role (an assume role) instead of the permissions of the user who starts them',
    source: 'https://docs.aws.amazon.com/systems-manager/latest/userguide/automation-working.html',
    title: 'Systems Manager Automation with a service role',
  },
};
