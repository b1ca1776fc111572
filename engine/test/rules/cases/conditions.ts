import { allow, policy, trust, type RuleCases } from '../harness';

/** An Allow with one condition; keys chosen so the catalogue rules stay quiet. */
const cond = (condition: object, extra: object = {}) => policy(allow({ Condition: condition, ...extra }));

export const CONDITION_CASES: readonly RuleCases[] = [
  {
    rule: 'IAM201',
    valid: [{ policy: cond({ 'ForAnyValue:StringLikeIfExists': { 'aws:TagKeys': 'a*' }, NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } }) }],
    invalid: [
      { policy: cond({ StringEqual: { 'aws:PrincipalAccount': '111122223333' } }), paths: ['Statement[0].Condition.StringEqual'] },
      { policy: cond({ 'ForEachValue:StringEquals': { 'aws:TagKeys': 'a' } }), paths: ['Statement[0].Condition["ForEachValue:StringEquals"]'] },
    ],
  },
  {
    rule: 'IAM202',
    valid: [
      {
        policy: cond({
          NumericLessThan: { 'aws:MultiFactorAuthAge': ['3600', 7200] },
          DateGreaterThan: { 'aws:CurrentTime': ['2025-01-01T00:00:00Z', '2025-01-01', '1700000000'] },
          Bool: { 'aws:SecureTransport': true },
          IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '2001:db8::/32'] },
          ArnLike: { 'aws:PrincipalArn': ['arn:aws:iam::*:role/Admin*', '${aws:SourceArn}'] },
          Null: { 'aws:PrincipalTag/team': 'false' },
        }),
      },
    ],
    invalid: [
      { policy: cond({ NumericLessThan: { 'aws:MultiFactorAuthAge': 'one hour' } }), paths: ['Statement[0].Condition.NumericLessThan["aws:MultiFactorAuthAge"]'] },
      { policy: cond({ DateGreaterThan: { 'aws:CurrentTime': ['2025-01-01', 'next week'] } }), paths: ['Statement[0].Condition.DateGreaterThan["aws:CurrentTime"][1]'] },
      { policy: cond({ Bool: { 'aws:SecureTransport': 'yes' } }), paths: ['Statement[0].Condition.Bool["aws:SecureTransport"]'] },
      { policy: cond({ IpAddress: { 'aws:SourceIp': '203.0.113.0/33' } }), paths: ['Statement[0].Condition.IpAddress["aws:SourceIp"]'] },
      { policy: cond({ ArnEquals: { 'aws:PrincipalArn': 'role/Admin' } }), paths: ['Statement[0].Condition.ArnEquals["aws:PrincipalArn"]'] },
      { policy: cond({ BinaryEquals: { 'aws:PrincipalTag/blob': 'not base64!' } }), paths: ['Statement[0].Condition.BinaryEquals["aws:PrincipalTag/blob"]'] },
      { policy: cond({ Null: { 'aws:PrincipalTag/team': 'absent' } }), paths: ['Statement[0].Condition.Null["aws:PrincipalTag/team"]'] },
    ],
  },
  {
    rule: 'IAM203',
    valid: [
      { policy: cond({ ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/A' }, StringLike: { 'aws:SourceArn': 'arn:*' }, NumericLessThan: { 'aws:EpochTime': '1' }, Null: { 'aws:SourceIp': 'true' } }) },
    ],
    invalid: [
      { policy: cond({ StringEquals: { 'aws:SourceIp': '203.0.113.1' } }), paths: ['Statement[0].Condition.StringEquals["aws:SourceIp"]'] },
      // A literal address beside the variable is still an address tested as a string.
      { policy: cond({ StringEquals: { 'aws:SourceIp': ['${aws:VpcSourceIp}', '203.0.113.1'] } }), paths: ['Statement[0].Condition.StringEquals["aws:SourceIp"]'] },
      { policy: cond({ NumericLessThan: { 'aws:PrincipalAccount': '5' }, ArnEquals: { 'aws:PrincipalOrgID': 'o-1' } }), paths: ['Statement[0].Condition.NumericLessThan["aws:PrincipalAccount"]', 'Statement[0].Condition.ArnEquals["aws:PrincipalOrgID"]'] },
    ],
  },
  {
    rule: 'IAM204',
    valid: [{ policy: cond({ Bool: { 'aws:SecureTransport': ['true'] } }) }],
    invalid: [{ policy: cond({ Bool: { 'aws:SecureTransport': ['true', 'false'] } }), paths: ['Statement[0].Condition.Bool["aws:SecureTransport"]'] }],
  },
  {
    rule: 'IAM205',
    valid: [{ policy: cond({ Null: { 'aws:PrincipalTag/team': 'true' } }) }],
    invalid: [{ policy: cond({ NullIfExists: { 'aws:PrincipalTag/team': 'true' } }), paths: ['Statement[0].Condition.NullIfExists'] }],
  },
  {
    rule: 'IAM206',
    valid: [{ policy: cond({ Null: { 'aws:TagKeys': 'false' } }) }],
    invalid: [{ policy: cond({ 'ForAllValues:Null': { 'aws:TagKeys': 'false' } }), paths: ['Statement[0].Condition["ForAllValues:Null"]'] }],
  },
  {
    rule: 'IAM207',
    valid: [
      { policy: cond({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] }, Null: { 'aws:TagKeys': 'false' } }) },
      { policy: policy({ Effect: 'Deny', Action: 's3:GetObject', Resource: '*', Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] } } }) },
    ],
    invalid: [
      { policy: cond({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] } }), paths: ['Statement[0].Condition["ForAllValues:StringEquals"]["aws:TagKeys"]'] },
      { policy: policy({ Effect: 'Deny', Action: 's3:GetObject', Resource: '*', Condition: { 'ForAllValues:StringEquals': { 'aws:PrincipalOrgID': 'o-1' } } }), paths: ['Statement[0].Condition["ForAllValues:StringEquals"]["aws:PrincipalOrgID"]'] },
    ],
  },
  {
    rule: 'IAM208',
    valid: [{ policy: cond({ 'ForAnyValue:StringEquals': { 'aws:TagKeys': 'team' }, StringEquals: { 'aws:PrincipalOrgID': 'o-1' } }) }],
    invalid: [{ policy: cond({ StringEquals: { 'aws:TagKeys': 'team' } }), paths: ['Statement[0].Condition.StringEquals["aws:TagKeys"]'] }],
  },
  {
    rule: 'IAM209',
    valid: [{ policy: cond({ StringLike: { 'aws:PrincipalTag/team': 'dev*' }, StringEquals: { 'aws:PrincipalTag/x': '${aws:username}' } }) }],
    invalid: [
      { policy: cond({ StringEquals: { 'aws:PrincipalTag/team': ['ops', 'dev*'] } }), paths: ['Statement[0].Condition.StringEquals["aws:PrincipalTag/team"][1]'] },
      { policy: cond({ StringNotEqualsIgnoreCase: { 'aws:PrincipalTag/team': 'dev?' } }), paths: ['Statement[0].Condition.StringNotEqualsIgnoreCase["aws:PrincipalTag/team"]'] },
    ],
  },
  {
    rule: 'IAM210',
    valid: [{ policy: policy(allow({ Resource: "arn:aws:s3:::b/${aws:username}/${aws:PrincipalTag/team, 'shared'}/*" })) }],
    invalid: [
      { policy: policy(allow({ Resource: 'arn:aws:s3:::b/${aws:username/*' })), paths: ['Statement[0].Resource'] },
      { policy: cond({ StringEquals: { 'aws:PrincipalTag/team': ['${ }', '${aws:PrincipalTag/x, none}'] } }), paths: ['Statement[0].Condition.StringEquals["aws:PrincipalTag/team"][0]', 'Statement[0].Condition.StringEquals["aws:PrincipalTag/team"][1]'] },
      // An envsubst template's placeholders (Karpenter's controller policy), left unfilled: no such key.
      { name: 'a variable that names no key', policy: policy(allow({ Resource: ['arn:${AWS_PARTITION}:ec2:${AWS_REGION}::image/*', 'arn:aws:s3:::${BUCKET}/*'] })), paths: ['Statement[0].Resource[0]', 'Statement[0].Resource[0]', 'Statement[0].Resource[1]'] },
    ],
  },
  {
    rule: 'IAM211',
    valid: [
      { policy: cond({ StringEquals: { 'aws:PrincipalTag/team': '${aws:username}' } }, { Resource: 'arn:aws:s3:::b/${aws:username}' }) },
      // Not a policy variable at all: malformed-policy-variable says so, once.
      { policy: policy(allow({ Resource: 'arn:${AWS_PARTITION}:s3:::b/*' })) },
    ],
    invalid: [
      { policy: policy(allow({ Action: 's3:${aws:username}' })), paths: ['Statement[0].Action'] },
      { policy: cond({ NumericLessThan: { 'aws:MultiFactorAuthAge': '${aws:PrincipalTag/max}' } }), paths: ['Statement[0].Condition.NumericLessThan["aws:MultiFactorAuthAge"]'] },
      { policy: policy(allow({ Resource: 'arn:aws:iam::${aws:PrincipalAccount}:role/x' })), paths: ['Statement[0].Resource'] },
      { policy: policy(trust({ AWS: 'arn:aws:iam::111122223333:user/${aws:username}' })), type: 'trust', paths: ['Statement[0].Principal.AWS'] },
    ],
  },
  {
    rule: 'IAM212',
    valid: [{ policy: policy(allow({ Resource: 'arn:aws:s3:::b/${aws:username}' })) }, { policy: { Statement: [allow()] } }],
    invalid: [
      { policy: { Statement: [allow({ Resource: 'arn:aws:s3:::b/${aws:username}' })] }, paths: ['Statement[0].Resource'] },
      { policy: { Version: '2008-10-17', Statement: [allow({ Condition: { StringEquals: { 'aws:PrincipalTag/o': '${aws:username}' } } })] }, paths: ['Statement[0].Condition.StringEquals["aws:PrincipalTag/o"]'] },
    ],
  },
  {
    rule: 'IAM213',
    valid: [{ policy: cond({ IpAddress: { 'aws:SourceIp': ['203.0.113.0/24'], 'aws:VpcSourceIp': '10.0.0.0/8' } }) }],
    invalid: [
      { policy: cond({ IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '10.1.0.0/16'] } }), paths: ['Statement[0].Condition.IpAddress["aws:SourceIp"][1]'] },
      { policy: policy({ Effect: 'Deny', Action: '*', Resource: '*', Condition: { NotIpAddress: { 'aws:SourceIp': '192.168.1.0/24' } } }), paths: ['Statement[0].Condition.NotIpAddress["aws:SourceIp"]'] },
    ],
  },
  {
    rule: 'IAM214',
    valid: [{ policy: cond({ IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '203.0.113.7', '2001:db8::/32'] } }) }],
    invalid: [{ policy: cond({ IpAddress: { 'aws:SourceIp': ['203.0.113.7/24', '2001:db8::1/32'] } }), paths: ['Statement[0].Condition.IpAddress["aws:SourceIp"][0]', 'Statement[0].Condition.IpAddress["aws:SourceIp"][1]'] }],
  },
  {
    rule: 'IAM215',
    valid: [{ policy: cond({ StringEquals: { 'aws:PrincipalTag/team': ['a', 'A'] }, NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } }) }],
    invalid: [
      { policy: cond({ StringEquals: { 'aws:PrincipalTag/team': ['a', 'b', 'a'] } }), paths: ['Statement[0].Condition.StringEquals["aws:PrincipalTag/team"][2]'] },
      { policy: cond({ StringLike: { 'aws:PrincipalTag/team': ['dev-*', 'dev-ops'] } }), paths: ['Statement[0].Condition.StringLike["aws:PrincipalTag/team"][1]'] },
      { policy: cond({ NumericLessThan: { 'aws:MultiFactorAuthAge': ['3600', '7200'] } }), paths: ['Statement[0].Condition.NumericLessThan["aws:MultiFactorAuthAge"][0]'] },
    ],
  },
];
