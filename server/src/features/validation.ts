import { computeDiagnostics, isPolicyTestFile, testFileDiagnostics } from '../diagnostics';
import { capDiagnostics } from '../diagnosticsCap';
import type { FeatureContext } from './context';
import { isProjectConfig, projectConfigDiagnostics } from './ruleSettings';

const DEFAULT_VALIDATION_DELAY = 20;

/**
 * Validates a document shortly after it changes. Edits arriving faster than that restart the wait,
 * and a result computed for an older version is never published.
 */
export function registerValidation(
  { connection, client, documents, cache, runtime, settings }: FeatureContext,
  afterFirstDiagnostics?: () => void,
): { revalidateAll(): void } {
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  let published = false;
  const delay = runtime.validationDelay ?? DEFAULT_VALIDATION_DELAY;

  const validate = (uri: string) => {
    pending.delete(uri);
    const document = documents.get(uri);
    if (!document) return;
    // The first Terraform document loads the HCL parser; validate once it is there.
    const loading = cache.ready(document);
    if (loading) {
      loading.then(
        () => validate(uri),
        (error: unknown) => connection.console.error(`the HCL parser did not load: ${error instanceof Error ? error.message : String(error)}`),
      );
      return;
    }
    try {
      const diagnostics = isProjectConfig(uri)
        ? projectConfigDiagnostics(document)
        : computeDiagnostics(document, cache.get(document), runtime.catalog, runtime.docsLink, settings.lintOptionsFor(uri), client.syntaxCheckedLanguages);
      if (isPolicyTestFile(uri)) diagnostics.push(...testFileDiagnostics(document, cache.get(document), runtime.catalog, runtime.docsLink));
      if (documents.get(uri)?.version === document.version) {
        void connection.sendDiagnostics({ uri, version: document.version, diagnostics: capDiagnostics(diagnostics) });
        if (!published) {
          published = true;
          afterFirstDiagnostics?.();
        }
      }
    } catch (error) {
      connection.console.error(`validation failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  };

  const schedule = (uri: string, wait: number) => {
    clearTimeout(pending.get(uri));
    pending.set(uri, setTimeout(() => validate(uri), wait));
  };

  // A newly opened file has no typing to wait out: validate it at once. TextDocuments reports the
  // open as a content change too, with the same version; that one must not add the debounce.
  const openedVersions = new Map<string, number>();
  documents.onDidOpen((event) => {
    openedVersions.set(event.document.uri, event.document.version);
    schedule(event.document.uri, 0);
  });
  documents.onDidChangeContent((event) => {
    const { uri, version } = event.document;
    if (openedVersions.get(uri) === version) return;
    openedVersions.delete(uri);
    schedule(uri, delay);
  });
  documents.onDidClose((event) => {
    clearTimeout(pending.get(event.document.uri));
    pending.delete(event.document.uri);
    openedVersions.delete(event.document.uri);
    cache.forget(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  return {
    // Settings changed: every open document, at once (nobody is typing).
    revalidateAll: () => {
      for (const document of documents.all()) schedule(document.uri, 0);
    },
  };
}
