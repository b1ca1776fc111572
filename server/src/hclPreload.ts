import { performance, type EventLoopUtilization } from 'perf_hooks';

/**
 * Loading the HCL parser (two WebAssembly modules) and the first read of a Terraform document through
 * it cost several hundred milliseconds on a small machine, most of it compiling and warming code, not
 * reading the document. Left to the first Terraform document, all of it is waited for by its user.
 *
 * So the server loads the parser in the background, on these terms:
 * - not before it has published its first diagnostics: a JSON user's first answer is not delayed, and
 *   a session that never opens a document loads nothing;
 * - only while the server is idle: each step (load, then each warm-up pass) waits until the event loop
 *   has been nearly unused for a while, so typing, hovers and completions are not held up behind it;
 * - a JSON-only session pays for it once, a few MB of memory and some 100 ms of one core while idle.
 *
 * A Terraform document opened while the load is under way waits for the same load (loadHcl shares
 * one promise), then is read at once. The warm-up passes are left out once a Terraform document
 * has been read: it warms the same code, and a warm-up would only throw away its incremental state.
 */

/** How often the event loop's use is sampled. */
const POLL_MS = 100;
/** A step starts after this many consecutive polls below BUSY_SHARE: 200 ms of quiet. */
const QUIET_POLLS = 2;
const BUSY_SHARE = 0.1;
/**
 * Reading and linting the built-in snippet: the first pass compiles, the next ones let the JIT optimise
 * (8 passes against 3: the first 2,000-line document read some 30 ms sooner, measured; a pass is a few ms).
 */
const WARM_UP_PASSES = 8;
/** Between two warm-up passes, 100 ms of quiet is enough: a pass is short. */
const QUIET_POLLS_BETWEEN_PASSES = 1;

export interface HclPreload {
  /** Loads the parser (the same load a Terraform document would start). */
  load(): Promise<void>;
  /** One warm-up pass; false when there is nothing (more) to do. */
  warmUp(): boolean;
  /** True once a Terraform document has been read: the warm-up is then pointless. */
  terraformSeen(): boolean;
  /** Reports the time the background work took, once it is done. */
  done?(elapsedMs: number): void;
  /** Reports a failed load (the first Terraform document will try again). */
  failed?(error: unknown): void;
}

/** Runs `step` once the event loop has been quiet for `quietPolls` polls in a row. */
export function whenIdle(step: () => void, quietPolls = QUIET_POLLS): void {
  let quiet = 0;
  let last: EventLoopUtilization = performance.eventLoopUtilization();
  const poll = () => {
    const now = performance.eventLoopUtilization();
    const busy = performance.eventLoopUtilization(now, last).utilization;
    last = now;
    quiet = busy < BUSY_SHARE ? quiet + 1 : 0;
    if (quiet >= quietPolls) step();
    else setTimeout(poll, POLL_MS).unref();
  };
  // Unreferenced: a server asked to exit does not stay for its background work.
  setTimeout(poll, POLL_MS).unref();
}

/** Starts the background load; call once, after the first diagnostics are published. */
export function preloadHclWhenIdle(preload: HclPreload): void {
  let busyMs = 0;
  const timed = <T>(work: () => T): T => {
    const started = performance.now();
    try {
      return work();
    } finally {
      busyMs += performance.now() - started;
    }
  };
  let passes = 0;
  const warmUp = () => {
    if (passes >= WARM_UP_PASSES || preload.terraformSeen() || !timed(() => preload.warmUp())) {
      preload.done?.(busyMs);
      return;
    }
    passes++;
    whenIdle(warmUp, QUIET_POLLS_BETWEEN_PASSES);
  };
  whenIdle(() => {
    const started = performance.now();
    preload.load().then(
      () => {
        // The load awaits WebAssembly compilation; the time counted is the wall time to loaded.
        busyMs += performance.now() - started;
        whenIdle(warmUp);
      },
      (error: unknown) => preload.failed?.(error),
    );
  });
}
