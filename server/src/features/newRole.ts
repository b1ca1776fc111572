import { buildRole, insertRoleIntoTemplate, lintDocument, parsePolicyFile, readNewRoleSpec, SERVICE_USE_CASES, servicePrincipal, explainEc2InstanceRole, explainServiceRole, type ManagedPolicies } from '../../../engine/src';
import { loadManagedPolicies } from '../managedPolicyFiles';
import { NewRoleChoicesRequestMethod, NewRoleRequestMethod, type NewRoleChoicesResult, type NewRoleParams, type NewRoleResult } from '../protocol';
import { runSafe } from '../runSafe';
import type { FeatureContext } from './context';

let managed: ManagedPolicies | undefined;

/**
 * "IAM: New Role...": the choices the flow offers, and the role it writes, as JSON files or inserted
 * into an open CloudFormation template. What is generated is linted before it goes out.
 */
export function registerNewRole({ connection, documents, runtime }: FeatureContext): void {
  connection.onRequest(NewRoleChoicesRequestMethod, (_params: unknown, token) =>
    runSafe<NewRoleChoicesResult>(connection, 'newRoleChoices', { useCases: [], managedPolicies: [] }, token, () => {
      managed ??= loadManagedPolicies();
      return {
        useCases: SERVICE_USE_CASES.map((useCase) => ({
          id: useCase.id,
          label: useCase.label,
          description: useCase.description,
          principal: useCase.principal,
          instanceProfile: useCase.instanceProfile === true,
          commonActions: useCase.commonActions,
          commonResources: useCase.commonResources,
          explanation: useCase.instanceProfile ? explainEc2InstanceRole() : explainServiceRole(useCase.principal, servicePrincipal(useCase.principal)),
          serviceLinkedNote: useCase.serviceLinkedNote,
        })),
        managedPolicies: managed.list().map(({ name, arn, path }) => ({ name, arn, path })),
      };
    }),
  );

  connection.onRequest(NewRoleRequestMethod, (params: NewRoleParams, token) =>
    runSafe<NewRoleResult>(connection, 'newRole', { error: 'Creating the role failed; see the server log.' }, token, () => {
      const spec = readNewRoleSpec(params?.spec);
      if (typeof spec === 'string') return { error: spec };
      const role = buildRole(spec);
      if (params.target?.kind === 'template') {
        const document = documents.get(params.target.uri);
        if (!document) return { error: 'The template is not open.' };
        const format = document.languageId === 'yaml' || /\.ya?ml$/i.test(document.uri) ? 'yaml' : 'json';
        const inserted = insertRoleIntoTemplate(document.getText(), format, role);
        if ('error' in inserted) return { error: inserted.error };
        return { templateText: inserted.text, findings: findingsAboveInfo(inserted.text, `template.${format === 'yaml' ? 'yaml' : 'json'}`) };
      }
      const files = [{ name: `${role.name}-trust-policy.json`, content: JSON.stringify(role.trustPolicy, null, 2) + '\n' }];
      if (role.permissionsPolicy) files.push({ name: `${role.name}-permissions-policy.json`, content: JSON.stringify(role.permissionsPolicy, null, 2) + '\n' });
      return { files, findings: files.flatMap((file) => findingsAboveInfo(file.content, file.name)) };
    }),
  );

  function findingsAboveInfo(text: string, fileName: string): string[] {
    return lintDocument(parsePolicyFile(text, { fileName }), runtime.catalog)
      .filter((finding) => finding.severity === 'error' || finding.severity === 'warning')
      .map((finding) => `${finding.ruleId}: ${finding.message}`);
  }
}
