import { MarkupKind } from 'vscode-languageserver';
import { hover, managedPolicyHover } from '../../../engine/src';
import { spanToRange } from '../convert';
import { runSafe } from '../runSafe';
import type { FeatureContext } from './context';

export function registerHover({ connection, documents, cache, runtime }: FeatureContext): void {
  connection.onHover((params, token) =>
    runSafe(connection, 'hover', null, token, () => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return null;
      const file = cache.get(document);
      const offset = document.offsetAt(params.position);
      // An AWS managed policy ARN (or a name in SAM's Policies) wherever it is written.
      const managed = runtime.managed && managedPolicyHover(file, offset, runtime.catalog, runtime.managed);
      const result = managed ?? hover(file, offset, runtime.catalog, runtime.managed);
      if (!result) return null;
      return { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: spanToRange(document, result.span) };
    }),
  );
}
