/**
 * ARN forms that AWS documents and its own managed policies use, but that the Service Authorization
 * Reference (and so the catalogue) does not model as resource types. arn-matches-no-resource-type
 * leaves them alone. Keep the list small and sourced: an entry is a documented form, not a guess.
 */
const KNOWN_FORMS: readonly { readonly service: string; readonly resource: RegExp; readonly source: string }[] = [
  {
    // The account root principal: "arn:aws:iam::123456789012:root" (IAM User Guide, "Specifying a
    // principal"); the root-credential actions of centralized root access act on it.
    service: 'iam',
    resource: /^root$/,
    source: 'IAM User Guide: AWS account principals; iam:*RootUser* policies',
  },
  {
    // Macros and AWS transforms: "arn:aws:cloudformation:REGION:aws:transform/Serverless-2016-10-31"
    // (CloudFormation User Guide, "Control access with IAM": cloudformation:CreateChangeSet on transforms).
    service: 'cloudformation',
    resource: /^transform\//,
    source: 'CloudFormation User Guide: transforms in IAM policies',
  },
  {
    // Scaling policies of EC2 Auto Scaling and Application Auto Scaling:
    // "arn:aws:autoscaling:REGION:ACCOUNT:scalingPolicy:ID:resource/dynamodb/table/NAME:policyName/NAME".
    service: 'autoscaling',
    resource: /^scalingPolicy:/,
    source: 'Application Auto Scaling User Guide: scaling policy ARNs',
  },
  {
    // WAF Classic change tokens: "arn:aws:waf::ACCOUNT:changetoken/*" (AWS WAF Classic Developer Guide).
    service: 'waf',
    resource: /^changetoken\//,
    source: 'AWS WAF Classic Developer Guide: GetChangeToken',
  },
  {
    service: 'waf-regional',
    resource: /^changetoken\//,
    source: 'AWS WAF Classic Developer Guide: GetChangeToken',
  },
];

/** Whether an ARN's resource part is one of the documented forms the catalogue does not model. */
export function isKnownArnForm(service: string, resourcePart: string): boolean {
  const lower = service.toLowerCase();
  return KNOWN_FORMS.some((form) => form.service === lower && form.resource.test(resourcePart));
}
