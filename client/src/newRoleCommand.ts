import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { NewRoleChoicesRequestMethod, NewRoleCommand, NewRoleRequestMethod, type NewRoleChoicesResult, type NewRoleParams, type NewRoleResult } from '../../server/src/protocol';
import { askAccount, askText, pickOne } from './newRolePrompts';

const TITLE = 'IAM: New Role';

// A short list of what new roles most often get when no managed-policy data could be loaded.
const FALLBACK_MANAGED = [
  'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore',
  'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
  'arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy',
  'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
  'arn:aws:iam::aws:policy/ReadOnlyAccess',
];

/**
 * "IAM: New Role...": the console's Create role flow as code. Trusted entity (AWS service and use case,
 * an AWS account, a web identity, SAML), then permissions (AWS managed policies and/or an inline policy
 * from the service's common actions), then a name; the role goes into the open CloudFormation template
 * or into JSON files beside it. Undefined when the user backs out.
 */
export function registerNewRoleCommand(getClient: () => LanguageClient | undefined): vscode.Disposable {
  return vscode.commands.registerCommand(NewRoleCommand, async (): Promise<NewRoleResult | undefined> => {
    const client = getClient();
    if (!client) return undefined;
    const choices = await client.sendRequest<NewRoleChoicesResult>(NewRoleChoicesRequestMethod, {});
    const trustKind = await pickOne(`${TITLE} — Trusted entity`, [
      { value: 'service', label: 'AWS service', detail: 'EC2, Lambda, ECS tasks and other services act in this account' },
      { value: 'account', label: 'AWS account', detail: 'Principals of this account or another one assume the role' },
      { value: 'web', label: 'Web identity', detail: 'GitHub Actions, an EKS service account or a Cognito identity pool' },
      { value: 'saml', label: 'SAML 2.0 federation', detail: "Users of your company's identity provider" },
    ]);
    if (!trustKind) return undefined;
    const gathered = await gatherTrust(trustKind, choices);
    if (!gathered) return undefined;
    const permissions = await gatherPermissions(choices, gathered.useCase);
    if (!permissions) return undefined;
    const name = await askText(`${TITLE} — Role name`, 'The role name (letters, digits and +=,.@_-)', gathered.defaultName, (text) =>
      /^[\w+=,.@-]{1,64}$/.test(text) ? undefined : 'Up to 64 letters, digits or +=,.@_- characters.',
    );
    if (!name) return undefined;
    const template = templateEditor();
    let target: NewRoleParams['target'] = { kind: 'files' };
    if (template) {
      const where = await pickOne(`${TITLE} — Where`, [
        { value: 'template', label: `Insert into ${vscode.workspace.asRelativePath(template.document.uri)}`, detail: gathered.useCase?.instanceProfile ? 'AWS::IAM::Role and its AWS::IAM::InstanceProfile' : 'An AWS::IAM::Role resource' },
        { value: 'files', label: 'Write JSON files', detail: 'The trust policy and the permissions policy, each in a file' },
      ]);
      if (!where) return undefined;
      if (where === 'template') target = { kind: 'template', uri: template.document.uri.toString() };
    }
    const spec = { name, trust: gathered.trust, managedPolicyArns: permissions.managed, inlineActions: permissions.inlineActions, inlineResources: permissions.inlineResources };
    const result = await client.sendRequest<NewRoleResult>(NewRoleRequestMethod, { spec, target } satisfies NewRoleParams);
    if (result.error) {
      void vscode.window.showErrorMessage(`IAM: ${result.error}`);
      return result;
    }
    if (template && result.templateText !== undefined) await replaceText(template, result.templateText);
    else if (result.files) await writeFiles(result.files);
    const managedNote = target.kind === 'files' && permissions.managed.length > 0 ? ` Attach ${permissions.managed.join(', ')} when you create it.` : '';
    void vscode.window.showInformationMessage(`IAM: role ${name} written${gathered.note ? `. ${gathered.note}` : '.'}${managedNote}`);
    return result;
  });
}

interface GatheredTrust {
  readonly trust: Record<string, unknown>;
  readonly defaultName: string;
  readonly useCase?: NewRoleChoicesResult['useCases'][number];
  readonly note?: string;
}

async function gatherTrust(kind: string, choices: NewRoleChoicesResult): Promise<GatheredTrust | undefined> {
  if (kind === 'service') {
    const id = await pickOne(
      `${TITLE} — Service or use case`,
      choices.useCases.map((useCase) => ({ value: useCase.id, label: useCase.label, description: useCase.principal, detail: [useCase.description, useCase.serviceLinkedNote].filter(Boolean).join(' · ') })),
    );
    const useCase = choices.useCases.find((candidate) => candidate.id === id);
    if (!useCase) return undefined;
    const account = await askAccount(`${TITLE} — Your AWS account ID`, 'The account the role is in: its trust policy and permissions name it');
    if (!account) return undefined;
    const kindNote = useCase.instanceProfile
      ? 'An instance role is a service role that EC2 hands to instances through the instance profile.'
      : `A service role is yours to edit; a service-linked role is one ${useCase.label} defines and you cannot edit.`;
    return { trust: { kind, useCase: useCase.id, account }, useCase, defaultName: `${useCase.id}-app-role`, note: [kindNote, useCase.serviceLinkedNote].filter(Boolean).join(' ') };
  }
  if (kind === 'account') {
    const which = await pickOne(`${TITLE} — Which account`, [
      { value: 'this', label: 'This account', detail: 'Users and roles of the account the role is in' },
      { value: 'other', label: 'Another AWS account', detail: 'A partner or another account of your organization' },
    ]);
    if (!which) return undefined;
    const trustedAccount = await askAccount(`${TITLE} — ${which === 'this' ? 'This' : 'The other'} account's ID`, 'The 12-digit account whose principals may assume the role');
    if (!trustedAccount) return undefined;
    const externalId = await askText(`${TITLE} — External ID`, 'An external ID the other account must pass (leave empty for none; third parties should use one)', '', (text) =>
      text === '' || /^[\w+=,.@:/-]{2,1224}$/.test(text) ? undefined : '2 to 1224 letters, digits or +=,.@:/_- characters.',
    );
    if (externalId === undefined) return undefined;
    const mfa = await pickOne(`${TITLE} — Require MFA`, [
      { value: 'no', label: 'No MFA condition' },
      { value: 'yes', label: 'Require MFA', detail: 'Adds aws:MultiFactorAuthPresent = true: only principals signed in with MFA may assume it' },
    ]);
    if (!mfa) return undefined;
    return { trust: { kind, trustedAccount, externalId, requireMfa: mfa === 'yes' }, defaultName: which === 'this' ? 'admin-access-role' : 'cross-account-role' };
  }
  if (kind === 'web') {
    const provider = await pickOne(`${TITLE} — Identity provider`, [
      { value: 'github', label: 'GitHub Actions', detail: 'Workflows of one repository (and branch) assume the role' },
      { value: 'eks', label: 'Amazon EKS service account', detail: 'Pods running as one Kubernetes service account (IRSA)' },
      { value: 'cognito', label: 'Amazon Cognito identity pool', detail: 'Signed-in users of your app' },
    ]);
    if (!provider) return undefined;
    if (provider === 'cognito') {
      const identityPoolId = await askText(`${TITLE} — Identity pool ID`, 'e.g. us-east-1:12345678-1234-1234-1234-123456789012', '', (text) =>
        /^[a-z]{2}-[a-z]+-\d:[0-9a-f-]{36}$/.test(text) ? undefined : 'REGION:GUID, as the Cognito console shows it.',
      );
      return identityPoolId ? { trust: { kind: 'cognito', identityPoolId }, defaultName: 'cognito-authenticated-role' } : undefined;
    }
    const account = await askAccount(`${TITLE} — Your AWS account ID`, 'The account that holds the OIDC identity provider');
    if (!account) return undefined;
    if (provider === 'github') {
      const repository = await askText(`${TITLE} — GitHub repository`, 'owner/name', '', (text) => (/^[\w.-]+\/[\w.-]+$/.test(text) ? undefined : 'owner/name'));
      if (!repository) return undefined;
      const branch = await askText(`${TITLE} — Branch`, 'Only workflows on this branch may assume the role (empty: any ref of the repository)', 'main', (text) =>
        text === '' || /^[\w./-]+$/.test(text) ? undefined : 'A branch name.',
      );
      if (branch === undefined) return undefined;
      return { trust: { kind: 'github', account, repository, branch }, defaultName: 'github-actions-deploy-role' };
    }
    const issuer = await askText(`${TITLE} — EKS OIDC issuer`, 'https://oidc.eks.REGION.amazonaws.com/id/ID', '', (text) =>
      /^(https:\/\/)?oidc\.eks\.[a-z0-9-]+\.amazonaws\.com\/id\/[A-Za-z0-9]+\/?$/.test(text) ? undefined : 'The cluster\'s OIDC issuer URL.',
    );
    if (!issuer) return undefined;
    const namespace = await askText(`${TITLE} — Namespace`, 'The Kubernetes namespace', 'default', (text) => (/^[a-z0-9-]+$/.test(text) ? undefined : 'A namespace name.'));
    if (!namespace) return undefined;
    const serviceAccount = await askText(`${TITLE} — Service account`, 'The Kubernetes service account', '', (text) => (/^[a-z0-9.-]+$/.test(text) ? undefined : 'A service account name.'));
    if (!serviceAccount) return undefined;
    return { trust: { kind: 'eks', account, issuer, namespace, serviceAccount }, defaultName: `eks-${serviceAccount}-role` };
  }
  const account = await askAccount(`${TITLE} — Your AWS account ID`, 'The account that holds the SAML provider');
  if (!account) return undefined;
  const provider = await askText(`${TITLE} — SAML provider name`, 'The SAML identity provider as named in IAM', '', (text) => (/^[\w.-]{1,128}$/.test(text) ? undefined : 'A provider name.'));
  return provider ? { trust: { kind: 'saml', account, provider }, defaultName: 'saml-federated-role' } : undefined;
}

interface Permissions {
  readonly managed: string[];
  readonly inlineActions?: readonly string[];
  readonly inlineResources?: readonly string[];
}

async function gatherPermissions(choices: NewRoleChoicesResult, useCase: GatheredTrust['useCase']): Promise<Permissions | undefined> {
  type Item = vscode.QuickPickItem & { arn?: string; inline?: boolean };
  const inline: Item[] = useCase
    ? [{ label: `$(new-file) New inline policy from ${useCase.label}'s common actions`, description: useCase.commonActions.join(', '), inline: true, picked: true }]
    : [];
  const managed = choices.managedPolicies.length > 0 ? choices.managedPolicies : FALLBACK_MANAGED.map((arn) => ({ arn, name: arn.split('/').pop()!, path: '' }));
  const items: Item[] = [
    ...inline,
    { label: 'AWS managed policies', kind: vscode.QuickPickItemKind.Separator },
    ...managed.map((policy) => ({ label: policy.name, description: policy.path ? `/${policy.path}/` : undefined, arn: policy.arn })),
  ];
  const picked = await vscode.window.showQuickPick(items, { title: `${TITLE} — Permissions`, placeHolder: 'Pick any number (none: add permissions later)', canPickMany: true, matchOnDescription: true, ignoreFocusOut: true });
  if (!picked) return undefined;
  const useInline = picked.some((item) => item.inline);
  return {
    managed: picked.flatMap((item) => (item.arn ? [item.arn] : [])),
    inlineActions: useInline && useCase ? useCase.commonActions : undefined,
    inlineResources: useInline && useCase ? useCase.commonResources : undefined,
  };
}

/** The active editor when it holds a CloudFormation template (JSON or YAML). */
function templateEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !['json', 'jsonc', 'yaml'].includes(editor.document.languageId)) return undefined;
  return /AWSTemplateFormatVersion|["']?Resources["']?\s*:/.test(editor.document.getText()) ? editor : undefined;
}

async function replaceText(editor: vscode.TextEditor, text: string): Promise<void> {
  const document = editor.document;
  const whole = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, whole, text);
  await vscode.workspace.applyEdit(edit);
  await document.save();
}

/** Beside the active file, else in the first workspace folder; then the trust policy opens. */
async function writeFiles(files: readonly { name: string; content: string }[]): Promise<void> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const folder = active?.scheme === 'file' ? vscode.Uri.joinPath(active, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) {
    const document = await vscode.workspace.openTextDocument({ language: 'json', content: files.map((file) => file.content).join('\n') });
    await vscode.window.showTextDocument(document);
    return;
  }
  const uris = [];
  for (const file of files) {
    const uri = vscode.Uri.joinPath(folder, file.name);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(file.content));
    uris.push(uri);
  }
  await vscode.window.showTextDocument(uris[0]!);
}
