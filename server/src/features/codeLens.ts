import type { CodeLens } from 'vscode-languageserver';
import { spanToRange } from '../convert';
import { SimulateAccessCommand, type SimulateCommandArgs } from '../protocol';
import { runSafe } from '../runSafe';
import type { FeatureContext } from './context';
import { roleKindLens } from './roleLens';
import { summaryLens } from './summary';
import { accessLenses } from './accessReview';

/**
 * Above each policy, what it grants (or, for a trust policy, its role kind); a "Simulate" lens above each statement. Its arguments name the statement rather than one action
 * and resource, so the prompts open with that statement's values first and the user confirms them.
 */
export function registerCodeLens({ connection, documents, cache, runtime }: FeatureContext): void {
  connection.onCodeLens((params, token) =>
    runSafe<CodeLens[]>(connection, 'codeLens', [], token, () => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return [];
      const lenses: CodeLens[] = [];
      cache.get(document).policies.forEach((policy, policyIndex) => {
        const roleKind = roleKindLens(document, policy);
        if (roleKind) lenses.push(roleKind);
        const summary = summaryLens(document, policy, policyIndex, runtime.catalog);
        if (summary) lenses.push(summary);
        for (const statement of policy.statements) {
          const start = spanToRange(document, statement.node.span).start;
          const args: SimulateCommandArgs = { uri: document.uri, scope: { policyIndex, statementIndex: statement.index } };
          lenses.push({
            range: { start, end: start },
            command: { title: 'Simulate', command: SimulateAccessCommand, arguments: [args] },
          });
        }
      });
      lenses.push(...accessLenses(document));
      return lenses;
    }),
  );
}
