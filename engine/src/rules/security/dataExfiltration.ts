import type { Rule } from '../types';
import { reportSensitiveGrants } from './sensitiveActions';

const READ_DATA_ACTIONS = [
  's3:GetObject',
  's3:GetObjectVersion',
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:Scan',
  'kms:Decrypt',
  'ssm:GetParameter',
  'ssm:GetParameters',
  'ssm:GetParametersByPath',
  'kinesis:GetRecords',
  'sqs:ReceiveMessage',
  'rds:DownloadDBLogFilePortion',
];

export const dataExfiltration: Rule = {
  meta: {
    id: 'IAM309',
    name: 'data-exfiltration',
    severity: 'info',
    category: 'security',
    description: 'Reading data (s3:GetObject, dynamodb:Scan, kms:Decrypt, ssm:GetParameter, ...) on "*" exposes every bucket, table, key or parameter in the account.',
    parliament: 'SENSITIVE_ACCESS',
  },
  scope: 'policy',
  check(context) {
    reportSensitiveGrants(context, READ_DATA_ACTIONS, (actions) => `${actions} reads data, here from every resource: name the buckets, tables, keys or parameters instead of "*".`);
  },
};
