import type { PolicyType } from './model';

/**
 * Every CloudFormation resource property that holds an IAM policy document, and the kind of policy
 * it is. The list was taken from the CloudFormation resource specification (the `Json` properties
 * of spec 117.0.0 as @aws-cdk/cfnspec publishes it) and from the resource provider schemas of the
 * CloudFormation registry (as @aws-cdk/aws-service-spec publishes them, for types added since):
 * every property described as a policy document, resource-based policy, key, access, endpoint,
 * session or trust policy, less those whose language is not IAM's (listed in NOT_IAM_POLICIES).
 * docs/cloudformation.md lists the same table for people.
 *
 * `string: true` marks properties whose schema also (or only) takes the document as a JSON string;
 * such a string is checked as a policy of its own, as `aws s3api get-bucket-policy` output is.
 */
export interface PolicyProperty {
  readonly resourceType: string;
  readonly property: string;
  readonly type: PolicyType;
  /** The schema accepts the policy as a JSON string. */
  readonly string?: boolean;
  /** The policy applies to the resource it is attached to: its statements leave Resource out. */
  readonly resourceImplied?: boolean;
}

const property = (resourceType: string, name: string, type: PolicyType, string = false): PolicyProperty => ({ resourceType, property: name, type, string });

export const POLICY_PROPERTIES: readonly PolicyProperty[] = [
  // Identity policies. Inline `Policies` of roles, users and groups are read by the locator itself.
  property('AWS::IAM::Policy', 'PolicyDocument', 'identity', true),
  property('AWS::IAM::ManagedPolicy', 'PolicyDocument', 'identity', true),
  property('AWS::IAM::RolePolicy', 'PolicyDocument', 'identity'),
  property('AWS::IAM::UserPolicy', 'PolicyDocument', 'identity'),
  property('AWS::IAM::GroupPolicy', 'PolicyDocument', 'identity'),
  property('AWS::SSO::PermissionSet', 'InlinePolicy', 'identity', true),
  // Trust policies.
  property('AWS::IAM::Role', 'AssumeRolePolicyDocument', 'trust', true),
  // Session policies: they narrow the credentials a service hands out.
  property('AWS::Transfer::User', 'Policy', 'session', true),
  property('AWS::RolesAnywhere::Profile', 'SessionPolicy', 'session', true),
  property('AWS::EKS::PodIdentityAssociation', 'Policy', 'session', true),
  // Resource-based policies (endpoint policies among them).
  property('AWS::ApiGateway::RestApi', 'Policy', 'resource', true),
  property('AWS::ApiGateway::DomainNameV2', 'Policy', 'resource', true),
  property('AWS::APS::ResourcePolicy', 'PolicyDocument', 'resource', true),
  property('AWS::AIOps::InvestigationGroup', 'InvestigationGroupPolicy', 'resource', true),
  property('AWS::Backup::BackupVault', 'AccessPolicy', 'resource', true),
  property('AWS::Backup::LogicallyAirGappedBackupVault', 'AccessPolicy', 'resource', true),
  property('AWS::Bedrock::KnowledgeBasePolicy', 'PolicyDocument', 'resource'),
  property('AWS::Bedrock::ResourcePolicy', 'PolicyDocument', 'resource'),
  property('AWS::BedrockAgentCore::ResourcePolicy', 'Policy', 'resource', true),
  property('AWS::CloudTrail::ResourcePolicy', 'ResourcePolicy', 'resource', true),
  property('AWS::CodeArtifact::Domain', 'PermissionsPolicyDocument', 'resource'),
  property('AWS::CodeArtifact::Repository', 'PermissionsPolicyDocument', 'resource'),
  property('AWS::Comprehend::DocumentClassifier', 'ModelPolicy', 'resource', true),
  property('AWS::Comprehend::EntityRecognizer', 'ModelPolicy', 'resource', true),
  property('AWS::DSQL::Cluster', 'PolicyDocument', 'resource', true),
  property('AWS::EC2::VPCEndpoint', 'PolicyDocument', 'resource', true),
  { ...property('AWS::ECR::PublicRepository', 'RepositoryPolicyText', 'resource', true), resourceImplied: true },
  property('AWS::ECR::RegistryPolicy', 'PolicyText', 'resource'),
  { ...property('AWS::ECR::Repository', 'RepositoryPolicyText', 'resource', true), resourceImplied: true },
  property('AWS::ECR::RepositoryCreationTemplate', 'RepositoryPolicy', 'resource', true),
  property('AWS::EFS::FileSystem', 'FileSystemPolicy', 'resource'),
  property('AWS::Elasticsearch::Domain', 'AccessPolicies', 'resource'),
  property('AWS::Events::EventBus', 'Policy', 'resource', true),
  property('AWS::EventSchemas::RegistryPolicy', 'Policy', 'resource'),
  property('AWS::EventsV2::ResourcePolicy', 'PolicyDocument', 'resource'),
  property('AWS::Kinesis::ResourcePolicy', 'ResourcePolicy', 'resource'),
  property('AWS::KMS::Key', 'KeyPolicy', 'resource', true),
  property('AWS::KMS::ReplicaKey', 'KeyPolicy', 'resource', true),
  property('AWS::Lambda::ResourcePolicy', 'PolicyDocument', 'resource'),
  property('AWS::Lex::ResourcePolicy', 'Policy', 'resource'),
  property('AWS::Logs::Destination', 'DestinationPolicy', 'resource', true),
  property('AWS::Logs::LogGroup', 'ResourcePolicyDocument', 'resource'),
  property('AWS::Logs::ResourcePolicy', 'PolicyDocument', 'resource', true),
  property('AWS::MediaPackageV2::ChannelPolicy', 'Policy', 'resource', true),
  property('AWS::MediaPackageV2::OriginEndpointPolicy', 'Policy', 'resource', true),
  property('AWS::MediaStore::Container', 'Policy', 'resource', true),
  property('AWS::MediaTailor::ChannelPolicy', 'Policy', 'resource', true),
  property('AWS::MSK::ClusterPolicy', 'Policy', 'resource'),
  property('AWS::Oam::Sink', 'Policy', 'resource'),
  property('AWS::ODB::OdbNetwork', 'S3PolicyDocument', 'resource', true),
  property('AWS::ODB::OdbNetwork', 'KmsPolicyDocument', 'resource', true),
  property('AWS::ODB::OdbNetwork', 'StsPolicyDocument', 'resource', true),
  property('AWS::Omics::SequenceStore', 'S3AccessPolicy', 'resource'),
  property('AWS::OpenSearchService::Domain', 'AccessPolicies', 'resource'),
  property('AWS::Organizations::ResourcePolicy', 'Content', 'resource', true),
  property('AWS::PaymentCryptography::Key', 'Policy', 'resource', true),
  property('AWS::Redshift::Cluster', 'NamespaceResourcePolicy', 'resource'),
  property('AWS::RedshiftServerless::Namespace', 'NamespaceResourcePolicy', 'resource'),
  property('AWS::S3::AccessPoint', 'Policy', 'resource'),
  property('AWS::S3::BucketPolicy', 'PolicyDocument', 'resource', true),
  property('AWS::S3::MultiRegionAccessPointPolicy', 'Policy', 'resource'),
  property('AWS::S3Express::AccessPoint', 'Policy', 'resource'),
  property('AWS::S3Express::BucketPolicy', 'PolicyDocument', 'resource', true),
  property('AWS::S3Files::FileSystemPolicy', 'Policy', 'resource'),
  property('AWS::S3ObjectLambda::AccessPointPolicy', 'PolicyDocument', 'resource'),
  property('AWS::S3Outposts::AccessPoint', 'Policy', 'resource'),
  property('AWS::S3Outposts::BucketPolicy', 'PolicyDocument', 'resource'),
  property('AWS::S3Tables::TableBucketPolicy', 'ResourcePolicy', 'resource', true),
  property('AWS::S3Tables::TablePolicy', 'ResourcePolicy', 'resource', true),
  property('AWS::S3Vectors::VectorBucketPolicy', 'Policy', 'resource', true),
  property('AWS::SageMaker::ModelPackageGroup', 'ModelPackageGroupPolicy', 'resource', true),
  property('AWS::SecretsManager::ResourcePolicy', 'ResourcePolicy', 'resource', true),
  property('AWS::SMSVOICE::ResourcePolicy', 'PolicyDocument', 'resource'),
  property('AWS::SNS::TopicInlinePolicy', 'PolicyDocument', 'resource'),
  property('AWS::SNS::TopicPolicy', 'PolicyDocument', 'resource', true),
  property('AWS::SQS::QueueInlinePolicy', 'PolicyDocument', 'resource'),
  property('AWS::SQS::QueuePolicy', 'PolicyDocument', 'resource', true),
  property('AWS::SSM::ResourcePolicy', 'Policy', 'resource', true),
  property('AWS::VpcLattice::AuthPolicy', 'Policy', 'resource'),
  property('AWS::VpcLattice::ResourcePolicy', 'Policy', 'resource'),
  property('AWS::XRay::ResourcePolicy', 'PolicyDocument', 'resource', true),
];

/**
 * Properties the specification types as policy-like JSON whose language is not IAM's: checking them
 * with IAM's rules would only produce false findings. Kept here so the choice is visible and tested.
 */
export const NOT_IAM_POLICIES: readonly (readonly [resourceType: string, property: string, why: string])[] = [
  ['AWS::IoT::Policy', 'PolicyDocument', 'an AWS IoT Core policy, with its own actions and variables'],
  ['AWS::NetworkManager::CoreNetwork', 'PolicyDocument', 'a Cloud WAN core network policy'],
  ['AWS::EC2::VerifiedAccessEndpoint', 'PolicyDocument', 'a Verified Access policy, written in Cedar'],
  ['AWS::EC2::VerifiedAccessGroup', 'PolicyDocument', 'a Verified Access policy, written in Cedar'],
  ['AWS::OpenSearchServerless::AccessPolicy', 'Policy', 'an OpenSearch Serverless data access policy (a list of rules)'],
  ['AWS::OpenSearchServerless::SecurityPolicy', 'Policy', 'an OpenSearch Serverless encryption or network policy'],
  ['AWS::RAM::Permission', 'PolicyTemplate', 'a statement template without Principal or Resource'],
  ['AWS::Logs::LogGroup', 'DataProtectionPolicy', 'a data protection policy'],
  ['AWS::Logs::AccountPolicy', 'PolicyDocument', 'a data protection or subscription filter policy'],
  ['AWS::SNS::Topic', 'DataProtectionPolicy', 'a data protection policy'],
  ['AWS::SNS::Subscription', 'FilterPolicy', 'a message filter'],
  ['AWS::SQS::Queue', 'RedrivePolicy', 'dead-letter queue settings'],
];

const BY_TYPE = new Map<string, PolicyProperty[]>();
for (const entry of POLICY_PROPERTIES) {
  const list = BY_TYPE.get(entry.resourceType) ?? [];
  list.push(entry);
  BY_TYPE.set(entry.resourceType, list);
}

/** The policy-holding properties of one resource type (none for most). */
export function policyPropertiesOf(resourceType: string): readonly PolicyProperty[] {
  return BY_TYPE.get(resourceType) ?? [];
}
