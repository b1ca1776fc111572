import { substringTarget, valueTarget } from '../targets';
import type { Rule } from '../types';
import type { ServiceArnShape } from '../support/lintCache';
import { isWild, resourceArn } from './arnParts';

export const arnRegionAccount: Rule = {
  meta: {
    id: 'IAM107',
    name: 'arn-region-account',
    severity: 'error',
    category: 'error',
    description:
      'Some services have no Region or no account in their ARNs (S3 buckets, IAM), others always have one (EC2, Lambda). An ARN that disagrees names no resource.',
    accessAnalyzer: 'ARN Region not allowed / ARN account not allowed / Missing ARN Region / Missing ARN account',
    parliament: 'INVALID_ARN',
  },
  scope: 'policy',
  check({ file, policy, cache, report }) {
    for (const statement of policy.statements) {
      for (const resource of statement.resource?.values ?? []) {
        const parts = resourceArn(resource.value);
        if (!parts) continue;
        const shape = cache.arnShape(parts.service);
        if (!shape) continue;
        // Judge by the resource types this ARN could be (S3 objects have no Region, access points do).
        const candidates = cache.resourceTypesMatching(parts.service, parts.resource);
        const { regionAllowed, regionRequired, accountAllowed, accountRequired } = fieldsOf(candidates.length > 0 ? candidates : shape.resourceGlobs);
        const regionStart = 5 + parts.partition.length + 1 + parts.service.length;
        const accountStart = regionStart + parts.region.length + 1;
        if (parts.region !== '' && !isWild(parts.region) && !regionAllowed) {
          report(
            substringTarget(file.text, resource, regionStart, regionStart + parts.region.length),
            `${parts.service} ARNs have no Region: remove "${parts.region}" and leave the field empty ("arn:${parts.partition}:${parts.service}::...").`,
          );
        } else if (parts.region === '' && regionRequired && !documentedWithoutRegion(parts.service, parts.resource)) {
          report(valueTarget(resource), `${parts.service} ARNs include a Region: fill in the fourth field (e.g. "us-east-1", or "*").`);
        }
        if (parts.account !== '' && !isWild(parts.account) && !accountAllowed) {
          report(
            substringTarget(file.text, resource, accountStart, accountStart + parts.account.length),
            `${parts.service} ARNs have no account ID: remove "${parts.account}" and leave the field empty.`,
          );
        } else if (parts.account === '' && accountRequired && parts.resource.startsWith(':')) {
          // "arn:*:kms:*:::*" reads as an empty account and a resource part ":*": one colon too many.
          // An empty account alone is left alone: AWS-owned resources have none
          // ("arn:aws:ssm:*::document/AWS-RunShellScript", public SSM parameters).
          report(valueTarget(resource), `${parts.service} ARNs include an account ID, and this one has one colon too many: fill in the fifth field (the 12-digit account, or "*") and drop the extra colon.`);
        }
      }
    }
  },
};

interface ArnFields {
  readonly regionAllowed: boolean;
  readonly regionRequired: boolean;
  readonly accountAllowed: boolean;
  readonly accountRequired: boolean;
}

// The lists come from LintCache, which keeps them: their fields are read once, not per Resource per keystroke.
const fieldsMemo = new WeakMap<readonly ServiceArnShape['resourceGlobs'][number][], ArnFields>();

function fieldsOf(types: readonly ServiceArnShape['resourceGlobs'][number][]): ArnFields {
  let fields = fieldsMemo.get(types);
  if (!fields) {
    const formats = types.map((entry) => entry.type.arnFormat.split(':'));
    fields = {
      regionAllowed: formats.some((parts) => parts[3] !== ''),
      regionRequired: formats.every((parts) => parts[3] !== ''),
      accountAllowed: formats.some((parts) => parts[4] !== ''),
      accountRequired: formats.every((parts) => parts[4] !== ''),
    };
    fieldsMemo.set(types, fields);
  }
  return fields;
}

/**
 * ARN forms AWS documents without a Region although the catalogue's format has one. A global
 * cross-Region inference profile invokes a foundation model with no Region,
 * "arn:aws:bedrock:::foundation-model/MODEL", and AWS's guidance grants exactly that (Amazon Bedrock
 * User Guide, global cross-Region inference; AWS blog "Securing Amazon Bedrock cross-Region
 * inference: geographic and global", with aws:RequestedRegion "unspecified").
 */
const REGIONLESS_FORMS: readonly { readonly service: string; readonly resource: RegExp }[] = [{ service: 'bedrock', resource: /^foundation-model\// }];

function documentedWithoutRegion(service: string, resource: string): boolean {
  const lower = service.toLowerCase();
  return REGIONLESS_FORMS.some((form) => form.service === lower && form.resource.test(resource));
}
