import { parentPort, workerData } from 'node:worker_threads';
import { complete, hover, lintDocument, parsePolicyFile, simulate } from '../../src';
import { realCatalog } from '../fixtures/catalog';
import { loadTestHcl } from '../fixtures/hcl';
import { HOSTILE_DOCUMENTS } from './hostileDocuments';

// Runs one hostile document through everything the server does with a document, in a worker so the
// test can stop it at its time limit instead of hanging the suite on a super-linear case.

const document = HOSTILE_DOCUMENTS.find((candidate) => candidate.name === workerData.name)!;
// The linter contains a rule that throws and says so on stderr: collect those, so a rule that breaks on
// a hostile document fails the test instead of passing with its findings silently missing.
const ruleFailures: string[] = [];
const consoleError = console.error;
console.error = (...args: unknown[]) => {
  const line = args.map(String).join(' ');
  if (/rule IAM\d+ failed/.test(line)) ruleFailures.push(line.split('\n').slice(0, 2).join(' '));
  else consoleError(...args);
};
const catalog = realCatalog();
const text = document.make();
void loadTestHcl().then(run);

function run(): void {
const started = performance.now();
try {
  const file = parsePolicyFile(text, { fileName: document.fileName ?? 'hostile.json' });
  lintDocument(file, catalog);
  const marker = text.indexOf('s3:');
  for (const offset of [0, marker < 0 ? 1 : marker + 2, text.length >> 1, text.length]) {
    complete(file, offset, catalog);
    hover(file, offset, catalog);
  }
  simulate(
    { identity: file.policies.map((policy) => ({ policy, source: 'hostile.json' })) },
    { action: 's3:GetObject', resource: 'arn:aws:s3:::bucket-4/key', context: { 'aws:RequestedRegion': 'eu-west-1', 'aws:SourceIp': '10.5.1.1' } },
  );
  parentPort!.postMessage({ length: text.length, ms: performance.now() - started, policies: file.policies.length, ruleFailures });
} catch (error) {
  parentPort!.postMessage({ length: text.length, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
}
