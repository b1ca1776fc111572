import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { lintDocument, parsePolicyFile } from '../../src';
import { realCatalog } from '../fixtures/catalog';
import { loadTestHcl } from '../fixtures/hcl';

// A VPC endpoint policy only limits what passes through the endpoint: "Principal": "*" without a
// condition (AWS's default endpoint policy) opens nothing, where the same on a bucket does (IAM315).

before(loadTestHcl);
const catalog = realCatalog();

const OPEN = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"dynamodb:*","Resource":"*"}]}';

function publicFindings(text: string, fileName: string): string[] {
  const file = parsePolicyFile(text, { fileName });
  return lintDocument(file, catalog).filter((finding) => finding.ruleId === 'IAM315').map((finding) => finding.path.join('.'));
}

test('CloudFormation: an endpoint policy open to "*" is not public; a bucket policy is', () => {
  const template = `Resources:
  DynamoDBEndpoint:
    Type: AWS::EC2::VPCEndpoint
    Properties:
      ServiceName: !Sub com.amazonaws.\${AWS::Region}.dynamodb
      VpcId: vpc-1
      PolicyDocument: ${OPEN}
  BucketPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: reports
      PolicyDocument: ${OPEN.replace('dynamodb:*', 's3:GetObject').replace('"*"}]', '"arn:aws:s3:::reports/*"}]')}
`;
  assert.deepEqual(publicFindings(template, 'template.yaml'), ['Resources.BucketPolicy.Properties.PolicyDocument.Statement.0.Principal']);
});

test('Terraform: aws_vpc_endpoint and aws_vpc_endpoint_policy are not public', () => {
  const module = `resource "aws_vpc_endpoint" "dynamodb" {
  vpc_id       = "vpc-1"
  service_name = "com.amazonaws.us-east-1.dynamodb"
  policy       = ${JSON.stringify(OPEN)}
}
resource "aws_vpc_endpoint_policy" "s3" {
  vpc_endpoint_id = "vpce-1"
  policy          = ${JSON.stringify(OPEN)}
}
resource "aws_sqs_queue_policy" "q" {
  queue_url = "https://sqs.us-east-1.amazonaws.com/111122223333/q"
  policy    = ${JSON.stringify(OPEN.replace('dynamodb:*', 'sqs:SendMessage'))}
}
`;
  const found = publicFindings(module, 'main.tf');
  assert.equal(found.length, 1, found.join(', '));
  assert.match(found[0]!, /aws_sqs_queue_policy/);
});
