import { TextDocuments, TextDocumentSyncKind, type Connection, type InitializeResult } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentCache } from './documentCache';
import { completionTriggerCharacters, registerCompletion } from './features/completion';
import type { FeatureContext, ServerRuntime } from './features/context';
import { WorkspaceRoots } from './workspaceRoots';
import { registerHover } from './features/hover';
import { registerSimulation } from './features/simulation';
import { registerCodeLens } from './features/codeLens';
import { registerPolicySummary } from './features/summary';
import { registerManagedPolicies } from './features/managedPolicies';
import { registerAccessReview } from './features/accessReview';
import { CODE_ACTION_KINDS, registerCodeActions } from './features/codeActions';
import { registerPolicyTests } from './features/policyTests';
import { RuleConfiguration, registerRuleSettings } from './features/ruleSettings';
import { registerValidation } from './features/validation';
import { registerNewRole } from './features/newRole';
import { readInitializationOptions } from './protocol';
import { loadHcl } from './hclFiles';
import { preloadHclWhenIdle } from './hclPreload';
import { saveCodeCacheNow } from './codeCacheSave';
import { warmUpTerraform } from '../../engine/src';

export type { ServerRuntime };

/**
 * Wires the engine to an LSP connection. Transport-agnostic: stdio, node IPC or in-memory streams.
 * Each feature lives in features/ and registers its own handlers; add new ones below.
 */
export function startServer(connection: Connection, runtime: ServerRuntime): void {
  const documents = new TextDocuments(TextDocument);
  const workspace = new WorkspaceRoots();
  const context: FeatureContext = { connection, client: { capabilities: {}, syntaxCheckedLanguages: new Set(), workspace }, documents, cache: new DocumentCache(), runtime, settings: new RuleConfiguration(workspace) };

  connection.onInitialize((params): InitializeResult => {
    context.client.capabilities = params.capabilities ?? {};
    context.client.syntaxCheckedLanguages = new Set(readInitializationOptions(params.initializationOptions).syntaxCheckedByEditor);
    workspace.setFromInitialize(params);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: completionTriggerCharacters, resolveProvider: true },
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS },
      },
      serverInfo: { name: 'iam-author', version: runtime.version },
    };
  });

  // Once the first diagnostics are out, the HCL parser is loaded while the server is idle (see hclPreload.ts).
  const validation = registerValidation(context, () =>
    preloadHclWhenIdle({
      load: () => {
        saveCodeCacheNow();
        return loadHcl();
      },
      warmUp: () => warmUpTerraform(runtime.catalog),
      terraformSeen: () => context.cache.hasReadTerraform(),
      done: (elapsedMs) => connection.console.info(`The HCL parser was loaded in the background, while idle (${Math.round(elapsedMs)} ms).`),
      failed: (error) => connection.console.error(`the HCL parser did not load: ${error instanceof Error ? error.message : String(error)}`),
    }),
  );
  registerRuleSettings(context, validation.revalidateAll);
  registerCompletion(context);
  registerHover(context);
  registerSimulation(context);
  registerCodeLens(context);
  registerPolicySummary(context);
  registerManagedPolicies(context);
  registerAccessReview(context);
  registerPolicyTests(context);
  registerCodeActions(context);
  registerNewRole(context);

  documents.listen(connection);
  connection.listen();
}
