import * as path from 'path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { NewPolicyTestCommand, RequestTemplateRequestMethod, type RequestTemplateParams, type RequestTemplateResult } from '../../server/src/protocol';

/**
 * "IAM: New Policy Test": a `NAME.iamtest.json` beside the open policy that expects the policy's first
 * action to be allowed on its first resource and s3:PutObject (or a write of the same service) denied —
 * a start the user edits. It shows in the Test Explorer at once.
 */
export function registerNewPolicyTestCommand(getClient: () => LanguageClient | undefined): vscode.Disposable {
  return vscode.commands.registerCommand(NewPolicyTestCommand, async (): Promise<vscode.Uri | undefined> => {
    const client = getClient();
    const document = vscode.window.activeTextEditor?.document;
    if (!client || !document || document.uri.scheme !== 'file') {
      void vscode.window.showWarningMessage('IAM: open a saved policy file to write a test for it.');
      return undefined;
    }
    const template = await client.sendRequest<RequestTemplateResult>(RequestTemplateRequestMethod, { uri: document.uri.toString() } satisfies RequestTemplateParams);
    const allowed = template.actions[0]?.action ?? 's3:GetObject';
    const resource = (template.resources.find((r) => r.origin === 'policy' && r.arn !== '*')?.arn ?? 'arn:aws:s3:::my-bucket/*').replace(/\*$/, 'report.csv');
    const service = allowed.split(':')[0];
    const denied = service === 's3' ? 's3:PutObject' : `${service}:Delete*`;
    const base = path.basename(document.uri.fsPath).replace(/\.(json|ya?ml)$/i, '');
    const test = {
      policies: { identity: [path.basename(document.uri.fsPath)] },
      tests: [
        { name: `${allowed} is allowed`, action: allowed, resource, expect: 'Allow' },
        { name: `${denied} is denied`, action: denied, resource, expect: 'Deny' },
      ],
    };
    const uri = vscode.Uri.joinPath(document.uri, '..', `${base}.iamtest.json`);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(JSON.stringify(test, null, 2) + '\n'));
    await vscode.window.showTextDocument(uri);
    return uri;
  });
}
