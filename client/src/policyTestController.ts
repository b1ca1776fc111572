import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  ListPolicyTestsRequestMethod,
  RunPolicyTestsRequestMethod,
  type ListPolicyTestsResult,
  type PolicyTestEntry,
  type Range,
  type RunPolicyTestsResult,
} from '../../server/src/protocol';

const GLOB = '**/*.iamtest.json';
const isTestFile = (uri: vscode.Uri) => /\.iamtest\.json$/i.test(uri.path);

/**
 * Policy test files (`*.iamtest.json`) in the Test Explorer: one item per file, one child per test.
 * The server lists and runs them, so the editor and `iam-author test` agree on every result.
 */
export function registerPolicyTests(client: LanguageClient): vscode.Disposable {
  const controller = vscode.tests.createTestController('iamAuthor.policyTests', 'IAM Policy Tests');
  const fileItem = (uri: vscode.Uri) => {
    const existing = controller.items.get(uri.toString());
    if (existing) return existing;
    const item = controller.createTestItem(uri.toString(), vscode.workspace.asRelativePath(uri), uri);
    item.canResolveChildren = true;
    controller.items.add(item);
    return item;
  };
  const refresh = async (uri: vscode.Uri) => {
    const item = fileItem(uri);
    const listed = await client.sendRequest<ListPolicyTestsResult>(ListPolicyTestsRequestMethod, { uri: uri.toString() });
    item.error = listed.error;
    setChildren(controller, item, listed.tests);
  };

  controller.resolveHandler = async (item) => {
    if (item) return refresh(item.uri!);
    const files = await vscode.workspace.findFiles(GLOB, '**/node_modules/**');
    await Promise.all(files.map((uri) => refresh(uri).catch(() => undefined)));
  };

  controller.createRunProfile('Run', vscode.TestRunProfileKind.Run, (request, token) => runTests(client, controller, request, token, refresh), true);

  const watcher = vscode.workspace.createFileSystemWatcher(GLOB);
  const quietly = (uri: vscode.Uri) => void refresh(uri).catch(() => undefined);
  vscode.workspace.textDocuments.filter((document) => isTestFile(document.uri)).forEach((document) => quietly(document.uri));
  return vscode.Disposable.from(
    controller,
    watcher,
    watcher.onDidCreate(quietly),
    watcher.onDidChange(quietly),
    watcher.onDidDelete((uri) => controller.items.delete(uri.toString())),
    vscode.workspace.onDidOpenTextDocument((document) => isTestFile(document.uri) && quietly(document.uri)),
    vscode.workspace.onDidChangeTextDocument((event) => isTestFile(event.document.uri) && event.contentChanges.length > 0 && quietly(event.document.uri)),
  );
}

function setChildren(controller: vscode.TestController, file: vscode.TestItem, tests: readonly PolicyTestEntry[]): void {
  file.children.replace(
    tests.map((test, index) => {
      // The index keeps ids unique when two tests share a name.
      const item = controller.createTestItem(`${file.id}#${index}`, test.name, file.uri);
      item.range = toRange(test.range);
      return item;
    }),
  );
}

async function runTests(
  client: LanguageClient,
  controller: vscode.TestController,
  request: vscode.TestRunRequest,
  token: vscode.CancellationToken,
  refresh: (uri: vscode.Uri) => Promise<void>,
): Promise<void> {
  const run = controller.createTestRun(request);
  const requested = request.include ?? [...gather(controller.items)];
  const excluded = new Set((request.exclude ?? []).map((item) => item.id));
  // A test runs with the rest of its file; only the requested ones are reported.
  const files = new Map<string, { file: vscode.TestItem; whole: boolean; only: Set<string> }>();
  for (const item of requested) {
    const file = item.parent ?? item;
    const entry = files.get(file.id) ?? { file, whole: false, only: new Set<string>() };
    if (item.parent) entry.only.add(item.id);
    else entry.whole = true;
    files.set(file.id, entry);
  }
  try {
    for (const { file, whole, only } of files.values()) {
      if (token.isCancellationRequested) break;
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === file.id);
      // Tests run from the file on disk, so unsaved edits are saved first.
      if (open?.isDirty) await open.save();
      await refresh(file.uri!);
      const outcome = await client.sendRequest<RunPolicyTestsResult>(RunPolicyTestsRequestMethod, { uri: file.id }, token);
      if (outcome.error) {
        run.errored(file, new vscode.TestMessage(outcome.error));
        continue;
      }
      outcome.results.forEach((result, index) => {
        const item = file.children.get(`${file.id}#${index}`);
        if (!item || excluded.has(item.id) || (!whole && !only.has(item.id))) return;
        run.started(item);
        const duration = outcome.elapsedMs / Math.max(1, outcome.results.length);
        if (result.pass) {
          run.passed(item, duration);
          return;
        }
        const message = vscode.TestMessage.diff(`Expected ${result.expect}, got ${result.actual}. ${result.summary}`, result.expect, result.actual);
        message.location = new vscode.Location(file.uri!, toRange(result.range));
        run.failed(item, message, duration);
        run.appendOutput(`FAIL ${file.label} › ${result.name}: expected ${result.expect}, got ${result.actual}\r\n`, message.location, item);
      });
    }
  } finally {
    run.end();
  }
}

function* gather(collection: vscode.TestItemCollection): Iterable<vscode.TestItem> {
  for (const [, item] of collection) yield item;
}

function toRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}
