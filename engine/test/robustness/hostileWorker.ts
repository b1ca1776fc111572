import { parentPort, workerData } from 'node:worker_threads';
import { complete, hover, lintDocument, parsePolicyFile, simulate } from '../../src';
import { realCatalog } from '../fixtures/catalog';
import { loadTestHcl } from '../fixtures/hcl';
import { HOSTILE_DOCUMENTS } from './hostileDocuments';

// Runs one hostile document through everything the server does with a document, in a worker so the
// test can stop it at its time limit instead of hanging the suite on a super-linear case.

const document = HOSTILE_DOCUMENTS.find((candidate) => candidate.name === workerData.name)!;
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
  parentPort!.postMessage({ length: text.length, ms: performance.now() - started, policies: file.policies.length });
} catch (error) {
  parentPort!.postMessage({ length: text.length, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
}
