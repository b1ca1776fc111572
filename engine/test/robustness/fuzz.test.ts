import * as assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { realCatalog } from '../fixtures/catalog';
import { loadTestHcl } from '../fixtures/hcl';
import { CORPUS } from './corpus';
import { exercise } from './exercise';
import { pickMutation } from './mutate';
import { caseSeed, Prng } from './prng';

// Mutated real policies through parse, every rule, completion, hover and simulation: nothing may
// throw, no rule may fail (lintFile contains rule failures and logs them, so the log is watched too),
// and every span returned must lie inside the document.
//
//   IAM_AUTHOR_FUZZ_CASES=200000 node --test out/engine/test/robustness/fuzz.test.js   longer run
//   IAM_AUTHOR_FUZZ_SEED=123 ...                                                       another seed
//   IAM_AUTHOR_FUZZ_CASE=4711 ...                                                      replay one case

const DEFAULT_SEED = 0x1a2b3c4d;
const DEFAULT_CASES = 10_000;
const MAX_REPORTED = 5;

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

interface Failure {
  readonly index: number;
  readonly corpus: string;
  readonly mutations: string[];
  readonly text: string;
  readonly error: string;
}

function preview(text: string): string {
  const shown = text.length > 600 ? `${text.slice(0, 300)} … (${text.length} chars) … ${text.slice(-300)}` : text;
  return JSON.stringify(shown);
}

function describeFailure(failure: Failure, seed: number): string {
  return [
    `case ${failure.index} (replay: IAM_AUTHOR_FUZZ_SEED=${seed} IAM_AUTHOR_FUZZ_CASE=${failure.index})`,
    `  from ${failure.corpus} via ${failure.mutations.join(', ')}`,
    `  text: ${preview(failure.text)}`,
    `  ${failure.error.split('\n').slice(0, 8).join('\n  ')}`,
  ].join('\n');
}

// The corpus holds a Terraform file.
before(loadTestHcl);

describe('fuzzing the engine with mutated policies', () => {
  const seed = envInt('IAM_AUTHOR_FUZZ_SEED', DEFAULT_SEED);
  const only = process.env.IAM_AUTHOR_FUZZ_CASE ? envInt('IAM_AUTHOR_FUZZ_CASE', 0) : undefined;
  const cases = envInt('IAM_AUTHOR_FUZZ_CASES', DEFAULT_CASES);

  it(`survives ${only !== undefined ? `case ${only}` : `${cases} cases`} with seed ${seed}`, { timeout: Math.max(600_000, cases * 60) }, () => {
    const catalog = realCatalog();
    const failures: Failure[] = [];
    const mutationCounts = new Map<string, number>();
    const logged: string[] = [];
    const originalError = console.error;
    console.error = (...args: unknown[]) => void logged.push(args.map(String).join(' '));
    const started = Date.now();
    let failed = 0;
    try {
      const indices = only !== undefined ? [only] : Array.from({ length: cases }, (_, i) => i);
      for (const index of indices) {
        const rng = new Prng(caseSeed(seed, index));
        const entry = rng.pick(CORPUS);
        let text = entry.text;
        const mutations: string[] = [];
        for (let count = 1 + rng.skewed(6); count > 0; count--) {
          const mutation = pickMutation(rng);
          text = mutation.apply(text, rng);
          mutations.push(mutation.name);
          mutationCounts.set(mutation.name, (mutationCounts.get(mutation.name) ?? 0) + 1);
        }
        logged.length = 0;
        let error: string | undefined;
        try {
          exercise(text, entry.fileName, catalog, rng);
        } catch (thrown) {
          error = thrown instanceof Error ? (thrown.stack ?? thrown.message) : String(thrown);
        }
        if (error === undefined && logged.length > 0) error = `logged instead of throwing: ${logged.join('\n')}`;
        if (error !== undefined) {
          failed++;
          if (failures.length < MAX_REPORTED) failures.push({ index, corpus: entry.name, mutations, text, error });
        }
      }
    } finally {
      console.error = originalError;
    }
    const seconds = (Date.now() - started) / 1000;
    const summary = [...mutationCounts].map(([name, count]) => `${name} ${count}`).join(', ');
    if (failed > 0) {
      assert.fail(`${failed} of ${only !== undefined ? 1 : cases} fuzz cases failed in ${seconds.toFixed(1)} s; the first ${failures.length}:\n\n${failures.map((failure) => describeFailure(failure, seed)).join('\n\n')}`);
    }
    // Every mutation must have been tried, or the generator has silently narrowed.
    if (only === undefined && cases >= 1_000) assert.equal(mutationCounts.size, 12, summary);
    console.log(`fuzz: ${cases} cases in ${seconds.toFixed(1)} s (${summary})`);
  });
});
