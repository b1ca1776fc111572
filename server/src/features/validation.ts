import { computeDiagnostics } from '../diagnostics';
import type { FeatureContext } from './context';

const DEFAULT_VALIDATION_DELAY = 20;

/**
 * Validates a document shortly after it changes. Edits arriving faster than that restart the wait,
 * and a result computed for an older version is never published.
 */
export function registerValidation({ connection, documents, cache, runtime }: FeatureContext): void {
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  const delay = runtime.validationDelay ?? DEFAULT_VALIDATION_DELAY;

  const validate = (uri: string) => {
    pending.delete(uri);
    const document = documents.get(uri);
    if (!document) return;
    try {
      const diagnostics = computeDiagnostics(document, cache.get(document), runtime.catalog, runtime.docsLink);
      if (documents.get(uri)?.version === document.version) {
        void connection.sendDiagnostics({ uri, version: document.version, diagnostics });
      }
    } catch (error) {
      connection.console.error(`validation failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  };

  const schedule = (uri: string) => {
    clearTimeout(pending.get(uri));
    pending.set(uri, setTimeout(() => validate(uri), delay));
  };

  documents.onDidOpen((event) => schedule(event.document.uri));
  documents.onDidChangeContent((event) => schedule(event.document.uri));
  documents.onDidClose((event) => {
    clearTimeout(pending.get(event.document.uri));
    pending.delete(event.document.uri);
    cache.forget(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });
}
