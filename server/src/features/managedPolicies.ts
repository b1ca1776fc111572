import { ManagedPolicyDocumentRequestMethod, type ManagedPolicyDocumentParams, type ManagedPolicyDocumentResult } from '../protocol';
import { runSafe } from '../runSafe';
import type { FeatureContext } from './context';

/** The document of an AWS managed policy, for the read-only view the hover links to. */
export function registerManagedPolicies({ connection, runtime }: FeatureContext): void {
  connection.onRequest(ManagedPolicyDocumentRequestMethod, (params: ManagedPolicyDocumentParams, token) =>
    runSafe<ManagedPolicyDocumentResult>(connection, 'managedPolicyDocument', { error: 'The managed policy could not be read; see the IAM Author output.' }, token, () => {
      const managed = runtime.managed;
      const name = typeof params?.name === 'string' ? params.name : '';
      const info = managed?.find(name);
      const text = info && managed!.documentText(info.name);
      if (!info || text === undefined) return { error: `${name || '(no name)'} is not an AWS managed policy this version knows.` };
      return { text, arn: info.arn, versionId: info.versionId };
    }),
  );
}
