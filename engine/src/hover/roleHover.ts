import {
  explainInstanceProfile,
  explainManagedPolicyArn,
  explainRoleArn,
  explainSamlRole,
  explainServiceLinkedRole,
  explainWebIdentityRole,
} from '../roles/explain';
import { parseIamArn } from '../roles/iamArn';
import { identityProvider } from '../roles/identityProviders';
import { escapeMarkdown, inlineCode } from '../roles/markdown';
import { looksLikeServicePrincipal, servicePrincipal } from '../roles/servicePrincipals';
import { ROLE_DOCS } from '../roles/docLinks';
import { Explanation } from '../roles/explanation';
import type { HoverData } from './hoverData';
import { linkedRolePermissions } from './linkedRolePermissions';

/**
 * Hover for a string anywhere in a file (a CloudFormation property, a Resource entry, a principal):
 * role, instance profile, managed policy and identity provider ARNs, and service principals.
 */
export function roleArnHover(value: string, data?: HoverData): string | undefined {
  const arn = parseIamArn(value);
  if (arn) {
    switch (arn.kind) {
      case 'service-linked-role':
        return explainServiceLinkedRole(arn, arn.service, arn.servicePrincipal, data && linkedRolePermissions(arn.name, arn.servicePrincipal, data.catalog, data.managed));
      case 'role':
        return explainRoleArn(arn);
      case 'instance-profile':
        return explainInstanceProfile(arn);
      case 'managed-policy':
        return explainManagedPolicyArn(arn);
      case 'oidc-provider':
        return explainWebIdentityRole(value, identityProvider(value), []);
      case 'saml-provider':
        return explainSamlRole(value, identityProvider(value));
      default:
        return undefined;
    }
  }
  if (looksLikeServicePrincipal(value)) return servicePrincipalHover(value);
  return undefined;
}

export function servicePrincipalHover(value: string): string {
  const info = servicePrincipal(value);
  if (!info) {
    return `**${inlineCode(value)}** — an AWS service principal this extension has no notes on. Check the spelling against the service's documentation. [Service principals](${ROLE_DOCS.servicePrincipals})`;
  }
  const out = new Explanation().paragraph(`**${inlineCode(info.principal)}** — service principal of **${escapeMarkdown(info.service)}**`).fact('servicePrincipalMeaning');
  if (info.use) out.bullet(`Roles that trust it are typically used for: ${info.use.text}.`, { title: info.use.title, url: info.use.source });
  if (info.runsYourCode) out.fact('serviceRoleRunsYourCode');
  if (info.serviceLinkedRoles.length > 0) out.paragraph(`Its service-linked roles: ${info.serviceLinkedRoles.map((n) => inlineCode(n)).join(', ')}.`).fact('linkedPath');
  return out.toMarkdown();
}
