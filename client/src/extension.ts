import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { serverEnvironment, type InitializationOptions } from '../../server/src/protocol';
import { DecisionDecorations } from './decisionDecorations';
import { LastRequestStore } from './lastRequest';
import { registerManagedPolicyDocuments } from './managedPolicyDocuments';
import { registerPolicyTests } from './policyTestController';
import type { SimulationServices } from './services';
import { registerSimulateAllCommand } from './simulateAllCommand';
import { registerSimulateCommand } from './simulateCommand';
import { registerNewRoleCommand } from './newRoleCommand';
import { registerNewPolicyTestCommand } from './newPolicyTestCommand';
import { SimulationView } from './simulationView';
import { registerSummaryCommand } from './summaryCommand';
import { registerReviewAccessCommand } from './reviewAccessCommand';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const env = serverEnvironment(process.env);
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { env } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { env, execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // The server decides per document whether it holds a policy; other JSON gets nothing from it.
    documentSelector: [
      { scheme: 'file', language: 'json' },
      { scheme: 'file', language: 'jsonc' },
      { scheme: 'untitled', language: 'json' },
      { scheme: 'untitled', language: 'jsonc' },
      // CloudFormation templates in YAML: diagnostics, hover and simulation (completion reads JSON only).
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
      // Terraform and OpenTofu, with their extensions' language ids or opened as plain text.
      { scheme: 'file', language: 'terraform' },
      { scheme: 'file', language: 'opentofu' },
      { scheme: 'untitled', language: 'terraform' },
      { scheme: 'untitled', language: 'opentofu' },
      { scheme: 'file', pattern: '**/*.{tf,tofu}' },
      // templatefile()'s policy templates: JSON whose ${...} Terraform fills in.
      { scheme: 'file', pattern: '**/*.{tftpl,tpl}' },
    ],
    outputChannelName: 'IAM Author',
    // VS Code's own JSON language features report JSON syntax errors; IAM001 would say it a second time.
    initializationOptions: { syntaxCheckedByEditor: ['json', 'jsonc'] } satisfies InitializationOptions,
    synchronize: {
      // The server re-reads iamAuthor.rules when it changes, and re-checks open files when a project's
      // .iam-author.json is saved, created or deleted.
      configurationSection: 'iamAuthor',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/.iam-author.json'),
    },
  };
  client = new LanguageClient('iamAuthor', 'IAM Author', serverOptions, clientOptions);
  const view = new SimulationView();
  const decorations = new DecisionDecorations();
  const services: SimulationServices = { getClient: () => client, lastRequests: new LastRequestStore(context.workspaceState), view, decorations };
  context.subscriptions.push(view, decorations, registerSimulateCommand(services), registerSimulateAllCommand(services), registerNewRoleCommand(() => client), registerNewPolicyTestCommand(() => client));
  const summaryView = new SimulationView('iamAuthor.summary');
  context.subscriptions.push(summaryView, registerSummaryCommand(services, summaryView));
  const reviewView = new SimulationView('iamAuthor.accessReview');
  context.subscriptions.push(reviewView, registerReviewAccessCommand(services, reviewView));
  context.subscriptions.push(registerManagedPolicyDocuments(() => client));
  await client.start();
  context.subscriptions.push(registerPolicyTests(client));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
