import { loadCatalog } from '../runtime';
import { oneOf, parseArgs, single, UsageError } from './args';
import type { CommandIO } from './io';
import { runPolicyTestFile, type PolicyTestResult } from './policyTests';

export function runTests(argv: readonly string[], io: CommandIO): number {
  const args = parseArgs(argv, { values: { '--format': false } });
  const format = oneOf(single(args, '--format'), ['text', 'json'] as const, '--format', 'text');
  if (args.positionals.length === 0) throw new UsageError('test needs one or more *.iamtest.json files');
  const results: PolicyTestResult[] = [];
  let usageProblem = false;
  const catalog = loadCatalog();
  for (const file of args.positionals) {
    try {
      results.push(...runPolicyTestFile(file, catalog));
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      io.err(`iam-author: ${error.message}\n`);
      usageProblem = true;
    }
  }
  const passed = results.filter((result) => result.pass).length;
  const failed = results.length - passed;
  if (format === 'json') {
    const shaped = results.map(({ file, name, expect, actual, pass, problem }) => ({ file, name, expect, actual, pass, ...(problem ? { problem } : {}) }));
    io.out(JSON.stringify({ results: shaped }, null, 2) + '\n');
  } else {
    for (const result of results) {
      const detail = result.pass ? '' : result.problem ? `: ${result.problem}` : `: expected ${result.expect}, got ${result.actual}. ${result.summary}`;
      io.out(`${result.pass ? 'PASS' : 'FAIL'} ${result.file} › ${result.name}${detail}\n`);
    }
    io.out(`${passed} passed, ${failed} failed\n`);
  }
  if (usageProblem) return 2;
  return failed > 0 ? 1 : 0;
}
