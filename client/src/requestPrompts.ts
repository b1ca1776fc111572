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
/** Choices that stand for "as role X" carry this prefix before the role's logical id. */
const AS_ROLE = '\u0000role:';

/**
 * Gathers a request: whatever the caller passed, then prompts for the rest. With both an action and a
 * resource given nothing is asked (tests and scripts rely on that). Undefined when the user backs out.
 */
export async function gatherRequest(client: LanguageClient, uri: string, args: SimulateCommandArgs, last: RememberedRequest | undefined): Promise<RememberedRequest | undefined> {
  if (args.action && args.resource) {
    return { action: args.action, resource: args.resource, principal: args.principal, resourceAccount: args.resourceAccount, context: args.context, asRole: args.asRole };
  }
  const editor = vscode.window.activeTextEditor;
  const position = editor?.document.uri.toString() === uri ? { line: editor.selection.active.line, character: editor.selection.active.character } : undefined;
  const template = (action?: string) => client.sendRequest<RequestTemplateResult>(RequestTemplateRequestMethod, { uri, action, scope: args.scope, position } satisfies RequestTemplateParams);
  const first = await template(args.action);
  // From a code lens the statement's own values lead; otherwise what was asked last time does.
  const action = args.action ?? (await pickAction(client, first, args.scope ? undefined : last));
  if (!action) return undefined;
  const resource = args.resource ?? (await pickResource(action === args.action ? first : await template(action), args.scope && action !== last?.action ? undefined : last, action));
  if (!resource) return undefined;
  const caller = args.principal !== undefined || args.asRole !== undefined ? { principal: args.principal, asRole: args.asRole } : await pickCaller(first, last);
  if (!caller) return undefined;
  const context = args.context ?? (await promptContext(first.contextKeys, last?.context));
  if (!context) return undefined;
  return { action, resource, principal: caller.principal || undefined, asRole: caller.asRole, resourceAccount: args.resourceAccount ?? last?.resourceAccount, context };
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

/**
 * Who makes the request: a role of the template ("as role AppRole", its own policies deciding; the
 * role around the cursor first), a principal (a service principal of a trust policy asks "can the
 * service assume this role?"), or none. Undefined when the user backs out.
 */
export async function pickCaller(template: RequestTemplateResult, last: RememberedRequest | undefined): Promise<{ principal?: string; asRole?: string } | undefined> {
  const none: Choice = { value: NO_PRINCIPAL, label: '(no principal)', description: 'identity policies need none' };
  const asRole = (name: string, description?: string): Choice => ({ value: AS_ROLE + name, label: `as role ${name}`, description });
  const lastChoice: Choice[] = !last ? [] : last.asRole ? [asRole(last.asRole)] : [last.principal ? { value: last.principal } : none];
  const roles = template.roles ?? [];
  const roleChoices = roles.map((role) => asRole(role.name, [role.containsCursor ? 'the role at the cursor' : undefined, role.detail, 'its own policies decide'].filter(Boolean).join(' · ')));
  const cursorRole = roles[0]?.containsCursor ? roleChoices.slice(0, 1) : [];
  const chosen = await pickValue({
    title: 'IAM: Simulate Access — Principal',
    placeholder: 'The caller: a role of the template, an ARN such as arn:aws:iam::123456789012:role/MyRole, an account id or a service principal',
    sections: [
      { title: 'At the cursor', choices: cursorRole },
      { title: 'Last used', choices: lastChoice },
      { title: 'Roles of this template', choices: roleChoices.slice(cursorRole.length) },
      { title: 'Named by the policy', choices: template.principals.map((value) => ({ value, description: /\.amazonaws\.com(\.cn)?$/.test(value) ? 'can the service assume the role? (use an sts:AssumeRole action)' : undefined })) },
      { title: 'Other', choices: [none] },
    ],
    acceptTyped: true,
  });
  if (chosen === undefined) return undefined;
  if (chosen.startsWith(AS_ROLE)) return { asRole: chosen.slice(AS_ROLE.length) };
  return { principal: chosen === NO_PRINCIPAL ? '' : chosen };
}

/** The caller's ARN, "" for no principal, undefined when the user backs out (no roles: Simulate All Actions). */
export async function pickPrincipal(template: RequestTemplateResult, last: RememberedRequest | undefined): Promise<string | undefined> {
  const caller = await pickCaller({ ...template, roles: [] }, last?.asRole ? undefined : last);
  return caller && (caller.principal ?? '');
}
