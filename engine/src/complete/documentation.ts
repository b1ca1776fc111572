import type { Catalog } from '../catalog/catalog';
import type { ConditionKeyInfo } from '../catalog/types';
import { actionDocumentation } from '../hover/actionDocs';
import { mdBold, mdCode } from '../markdown/userText';
import { explainEc2InstanceRole, explainSamlRole, explainServiceRole, explainWebIdentityRole } from '../roles/explain';
import { identityProvider } from '../roles/identityProviders';
import { servicePrincipal } from '../roles/servicePrincipals';
import { conditionKeyDocumentation, conditionKeyInfo } from './conditions';
import { operatorDocumentation, parseOperator } from './data/operators';
import type { DocumentationKey, DocumentationKind } from './types';

const VARIABLES_DOCS = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html';
/** Verbs whose wildcards completion offers, e.g. `s3:List*`. */
export const WILDCARD_VERBS = ['List', 'Describe', 'Get'] as const;

type Builder = (key: string, args: readonly string[], catalog: Catalog) => string | undefined;

const BUILDERS: Record<DocumentationKind, Builder> = {
  service: (prefix, _args, catalog) => {
    const service = catalog.services().find((s) => s.prefix === prefix);
    return service && `**${service.name}**\n\nActions of this service are written \`${service.prefix}:ActionName\`.`;
  },
  action: (qualified, _args, catalog) => {
    const action = catalog.actionFromString(qualified);
    return action && actionDocumentation(action, catalog);
  },
  actionWildcard: (pattern, _args, catalog) => wildcardDocumentation(pattern, catalog),
  operator: (name) => {
    const parsed = parseOperator(name);
    return parsed && operatorDocumentation(parsed);
  },
  conditionKey: (name, _args, catalog) => conditionKeyDocumentation(conditionKeyInfo(name, catalog)),
  variable: (name, _args, catalog) => {
    const info = catalog.globalConditionKeys().find((global) => global.key === name);
    return info && variableDocumentation(info);
  },
  servicePrincipal: (principal) => (principal.toLowerCase() === 'ec2.amazonaws.com' ? explainEc2InstanceRole() : explainServiceRole(principal, servicePrincipal(principal))),
  servicePrincipalValue: (principal) => {
    const info = servicePrincipal(principal);
    return info && (info.use ? `**${info.service}** — roles that trust it are typically used for: ${info.use.text}. [${info.use.title}](${info.use.source})` : `**${info.service}**`);
  },
  identityProvider: (principal) => (/:saml-provider\//i.test(principal) ? explainSamlRole(principal, identityProvider(principal)) : explainWebIdentityRole(principal, identityProvider(principal), [])),
  arnFormat: (format, args) => {
    const [service, resourceType, total, ...actions] = args;
    if (!service || !resourceType) return undefined;
    return arnFormatDocumentation(service, resourceType, format, actions, Number(total) || actions.length);
  },
};

/**
 * The markdown documentation a documentation key stands for, rebuilt from the catalogue; undefined for a
 * key that names nothing (it may come back from an editor, so anything is accepted).
 */
export function candidateDocumentation(key: DocumentationKey, catalog: Catalog): string | undefined {
  if (!key || typeof key !== 'object' || typeof key.key !== 'string' || !Object.prototype.hasOwnProperty.call(BUILDERS, key.kind)) return undefined;
  const args = Array.isArray(key.args) ? key.args.filter((arg): arg is string => typeof arg === 'string') : [];
  return BUILDERS[key.kind](key.key, args, catalog);
}

export function variableDocumentation(info: ConditionKeyInfo): string {
  return `Policy variable: replaced by the request's value of the key.\n\n${conditionKeyDocumentation(info)}\n\n[Policy variables](${VARIABLES_DOCS})`;
}

/** `s3:*` or `s3:List*`: what the wildcard covers today. */
function wildcardDocumentation(pattern: string, catalog: Catalog): string | undefined {
  const colon = pattern.indexOf(':');
  const service = colon > 0 ? catalog.service(pattern.slice(0, colon)) : undefined;
  if (!service) return undefined;
  const rest = pattern.slice(colon + 1);
  if (rest === '*') return `Every action of ${service.name}, including actions AWS adds later. Prefer listing the actions you need.`;
  const verb = WILDCARD_VERBS.find((candidate) => `${candidate}*` === rest);
  if (!verb) return undefined;
  const count = service.actions.filter((action) => action.name.startsWith(verb)).length;
  return `Every ${service.name} action whose name starts with ${verb} (${count} today). Read-only by convention, but check: some Get actions return secrets or data.`;
}

/** How many of the statement's actions an ARN-format candidate names; the rest are counted. */
export const ARN_FORMAT_ACTIONS_SHOWN = 12;

export function arnFormatDocumentation(service: string, resourceType: string, format: string, actions: readonly string[], total: number): string {
  const listed = actions.slice(0, ARN_FORMAT_ACTIONS_SHOWN).map(mdCode).join(', ');
  const shown = Math.min(actions.length, ARN_FORMAT_ACTIONS_SHOWN);
  const more = total > shown ? ` and ${total - shown} more` : '';
  // The arguments come back from the editor with the completion item: treated as user text.
  return `${mdBold(`${service} ${resourceType}`)}\n\nFormat: ${mdCode(format)}\n\nTaken by ${listed}${more}.`;
}
