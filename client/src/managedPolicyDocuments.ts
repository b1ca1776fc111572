import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ManagedPolicyDocumentRequestMethod, type ManagedPolicyDocumentResult } from '../../server/src/protocol';

/** The scheme of engine/src/managed/hover.ts: the hover's "Open the policy document" link. */
export const MANAGED_POLICY_SCHEME = 'iam-managed-policy';

/**
 * AWS managed policy documents, opened read-only from the hover's link
 * (`iam-managed-policy:/AmazonS3ReadOnlyAccess.json`): the text comes from the server's data.
 */
export function registerManagedPolicyDocuments(getClient: () => LanguageClient | undefined): vscode.Disposable {
  return vscode.workspace.registerTextDocumentContentProvider(MANAGED_POLICY_SCHEME, {
    async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
      const name = decodeURIComponent(uri.path.replace(/^\//, '').replace(/\.json$/, ''));
      const client = getClient();
      if (!client) return `// IAM Author is not running: ${name} cannot be shown.\n`;
      const result = await client.sendRequest<ManagedPolicyDocumentResult>(ManagedPolicyDocumentRequestMethod, { name });
      return result.text ?? `// ${result.error ?? 'unknown managed policy'}\n`;
    },
  });
}
