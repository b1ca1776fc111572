import { editDistance } from '../../catalog/suggest';
import { valueTarget } from '../targets';
import type { Rule } from '../types';
import type { ServiceArnShape } from '../support/lintCache';
import { resourceArn } from './arnParts';
import { isKnownArnForm } from './knownArnForms';

export const arnMatchesNoResourceType: Rule = {
  meta: {
    id: 'IAM108',
    name: 'arn-matches-no-resource-type',
    severity: 'error',
    category: 'error',
    description:
      "The resource part of an ARN must fit one of the service's resource types (\"role/NAME\" for IAM roles, \"function:NAME\" for Lambda). A misspelt type or a stray colon is an error; a form the catalogue does not model is a warning.",
    accessAnalyzer: 'Invalid ARN resource',
    parliament: 'INVALID_ARN',
  },
  scope: 'policy',
  check({ policy, cache, report }) {
    for (const statement of policy.statements) {
      for (const resource of statement.resource?.values ?? []) {
        const parts = resourceArn(resource.value);
        // A missing resource part is invalid-arn's finding; a wrong service case is arn-service-case's.
        if (!parts || parts.resource === '' || parts.service !== parts.service.toLowerCase()) continue;
        const shape = cache.arnShape(parts.service);
        if (!shape) continue;
        // Only the resource part: wrong Region or account fields are arn-region-account's to report.
        if (cache.resourceTypesMatching(parts.service, parts.resource).length > 0) continue;
        if (isKnownArnForm(parts.service, parts.resource)) continue;
        // "arn:*:kms:*:::*": the account field is empty and the resource part starts with the colon
        // that should have closed it; arn-region-account reports the empty account, the real problem.
        if (parts.resource.startsWith(':') && parts.account === '' && shape.accountRequired) continue;
        const looksLike = `the resource part looks like "${examples(shape)}"`;
        if (parts.resource.startsWith(':')) {
          report(valueTarget(resource), `"${parts.resource}" starts with a colon: the ARN has one colon too many before its resource part; ${looksLike}.`);
          continue;
        }
        const typo = misspeltType(shape, parts.resource);
        if (typo) {
          report(valueTarget(resource), `"${parts.resource}" fits no ${parts.service} resource type: did you mean "${typo}"? ${capitalize(looksLike)}.`);
          continue;
        }
        // The service reference does not model every form AWS documents (see knownArnForms.ts):
        // a resource part of a plausible shape is worth a look, not a failed build.
        report(
          valueTarget(resource),
          `"${parts.resource}" is not a ${parts.service} resource type the IAM catalogue models: check the ARN against the service's documentation; ${looksLike}.`,
          undefined,
          { severity: 'warning' },
        );
      }
    }
  },
};

function examples(shape: ServiceArnShape): string {
  return shape.resourceGlobs
    .slice(0, 3)
    .map((entry) => entry.type.arnFormat.split(':').slice(5).join(':'))
    .join('", "');
}

function capitalize(text: string): string {
  return text[0]!.toUpperCase() + text.slice(1);
}

/** The leading word of a resource part: "endpointconfig" in "endpointconfig/*". */
function typeWord(resourcePart: string): string {
  return /^[A-Za-z][A-Za-z0-9_-]*/.exec(resourcePart)?.[0] ?? '';
}

const normalize = (word: string) => word.toLowerCase().replace(/[-_]/g, '');

/**
 * A modelled resource type word the written one misspells: equal but for case, hyphens and
 * underscores ("endpointconfig" for "endpoint-config"), or one edit away for longer words.
 */
function misspeltType(shape: ServiceArnShape, resourcePart: string): string | undefined {
  const written = typeWord(resourcePart);
  if (written.length < 4) return undefined;
  const delimiter = resourcePart[written.length];
  if (delimiter !== undefined && delimiter !== '/' && delimiter !== ':') return undefined;
  for (const entry of shape.resourceGlobs) {
    const modelled = typeWord(entry.type.arnFormat.split(':').slice(5).join(':'));
    if (modelled === '' || modelled === written) continue;
    if (normalize(modelled) === normalize(written)) return modelled;
    if (written.length >= 6 && editDistance(modelled.toLowerCase(), written.toLowerCase(), 1) <= 1) return modelled;
  }
  return undefined;
}
