import { performance } from 'perf_hooks';
import { fileURLToPath } from 'url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getValue, parseJson } from '../../../engine/src';
import { UsageError } from '../cli/args';
import { runPolicyTestFile } from '../cli/policyTests';
import { spanToRange } from '../convert';
import { readRegularFile } from '../readLimited';
import {
  ListPolicyTestsRequestMethod,
  RunPolicyTestsRequestMethod,
  type ListPolicyTestsResult,
  type PolicyTestEntry,
  type PolicyTestsParams,
  type RunPolicyTestsResult,
} from '../protocol';
import { runSafe } from '../runSafe';
import type { FeatureContext } from './context';

/**
 * Policy test files for an editor's test UI. Tests run from the file on disk (policies they name by
 * path are read from disk too), so the client saves a test file before running it.
 */
export function registerPolicyTests({ connection, documents, runtime, client }: FeatureContext): void {
  connection.onRequest(ListPolicyTestsRequestMethod, (params: PolicyTestsParams, token) =>
    runSafe<ListPolicyTestsResult>(connection, 'listPolicyTests', { tests: [] }, token, () => {
      const open = documents.get(params?.uri);
      const text = open?.getText() ?? readDisk(params?.uri);
      if (text === undefined) return { tests: [], error: 'The test file cannot be read.' };
      return listTests(text, params.uri);
    }),
  );

  connection.onRequest(RunPolicyTestsRequestMethod, (params: PolicyTestsParams, token) =>
    runSafe<RunPolicyTestsResult>(connection, 'runPolicyTests', { results: [], error: 'Running the tests failed; see the server log.', elapsedMs: 0 }, token, () => {
      const started = performance.now();
      const elapsed = () => Math.round((performance.now() - started) * 10) / 10;
      const path = filePath(params?.uri);
      const text = path === undefined ? undefined : readDisk(params.uri);
      if (path === undefined || text === undefined) return { results: [], error: 'Only saved files on disk can be run.', elapsedMs: 0 };
      const listed = listTests(text, params.uri).tests;
      let results;
      try {
        // The test file is workspace content: the policies it names are read only inside the workspace.
        results = runPolicyTestFile(path, runtime.catalog, { allowedRoots: client.workspace.rootsFor(path) });
      } catch (error) {
        if (error instanceof UsageError) return { results: [], error: error.message, elapsedMs: elapsed() };
        throw error;
      }
      const document = TextDocument.create(params.uri, 'json', 0, text);
      return {
        results: results.map((result, index) => ({
          // Results come in the order of the file's tests; the listing gives each its whole range.
          name: result.name,
          range: listed[index]?.range ?? spanToRange(document, { offset: result.offset, length: 0 }),
          expect: result.expect,
          actual: result.actual,
          pass: result.pass,
          summary: result.problem ?? result.summary,
        })),
        elapsedMs: elapsed(),
      };
    }),
  );
}

function listTests(text: string, uri: string): ListPolicyTestsResult {
  const { root } = parseJson(text);
  const tests = getValue(root, 'tests');
  if (tests?.kind !== 'array') return { tests: [], error: '"tests" must be an array.' };
  const document = TextDocument.create(uri, 'json', 0, text);
  return {
    tests: tests.items.map((test, index): PolicyTestEntry => {
      const name = getValue(test, 'name');
      return { name: name?.kind === 'string' ? name.value : `test ${index + 1}`, range: spanToRange(document, test.span) };
    }),
  };
}

function filePath(uri: unknown): string | undefined {
  if (typeof uri !== 'string' || !uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

function readDisk(uri: unknown): string | undefined {
  const path = filePath(uri);
  if (path === undefined) return undefined;
  return readRegularFile(path).text;
}
