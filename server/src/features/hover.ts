import { MarkupKind } from 'vscode-languageserver';
import { hover } from '../../../engine/src';
import { spanToRange } from '../convert';
import { runSafe } from '../runSafe';
import type { FeatureContext } from './context';

export function registerHover({ connection, documents, cache, runtime }: FeatureContext): void {
  connection.onHover((params, token) =>
    runSafe(connection, 'hover', null, token, () => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return null;
      const result = hover(cache.get(document), document.offsetAt(params.position), runtime.catalog, runtime.managed);
      if (!result) return null;
      return { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: spanToRange(document, result.span) };
    }),
  );
}
