import type { ObjectNode, ValueNode } from '../../document/tree';
import { getValue } from '../../document/tree';
import type { TemplatePart, UnknownPart } from '../../document/unknown';
import type { TemplateContext } from './context';

/**
 * What `Ref`, `Fn::GetAtt` and `${Name}` give, where the template states enough to know it: pseudo
 * parameters, parameter defaults, and the names and ARNs of resources whose name is a property
 * (a bucket's BucketName, a role's RoleName). Everything else is an unknown part with its reason.
 *
 * Choices (docs/cloudformation.md): `AWS::Partition` is `aws` and `AWS::URLSuffix` is
 * `amazonaws.com`, the values of every commercial region; the account, region and stack name are
 * unknown, and the simulator takes them to be those of the request.
 */

const PSEUDO_KNOWN: Readonly<Record<string, string>> = {
  'AWS::Partition': 'aws',
  'AWS::URLSuffix': 'amazonaws.com',
};

const PSEUDO_UNKNOWN: Readonly<Record<string, string>> = {
  'AWS::AccountId': 'the account the stack is deployed in',
  'AWS::Region': 'the region the stack is deployed in',
  'AWS::StackName': "the stack's name",
  'AWS::StackId': "the stack's id",
  'AWS::NotificationARNs': "the stack's notification topics",
};

/** Pseudo parameters that stand for the account and region: the simulator takes the request's. */
export const REQUEST_BOUND_PSEUDO = new Set(['AWS::AccountId', 'AWS::Region']);

export type Parts = TemplatePart[];

const unknown = (source: string, reason: string): Parts => [{ source, reason }];

/** A value for `Ref name` (or `${name}`): parts, or a node for a parameter whose default is a list. */
export function refParts(name: string, context: TemplateContext, textOf: (node: ValueNode) => Parts | undefined): Parts | ValueNode {
  if (name in PSEUDO_KNOWN) return [PSEUDO_KNOWN[name]!];
  if (name in PSEUDO_UNKNOWN) return unknown(name, PSEUDO_UNKNOWN[name]!);
  const parameter = context.parameters.get(name);
  if (parameter) {
    const value = parameter.default;
    if (!value) return unknown(name, 'a parameter without a default');
    // Templates write Default: "" (or leave it null) for "none unless given", and guard its uses with a
    // condition such as !Not [!Equals [!Ref Name, ""]]: the empty text is not the value those uses see.
    if ((value.kind === 'string' && value.value === '') || value.kind === 'null') return unknown(name, 'a parameter whose default is empty: its value is given at deployment');
    return textOf(value) ?? value;
  }
  const resource = context.resources.get(name);
  if (resource) return resourceRef(name, resource.type, resource.properties, textOf);
  return unknown(name, 'not defined in the template');
}

interface NamedResource {
  /** The property that names the resource. */
  readonly nameProperty?: string;
  /** What Ref gives: the name, or the ARN. */
  readonly ref: 'name' | 'arn';
  /** The ARN from the name (parts), with the partition, region and account pseudo parameters. */
  readonly arn?: (name: Parts, properties: ObjectNode | undefined, textOf: (node: ValueNode) => Parts | undefined) => Parts;
  /** The attribute that gives the ARN (Arn for most). */
  readonly arnAttribute?: string;
}

const PARTITION = PSEUDO_KNOWN['AWS::Partition']!;
const REGION = (): Parts => unknown('AWS::Region', PSEUDO_UNKNOWN['AWS::Region']!);
const ACCOUNT = (): Parts => unknown('AWS::AccountId', PSEUDO_UNKNOWN['AWS::AccountId']!);
const regional = (service: string, rest: (name: Parts) => Parts) => (name: Parts): Parts => [`arn:${PARTITION}:${service}:`, ...REGION(), ':', ...ACCOUNT(), ':', ...rest(name)];
const iam = (kind: string) => (name: Parts, properties: ObjectNode | undefined, textOf: (node: ValueNode) => Parts | undefined): Parts => {
  const path = getValue(properties, 'Path');
  const pathParts = path ? (textOf(path) ?? ['/']) : ['/'];
  return [`arn:${PARTITION}:iam::`, ...ACCOUNT(), `:${kind}`, ...pathParts, ...name];
};

const RESOURCES: Readonly<Record<string, NamedResource>> = {
  'AWS::S3::Bucket': { nameProperty: 'BucketName', ref: 'name', arn: (name) => [`arn:${PARTITION}:s3:::`, ...name] },
  'AWS::IAM::Role': { nameProperty: 'RoleName', ref: 'name', arn: iam('role') },
  'AWS::IAM::User': { nameProperty: 'UserName', ref: 'name', arn: iam('user') },
  'AWS::IAM::Group': { nameProperty: 'GroupName', ref: 'name', arn: iam('group') },
  'AWS::IAM::ManagedPolicy': { nameProperty: 'ManagedPolicyName', ref: 'arn', arn: iam('policy'), arnAttribute: 'PolicyArn' },
  'AWS::IAM::InstanceProfile': { nameProperty: 'InstanceProfileName', ref: 'name', arn: iam('instance-profile') },
  'AWS::DynamoDB::Table': { nameProperty: 'TableName', ref: 'name', arn: regional('dynamodb', (name) => ['table/', ...name]) },
  'AWS::SQS::Queue': { nameProperty: 'QueueName', ref: 'arn', arn: regional('sqs', (name) => name) },
  'AWS::SNS::Topic': { nameProperty: 'TopicName', ref: 'arn', arn: regional('sns', (name) => name), arnAttribute: 'TopicArn' },
  'AWS::Lambda::Function': { nameProperty: 'FunctionName', ref: 'name', arn: regional('lambda', (name) => ['function:', ...name]) },
  'AWS::Serverless::Function': { nameProperty: 'FunctionName', ref: 'name', arn: regional('lambda', (name) => ['function:', ...name]) },
  'AWS::Logs::LogGroup': { nameProperty: 'LogGroupName', ref: 'name', arn: regional('logs', (name) => ['log-group:', ...name, ':*']) },
  'AWS::Kinesis::Stream': { nameProperty: 'Name', ref: 'name', arn: regional('kinesis', (name) => ['stream/', ...name]) },
  'AWS::StepFunctions::StateMachine': { nameProperty: 'StateMachineName', ref: 'arn', arn: regional('states', (name) => ['stateMachine:', ...name]) },
  'AWS::ECR::Repository': { nameProperty: 'RepositoryName', ref: 'name', arn: regional('ecr', (name) => ['repository/', ...name]) },
  'AWS::SecretsManager::Secret': { ref: 'arn' },
  'AWS::KMS::Key': { ref: 'name' },
};

function nameOf(logicalId: string, type: string | undefined, properties: ObjectNode | undefined, textOf: (node: ValueNode) => Parts | undefined): Parts {
  const entry = type ? RESOURCES[type] : undefined;
  const nameNode = entry?.nameProperty ? getValue(properties, entry.nameProperty) : undefined;
  const written = nameNode ? textOf(nameNode) : undefined;
  return written ?? unknown(logicalId, 'a name CloudFormation generates at deployment');
}

function resourceRef(logicalId: string, type: string | undefined, properties: ObjectNode | undefined, textOf: (node: ValueNode) => Parts | undefined): Parts {
  const entry = type ? RESOURCES[type] : undefined;
  if (!entry) return unknown(logicalId, 'a resource id known after deployment');
  if (entry.ref === 'name') return nameOf(logicalId, type, properties, textOf);
  if (!entry.arn) return unknown(logicalId, 'an ARN known after deployment');
  return entry.arn(nameOf(logicalId, type, properties, textOf), properties, textOf);
}

/** `Fn::GetAtt [LogicalId, Attribute]` / `${LogicalId.Attribute}`. */
export function attributeParts(logicalId: string, attribute: string, context: TemplateContext, textOf: (node: ValueNode) => Parts | undefined): Parts {
  const source = `${logicalId}.${attribute}`;
  const resource = context.resources.get(logicalId);
  if (!resource) return unknown(source, 'not defined in the template');
  const entry = resource.type ? RESOURCES[resource.type] : undefined;
  if (entry?.arn && attribute === (entry.arnAttribute ?? 'Arn')) return entry.arn(nameOf(logicalId, resource.type, resource.properties, textOf), resource.properties, textOf);
  if (entry?.nameProperty && attribute === entry.nameProperty) return nameOf(logicalId, resource.type, resource.properties, textOf);
  return unknown(source, 'an attribute known after deployment');
}

export function isUnknownPart(part: TemplatePart): part is UnknownPart {
  return typeof part !== 'string';
}
