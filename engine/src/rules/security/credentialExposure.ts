import type { Rule } from '../types';
import { reportSensitiveGrants } from './sensitiveActions';

const CREDENTIAL_ACTIONS = [
  'sts:AssumeRole',
  'sts:GetFederationToken',
  'iam:CreateAccessKey',
  'iam:UpdateAccessKey',
  'iam:CreateServiceSpecificCredential',
  'iam:ResetServiceSpecificCredential',
  'secretsmanager:GetSecretValue',
  'redshift:GetClusterCredentials',
  'rds-db:connect',
  'ec2:GetPasswordData',
  'lightsail:GetInstanceAccessDetails',
  'cognito-identity:GetCredentialsForIdentity',
];

export const credentialExposure: Rule = {
  meta: {
    id: 'IAM308',
    name: 'credential-exposure',
    severity: 'info',
    category: 'security',
    description: 'Actions that return credentials or secrets (sts:AssumeRole, iam:CreateAccessKey, secretsmanager:GetSecretValue, ...) on "*" hand out every credential of that kind.',
    parliament: 'CREDENTIALS_EXPOSURE',
  },
  scope: 'policy',
  check(context) {
    reportSensitiveGrants(context, CREDENTIAL_ACTIONS, (actions) => `${actions} can return credentials or secrets, here for every resource: name the roles, users or secrets instead of "*".`);
  },
};
