/**
 * The AWS service use cases the "New Role" flow offers, as the console's Create role page lists them:
 * the service principal that assumes the role, whether its trust policy can pin the caller with
 * aws:SourceAccount / aws:SourceArn (services that do not send those keys when they assume a role are
 * left without: the condition would never match; see the confused-deputy rule), and the actions an
 * inline policy starts from. Sources: the IAM User Guide "Create a role for an AWS service" and each
 * service's "confused deputy prevention" section.
 */
export interface ServiceUseCase {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly principal: string;
  /** An ARN pattern for aws:SourceArn with `{account}` for the account; undefined when the service sends no source keys. */
  readonly sourceArn?: string;
  /** EC2 hands a role to instances through an instance profile. */
  readonly instanceProfile?: boolean;
  /** Actions a new inline policy starts from: what this kind of role most often needs. */
  readonly commonActions: readonly string[];
  /** The resources those actions start on, `{account}` standing for the account; the user narrows them. */
  readonly commonResources: readonly string[];
  /** When a service-linked role, not this service role, is what the feature uses. */
  readonly serviceLinkedNote?: string;
}

export const SERVICE_USE_CASES: readonly ServiceUseCase[] = [
  {
    id: 'ec2',
    label: 'EC2',
    description: 'Applications on EC2 instances call AWS services (instance role, with an instance profile)',
    principal: 'ec2.amazonaws.com',
    instanceProfile: true,
    commonActions: ['s3:GetObject', 's3:ListBucket'],
    commonResources: ['arn:aws:s3:::my-bucket', 'arn:aws:s3:::my-bucket/*'],
    serviceLinkedNote:
      'EC2 Auto Scaling and Spot Instances use service-linked roles (AWSServiceRoleForAutoScaling, AWSServiceRoleForEC2Spot) that AWS creates for you; this role is for the code on your instances.',
  },
  {
    id: 'lambda',
    label: 'Lambda',
    description: 'A Lambda function calls AWS services (execution role)',
    principal: 'lambda.amazonaws.com',
    commonActions: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
    commonResources: ['arn:aws:logs:*:{account}:log-group:/aws/lambda/*'],
  },
  {
    id: 'ecs-tasks',
    label: 'Elastic Container Service task',
    description: 'Containers of an ECS task call AWS services (task role)',
    principal: 'ecs-tasks.amazonaws.com',
    sourceArn: 'arn:aws:ecs:*:{account}:*',
    commonActions: ['s3:GetObject'],
    commonResources: ['arn:aws:s3:::my-bucket/*'],
    serviceLinkedNote: 'ECS itself manages load balancers and networking through its service-linked role AWSServiceRoleForECS; this role is for your containers.',
  },
  {
    id: 'codebuild',
    label: 'CodeBuild',
    description: 'A CodeBuild project builds and deploys (service role)',
    principal: 'codebuild.amazonaws.com',
    sourceArn: 'arn:aws:codebuild:*:{account}:project/*',
    commonActions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
    commonResources: ['arn:aws:logs:*:{account}:log-group:/aws/codebuild/*'],
  },
  {
    id: 'states',
    label: 'Step Functions',
    description: 'A state machine invokes the services of its steps',
    principal: 'states.amazonaws.com',
    sourceArn: 'arn:aws:states:*:{account}:stateMachine:*',
    commonActions: ['lambda:InvokeFunction'],
    commonResources: ['arn:aws:lambda:*:{account}:function:*'],
  },
  {
    id: 'events',
    label: 'EventBridge',
    description: 'A rule or scheduler target is called with this role',
    principal: 'events.amazonaws.com',
    sourceArn: 'arn:aws:events:*:{account}:rule/*',
    commonActions: ['sqs:SendMessage'],
    commonResources: ['arn:aws:sqs:*:{account}:*'],
  },
];

export function serviceUseCase(id: string): ServiceUseCase | undefined {
  return SERVICE_USE_CASES.find((useCase) => useCase.id === id);
}
