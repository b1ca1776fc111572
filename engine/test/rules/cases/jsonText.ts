import type { RuleCases } from '../harness';

const POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::reports/*"
    }
  ]
}`;

/** The policy above with `insert` put in place of `at` (which must occur once). */
function edited(at: string, insert: string): string {
  if (POLICY.split(at).length !== 2) throw new Error(`"${at}" is not unique`);
  return POLICY.replace(at, insert);
}

const TEMPLATE = `{
  "AWSTemplateFormatVersion": "2010-09-09",
  // The reports reader
  "Resources": {
    "Reader": {
      "Type": "AWS::IAM::ManagedPolicy",
      "Properties": { "PolicyDocument": ${POLICY.replace(/\n/g, '\n      ')} },
    }
  }
}`;

export const JSON_TEXT_CASES: readonly RuleCases[] = [
  {
    rule: 'IAM024',
    valid: [
      { policy: POLICY, fileName: 'reader.json' },
      { name: 'slashes inside strings are not comments', policy: edited('"Resource": "arn:aws:s3:::reports/*"', '"Resource": "arn:aws:s3:::reports/*", "Condition": {"StringLike": {"aws:Referer": "https://example.com//x/*"}} "Sid": "x"'), fileName: 'reader.json' },
      { name: 'a .jsonc file may keep comments and trailing commas', policy: edited('"Version": "2012-10-17",', '// reviewed by security\n  "Version": "2012-10-17",').replace('}\n  ]', '},\n  ]'), fileName: 'reader.jsonc' },
      { name: 'so may the project file', policy: `{\n  // reviewed elsewhere\n  "rules": { "IAM302": "off", },\n}`, fileName: '.iam-author.json' },
    ],
    invalid: [
      { name: 'a line comment on its own line', policy: edited('"Version": "2012-10-17",', '// reviewed by security\n  "Version": "2012-10-17",'), fileName: 'reader.json', paths: [''] },
      { name: 'a line comment after a value', policy: edited('"Effect": "Allow",', '"Effect": "Allow", // for the nightly job'), fileName: 'reader.json', paths: [''] },
      { name: 'a block comment', policy: edited('"Action": "s3:GetObject",', '"Action": /* read only */ "s3:GetObject",'), fileName: 'reader.json', paths: [''] },
      { name: 'trailing commas in an object and an array', policy: edited('"arn:aws:s3:::reports/*"\n    }\n  ]', '"arn:aws:s3:::reports/*",\n    },\n  ]'), fileName: 'reader.json', paths: ['', ''] },
      { name: 'a trailing comma after a comment', policy: edited('"arn:aws:s3:::reports/*"\n', '"arn:aws:s3:::reports/*", // the bucket\n'), fileName: 'reader.json', paths: ['', ''] },
      { name: 'an unnamed document is JSON', policy: edited('"Effect": "Allow",', '"Effect": "Allow", // why'), paths: [''] },
      { name: 'a CloudFormation JSON template', policy: TEMPLATE, type: 'auto', fileName: 'stack.template', paths: ['', ''] },
    ],
  },
];
