import type { PolicyType } from '../../document/model';

/**
 * Every argument of the AWS provider that takes an IAM policy document (as JSON: jsonencode, a
 * heredoc, a quoted string, or `data.aws_iam_policy_document.x.json`), with the kind of policy it
 * is. docs/terraform.md lists the same table for users; keep the two together.
 */
export interface PolicyArgument {
  readonly type: PolicyType;
  /** Set for an argument inside a nested block (`inline_policy { policy = ... }`). */
  readonly block?: string;
}

export const POLICY_ARGUMENTS: Readonly<Record<string, Readonly<Record<string, PolicyArgument>>>> = {
  aws_iam_role: { assume_role_policy: { type: 'trust' }, policy: { type: 'identity', block: 'inline_policy' } },
  aws_iam_policy: { policy: { type: 'identity' } },
  aws_iam_role_policy: { policy: { type: 'identity' } },
  aws_iam_user_policy: { policy: { type: 'identity' } },
  aws_iam_group_policy: { policy: { type: 'identity' } },
  aws_ssoadmin_permission_set_inline_policy: { inline_policy: { type: 'identity' } },
  aws_organizations_policy: { content: { type: 'scp' } },
  aws_organizations_resource_policy: { content: { type: 'resource' } },
  aws_s3_bucket: { policy: { type: 'resource' } },
  aws_s3_bucket_policy: { policy: { type: 'resource' } },
  aws_s3_access_point: { policy: { type: 'resource' } },
  aws_s3control_access_point_policy: { policy: { type: 'resource' } },
  aws_s3control_bucket_policy: { policy: { type: 'resource' } },
  aws_sqs_queue: { policy: { type: 'resource' } },
  aws_sqs_queue_policy: { policy: { type: 'resource' } },
  aws_sns_topic: { policy: { type: 'resource' } },
  aws_sns_topic_policy: { policy: { type: 'resource' } },
  aws_kms_key: { policy: { type: 'resource' } },
  aws_kms_key_policy: { policy: { type: 'resource' } },
  aws_kms_replica_key: { policy: { type: 'resource' } },
  aws_ecr_repository_policy: { policy: { type: 'resource' } },
  aws_ecr_registry_policy: { policy: { type: 'resource' } },
  aws_ecrpublic_repository_policy: { policy: { type: 'resource' } },
  // The repository policy each repository made from the template gets.
  aws_ecr_repository_creation_template: { repository_policy: { type: 'resource' } },
  aws_secretsmanager_secret: { policy: { type: 'resource' } },
  aws_secretsmanager_secret_policy: { policy: { type: 'resource' } },
  aws_vpc_endpoint: { policy: { type: 'resource' } },
  aws_vpc_endpoint_policy: { policy: { type: 'resource' } },
  aws_elasticsearch_domain: { access_policies: { type: 'resource' } },
  aws_elasticsearch_domain_policy: { access_policies: { type: 'resource' } },
  aws_opensearch_domain: { access_policies: { type: 'resource' } },
  aws_opensearch_domain_policy: { access_policies: { type: 'resource' } },
  aws_glacier_vault: { access_policy: { type: 'resource' } },
  aws_backup_vault_policy: { policy: { type: 'resource' } },
  aws_efs_file_system_policy: { policy: { type: 'resource' } },
  aws_cloudwatch_log_resource_policy: { policy_document: { type: 'resource' } },
  aws_cloudwatch_log_destination_policy: { access_policy: { type: 'resource' } },
  aws_cloudwatch_event_bus_policy: { policy: { type: 'resource' } },
  aws_api_gateway_rest_api: { policy: { type: 'resource' } },
  aws_api_gateway_rest_api_policy: { policy: { type: 'resource' } },
  aws_dynamodb_resource_policy: { policy: { type: 'resource' } },
  aws_kinesis_resource_policy: { policy: { type: 'resource' } },
  aws_glue_resource_policy: { policy: { type: 'resource' } },
  aws_codeartifact_domain_permissions_policy: { policy_document: { type: 'resource' } },
  aws_codeartifact_repository_permissions_policy: { policy_document: { type: 'resource' } },
  aws_media_store_container_policy: { policy: { type: 'resource' } },
  aws_networkfirewall_resource_policy: { policy: { type: 'resource' } },
  aws_ses_identity_policy: { policy: { type: 'resource' } },
  aws_lakeformation_resource_policy: { policy: { type: 'resource' } },
  aws_lambda_function_url: {},
};

/** aws_organizations_policy's `type`: only these two are IAM policies (tag and backup policies are not). */
export const ORGANIZATIONS_POLICY_TYPES: Readonly<Record<string, PolicyType>> = {
  SERVICE_CONTROL_POLICY: 'scp',
  RESOURCE_CONTROL_POLICY: 'rcp',
};
