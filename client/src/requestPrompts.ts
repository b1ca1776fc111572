import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  CatalogActionsRequestMethod,
  RequestTemplateRequestMethod,
  type CatalogActionsResult,
  type RequestTemplateParams,
  type RequestTemplateResult,
  type SimulateCommandArgs,
  type TemplateResource,
} from '../../server/src/protocol';
import { promptContext } from './contextPrompts';
import type { RememberedRequest } from './lastRequest';
import { pickValue, type Choice, type Section } from './quickPick';

const NO_PRINCIPAL = '\u0000none';

/**
 * Gathers a request: whatever the caller passed, then prompts for the rest. With both an action and a
 * resource given nothing is asked (tests and scripts rely on that). Undefined when the user backs out.
 */
export async function gatherRequest(client: LanguageClient, uri: string, args: SimulateCommandArgs, last: RememberedRequest | undefined): Promise<RememberedRequest | undefined> {
  if (args.action && args.resource) {
    return { action: args.action, resource: args.resource, principal: args.principal, resourceAccount: args.resourceAccount, context: args.context };
  }
  const template = (action?: string) => client.sendRequest<RequestTemplateResult>(RequestTemplateRequestMethod, { uri, action, scope: args.scope } satisfies RequestTemplateParams);
  const first = await template(args.action);
  // From a code lens the statement's own values lead; otherwise what was asked last time does.
  const action = args.action ?? (await pickAction(client, first, args.scope ? undefined : last));
  if (!action) return undefined;
  const resource = args.resource ?? (await pickResource(action === args.action ? first : await template(action), args.scope && action !== last?.action ? undefined : last, action));
  if (!resource) return undefined;
  const principal = args.principal ?? (await pickPrincipal(first, last));
  if (principal === undefined) return undefined;
  const context = args.context ?? (await promptContext(first.contextKeys, last?.context));
  if (!context) return undefined;
  return { action, resource, principal: principal || undefined, resourceAccount: args.resourceAccount ?? last?.resourceAccount, context };
}

function pickAction(client: LanguageClient, template: RequestTemplateResult, last: RememberedRequest | undefined): Promise<string | undefined> {
  const fromPolicy = (inScope: boolean): Choice[] =>
    template.actions.filter((a) => a.inScope === inScope).map((a) => ({ value: a.action, description: a.from !== a.action ? `from ${a.from}` : undefined }));
  const sections: Section[] = [
    { title: 'Last used', choices: last ? [{ value: last.action }] : [] },
    { title: 'This statement', choices: fromPolicy(true) },
    { title: template.actionsTruncated ? `This policy (first ${template.actions.length})` : 'This policy', choices: fromPolicy(false) },
  ];
  return pickValue({
    title: 'IAM: Simulate Access — Action',
    placeholder: 'An action, e.g. s3:GetObject (type to filter every catalogue action)',
    sections,
    acceptTyped: true,
    later: async () => {
      const all = await client.sendRequest<CatalogActionsResult>(CatalogActionsRequestMethod, {});
      return { title: 'Every action in the catalogue', choices: all.actions.map((value) => ({ value })) };
    },
  });
}

export async function pickResource(template: RequestTemplateResult, last: RememberedRequest | undefined, action: string): Promise<string | undefined> {
  const describe = (r: TemplateResource): Choice => ({
    value: r.arn,
    description: r.origin === 'resource-type' ? `ARN format of ${r.detail}` : (r.detail ?? (r.inScope ? 'this statement' : 'in the policy')),
  });
  const chosen = await pickValue({
    title: `IAM: Simulate Access — Resource for ${action}`,
    placeholder: 'A resource ARN (pick a suggestion to fill in its placeholders, or type one)',
    sections: [
      { title: 'Last used', choices: last ? [{ value: last.resource }] : [] },
      { title: 'From the policy', choices: template.resources.filter((r) => r.origin === 'policy').map(describe) },
      { title: "The action's resource types", choices: template.resources.filter((r) => r.origin === 'resource-type').map(describe) },
    ],
    acceptTyped: true,
  });
  if (!chosen || !/\$\{|[*?]/.test(chosen) || chosen === '*') return chosen;
  return completeArn(chosen);
}

/** Lets the user fill a format's ${Placeholders} (or narrow a pattern), the first placeholder selected. */
function completeArn(arn: string): Thenable<string | undefined> {
  const placeholder = /\$\{[^}]*\}|[*?]/.exec(arn);
  const start = placeholder?.index ?? arn.length;
  return vscode.window.showInputBox({
    title: 'IAM: Simulate Access — Complete the resource ARN',
    prompt: 'Replace the ${placeholders}; wildcards are kept as literal characters of the requested ARN',
    value: arn,
    valueSelection: [start, start + (placeholder?.[0].length ?? 0)],
    ignoreFocusOut: true,
    validateInput: (text) => (/\$\{/.test(text) ? { message: 'Some ${placeholders} are left.', severity: vscode.InputBoxValidationSeverity.Warning } : undefined),
  });
}

/** The caller's ARN, "" for no principal, undefined when the user backs out. */
export async function pickPrincipal(template: RequestTemplateResult, last: RememberedRequest | undefined): Promise<string | undefined> {
  const none: Choice = { value: NO_PRINCIPAL, label: '(no principal)', description: 'identity policies need none' };
  const lastChoice: Choice[] = last ? [last.principal ? { value: last.principal } : none] : [];
  const chosen = await pickValue({
    title: 'IAM: Simulate Access — Principal',
    placeholder: 'The caller, e.g. arn:aws:iam::123456789012:role/MyRole, an account id or a service principal',
    sections: [
      { title: 'Last used', choices: lastChoice },
      { title: 'Named by the policy', choices: template.principals.map((value) => ({ value })) },
      { title: 'Other', choices: [none] },
    ],
    acceptTyped: true,
  });
  return chosen === NO_PRINCIPAL ? '' : chosen;
}
