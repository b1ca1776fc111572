import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import { HOSTILE_DOCUMENTS } from './hostileDocuments';

// Huge, deep and binary documents through parse, every rule, completion, hover and simulation, each
// within a time limit. The limits sit far above what linear code needs on a loaded 2-core machine and
// far below what anything quadratic or exponential in the input would take; a worker is stopped at
// its limit, so a regression fails fast instead of hanging the suite.

interface Outcome {
  readonly length: number;
  readonly ms?: number;
  readonly error?: string;
  readonly ruleFailures?: readonly string[];
}

function runBounded(name: string, limitMs: number): Promise<Outcome | 'timeout'> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'hostileWorker.js'), { workerData: { name }, resourceLimits: { maxOldGenerationSizeMb: 2048 } });
    // Generating the text and loading the catalogue are not the engine's time; allow for them on top.
    const timer = setTimeout(() => void worker.terminate().then(() => resolve('timeout')), limitMs + 10_000);
    worker.once('message', (outcome: Outcome) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(outcome);
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

describe('hostile documents are handled within time and without throwing', () => {
  for (const document of HOSTILE_DOCUMENTS) {
    it(document.name, async () => {
      const outcome = await runBounded(document.name, document.limitMs);
      assert.notEqual(outcome, 'timeout', `still running after ${document.limitMs} ms (plus setup); stopped`);
      if (outcome === 'timeout') return;
      assert.equal(outcome.error, undefined);
      assert.deepEqual(outcome.ruleFailures, [], 'no rule may fail on it');
      if (document.minLength) assert.ok(outcome.length >= document.minLength - 1_000, `only ${outcome.length} characters`);
      assert.ok(outcome.ms! <= document.limitMs, `took ${outcome.ms!.toFixed(0)} ms; the limit is ${document.limitMs} ms`);
    });
  }
});
