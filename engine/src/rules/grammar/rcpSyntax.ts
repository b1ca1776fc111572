import type { Statement } from '../../document/model';
import { splitAction } from '../catalog/actionParts';
import { elementKeyTarget, valueTarget } from '../targets';
import type { Rule } from '../types';

export const rcpSyntax: Rule = {
  meta: {
    id: 'IAM015',
    name: 'rcp-syntax',
    severity: 'error',
    category: 'error',
    description:
      'Resource control policies deny only (Allow is reserved for RCPFullAWSAccess), take no NotAction or NotPrincipal, use "*" as the Principal and apply to the services that support them.',
  },
  scope: 'policy',
  check({ policy, catalog, report }) {
    if (policy.type !== 'rcp') return;
    // Which services RCPs govern is the catalogue's data (iam-data's list, written into the index at
    // build time); a catalogue without it cannot say, and no action is reported.
    const services = catalog.rcpServices();
    for (const statement of policy.statements) {
      const effect = statement.effect?.value;
      if (statement.effectValue === 'Allow' && effect && !isFullAccess(statement)) {
        report(valueTarget(effect), 'An RCP statement must use "Effect": "Deny": only RCPFullAWSAccess (Allow * on * to *) may allow.');
      }
      if (statement.action?.keyword === 'NotAction') {
        report(elementKeyTarget(statement, statement.action.property), 'RCPs do not support NotAction: list the denied actions under Action.');
      }
      if (statement.principal?.keyword === 'NotPrincipal') {
        report(
          elementKeyTarget(statement, statement.principal.property),
          'RCPs do not support NotPrincipal: use "Principal": "*" and narrow it with a condition such as aws:PrincipalOrgID.',
        );
      } else if (statement.principal && !statement.principal.wildcard) {
        const value = statement.principal.property.value;
        if (value) report(valueTarget(value), 'An RCP Principal must be "*": narrow who is denied with conditions such as aws:PrincipalAccount.');
      }
      for (const action of statement.action?.keyword === 'Action' ? statement.action.values : []) {
        const parts = splitAction(action.value);
        if (!services || !parts || parts.serviceHasWildcard || services.has(parts.service.toLowerCase())) continue;
        report(valueTarget(action), `RCPs do not apply to ${parts.service}: remove the action (it is not among the ${services.size} services whose resources RCPs govern).`);
      }
    }
  },
};

function isFullAccess(statement: Statement): boolean {
  const only = (values: readonly { value: string }[] | undefined) => values?.length === 1 && values[0]!.value === '*';
  return (
    statement.action?.keyword === 'Action' &&
    only(statement.action.values) &&
    statement.resource?.keyword === 'Resource' &&
    only(statement.resource.values) &&
    !statement.condition
  );
}
