import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  TextDocuments,
  TextDocumentSyncKind,
  type CompletionItem,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { complete, hover, type Candidate, type Catalog } from '../../engine/src';
import { spanToRange } from './convert';
import { computeDiagnostics, type RuleDocsLink } from './diagnostics';
import { DocumentCache } from './documentCache';
import {
  ActionsInDocumentRequestMethod,
  SimulateRequestMethod,
  type ActionsInDocumentParams,
  type ActionsInDocumentResult,
  type SimulateParams,
  type SimulateResult,
} from './protocol';
import { runSafe } from './runSafe';
import { simulateDocument } from './simulateHandler';

export interface ServerRuntime {
  readonly catalog: Catalog;
  readonly docsLink: RuleDocsLink;
  /** Milliseconds to wait after an edit before validating; later edits restart the wait. */
  readonly validationDelay?: number;
  readonly version: string;
}

const DEFAULT_VALIDATION_DELAY = 20;

/** Wires the engine to an LSP connection. Transport-agnostic: stdio, node IPC or in-memory streams. */
export function startServer(connection: Connection, runtime: ServerRuntime): void {
  const documents = new TextDocuments(TextDocument);
  const cache = new DocumentCache();
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  const delay = runtime.validationDelay ?? DEFAULT_VALIDATION_DELAY;

  connection.onInitialize(
    (): InitializeResult => ({
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['"', ':', '/', '$', '{'] },
        hoverProvider: true,
      },
      serverInfo: { name: 'iam-author', version: runtime.version },
    }),
  );

  const validate = (uri: string) => {
    pending.delete(uri);
    const document = documents.get(uri);
    if (!document) return;
    try {
      const diagnostics = computeDiagnostics(document, cache.get(document), runtime.catalog, runtime.docsLink);
      // The version check keeps a result computed for an older text from being published.
      if (documents.get(uri)?.version === document.version) {
        void connection.sendDiagnostics({ uri, version: document.version, diagnostics });
      }
    } catch (error) {
      connection.console.error(`validation failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  };

  const scheduleValidation = (uri: string) => {
    clearTimeout(pending.get(uri));
    pending.set(uri, setTimeout(() => validate(uri), delay));
  };

  documents.onDidOpen((event) => scheduleValidation(event.document.uri));
  documents.onDidChangeContent((event) => scheduleValidation(event.document.uri));
  documents.onDidClose((event) => {
    clearTimeout(pending.get(event.document.uri));
    pending.delete(event.document.uri);
    cache.forget(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  connection.onCompletion((params, token) =>
    runSafe(connection, 'completion', null, token, () => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return null;
      const result = complete(cache.get(document), document.offsetAt(params.position), runtime.catalog);
      if (!result) return null;
      const range = spanToRange(document, result.replace);
      return { isIncomplete: false, items: result.candidates.map((candidate) => toCompletionItem(candidate, range)) };
    }),
  );

  connection.onHover((params, token) =>
    runSafe(connection, 'hover', null, token, () => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return null;
      const result = hover(cache.get(document), document.offsetAt(params.position), runtime.catalog);
      if (!result) return null;
      return { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: spanToRange(document, result.span) };
    }),
  );

  connection.onRequest(SimulateRequestMethod, (params: SimulateParams, token) =>
    runSafe<SimulateResult>(connection, 'simulate', emptySimulation('The simulation failed; see the server log.'), token, () => {
      const document = documents.get(params?.uri);
      if (!document) return emptySimulation('The document is not open.');
      if (typeof params.action !== 'string' || typeof params.resource !== 'string') {
        return emptySimulation('A simulation needs an action and a resource.');
      }
      return simulateDocument(document, cache.get(document), params);
    }),
  );

  connection.onRequest(ActionsInDocumentRequestMethod, (params: ActionsInDocumentParams, token) =>
    runSafe<ActionsInDocumentResult>(connection, 'actionsInDocument', { actions: [], resources: [] }, token, () => {
      const document = documents.get(params?.uri);
      if (!document) return { actions: [], resources: [] };
      const file = cache.get(document);
      const statements = file.policies.flatMap((policy) => policy.statements);
      const unique = (values: string[]) => [...new Set(values)];
      return {
        actions: unique(statements.flatMap((statement) => statement.action?.values.map((value) => value.value) ?? [])),
        resources: unique(statements.flatMap((statement) => statement.resource?.values.map((value) => value.value) ?? [])),
      };
    }),
  );

  documents.listen(connection);
  connection.listen();
}

function emptySimulation(error: string): SimulateResult {
  return { decision: 'ImplicitDeny', summary: '', decidingStatements: [], statements: [], missingContextKeys: [], error };
}

const KINDS: Record<Candidate['kind'], CompletionItemKind> = {
  service: CompletionItemKind.Module,
  action: CompletionItemKind.Function,
  wildcard: CompletionItemKind.Constant,
  keyword: CompletionItemKind.Keyword,
  value: CompletionItemKind.Value,
  snippet: CompletionItemKind.Snippet,
};

function toCompletionItem(candidate: Candidate, range: ReturnType<typeof spanToRange>): CompletionItem {
  return {
    label: candidate.label,
    kind: KINDS[candidate.kind],
    detail: candidate.detail,
    documentation: candidate.documentation ? { kind: MarkupKind.Markdown, value: candidate.documentation } : undefined,
    textEdit: { range, newText: candidate.insertText ?? candidate.label },
    insertTextFormat: candidate.isSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    sortText: candidate.sortText,
    command: candidate.retrigger ? { title: 'Suggest', command: 'editor.action.triggerSuggest' } : undefined,
  };
}
