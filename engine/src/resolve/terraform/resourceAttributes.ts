import type { HclBlock } from '../../hcl/ast';
import type { TemplatePart, UnknownPart } from '../../document/unknown';

/**
 * Attributes of a resource that the AWS provider builds from the resource's own arguments, so they
 * are known before apply: `aws_s3_bucket.b.arn` with `bucket = "reports"` is `arn:aws:s3:::reports`.
 * Parts the provider takes from the account or the region are unknown parts of the value. The
 * partition is taken to be `aws` (the provider's default; a configuration for China or GovCloud
 * regions would show `aws-cn` / `aws-us-gov` ARNs as not matching).
 */
type ArgumentValue = (name: string) => TemplatePart[] | undefined;

interface AttributeContext {
  readonly argument: ArgumentValue;
  /** The reference as written, for the unknown parts' `source`. */
  readonly source: string;
}

type AttributeBuilder = (context: AttributeContext) => TemplatePart[] | undefined;

const account = (source: string): UnknownPart => ({ source, reason: 'the account id, known when Terraform runs' });
const region = (source: string): UnknownPart => ({ source, reason: 'the region, known when Terraform runs' });

/** `path` defaults to "/" for IAM entities; the ARN holds it between the type and the name. */
function iamArn(kind: string): AttributeBuilder {
  return ({ argument, source }) => {
    const name = argument('name');
    if (!name) return undefined;
    const path = argument('path') ?? ['/'];
    return ['arn:aws:iam::', account(source), `:${kind}`, ...path, ...name];
  };
}

function regional(service: string, shape: (name: TemplatePart[]) => TemplatePart[], nameArgument = 'name'): AttributeBuilder {
  return ({ argument, source }) => {
    const name = argument(nameArgument);
    if (!name) return undefined;
    return [`arn:aws:${service}:`, region(source), ':', account(source), ':', ...shape(name)];
  };
}

const byName = (name: string): AttributeBuilder => ({ argument }) => argument(name);

const ATTRIBUTES: Readonly<Record<string, Readonly<Record<string, AttributeBuilder>>>> = {
  aws_s3_bucket: {
    arn: ({ argument }) => {
      const bucket = argument('bucket');
      return bucket ? ['arn:aws:s3:::', ...bucket] : undefined;
    },
    id: byName('bucket'),
    bucket: byName('bucket'),
  },
  aws_iam_role: { arn: iamArn('role'), name: byName('name'), id: byName('name') },
  aws_iam_user: { arn: iamArn('user'), name: byName('name'), id: byName('name') },
  aws_iam_group: { arn: iamArn('group'), name: byName('name'), id: byName('name') },
  aws_iam_policy: { arn: iamArn('policy'), name: byName('name') },
  aws_iam_instance_profile: { arn: iamArn('instance-profile'), name: byName('name'), id: byName('name') },
  aws_sqs_queue: { arn: regional('sqs', (name) => name), name: byName('name') },
  aws_sns_topic: { arn: regional('sns', (name) => name), name: byName('name') },
  aws_dynamodb_table: { arn: regional('dynamodb', (name) => ['table/', ...name]), name: byName('name') },
  aws_lambda_function: { arn: regional('lambda', (name) => ['function:', ...name], 'function_name'), function_name: byName('function_name') },
  aws_ecr_repository: { arn: regional('ecr', (name) => ['repository/', ...name]), name: byName('name') },
  aws_cloudwatch_log_group: { arn: regional('logs', (name) => ['log-group:', ...name]), name: byName('name') },
  aws_kinesis_stream: { arn: regional('kinesis', (name) => ['stream/', ...name]), name: byName('name') },
};

/** The attribute's value as literal text and unknown parts, or undefined when the provider's naming does not make it certain. */
export function staticResourceAttribute(block: HclBlock, attribute: string, argument: ArgumentValue, source: string): TemplatePart[] | undefined {
  const builder = ATTRIBUTES[block.labels[0] ?? '']?.[attribute];
  return builder ? builder({ argument, source }) : undefined;
}
