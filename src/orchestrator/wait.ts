// `--wait`: polls a deployment until it reaches a final state, disappears (a finished delete),
// the time limit passes, or the caller aborts (Ctrl-C). Waiting never acts on the deployment.
// A transient failure of one poll (dropped connection, timeout, 5xx) is retried up to
// MAX_TRANSIENT times in a row before it ends the wait.
import { isFinal, OrchestratorError, type Deployment, type OrchestratorClient } from './api.js';

/** How to wait. */
export interface WaitOptions {
  /** Pause between two polls. */
  readonly intervalMs: number;
  /** Stop waiting after this long. */
  readonly timeoutMs: number;
  /** Aborted by Ctrl-C: waiting stops at once. */
  readonly signal: AbortSignal;
  /** Called after every successful poll. */
  readonly onProgress: (d: Deployment, elapsedMs: number) => void;
  /** The clock (tests may pass a fake one). @default Date.now */
  readonly now?: () => number;
}

/** How a wait ended. */
export type WaitResult =
  | { readonly kind: 'final'; readonly deployment: Deployment }
  | { readonly kind: 'gone' }
  | { readonly kind: 'timeout'; readonly last: Deployment | undefined }
  | { readonly kind: 'interrupted'; readonly last: Deployment | undefined };

/** Consecutive transient poll failures tolerated. */
export const MAX_TRANSIENT = 3;

const TRANSIENT = new Set(['unreachable', 'timeout', 'server']);

/** Resolves after `ms`, or at once when `signal` aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Races `p` against the abort signal. */
function unlessAborted<T>(p: Promise<T>, signal: AbortSignal): Promise<T | typeof ABORTED> {
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve(ABORTED);
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      (v) => (signal.removeEventListener('abort', onAbort), resolve(v)),
      (e) => (signal.removeEventListener('abort', onAbort), reject(e)),
    );
  });
}
const ABORTED = Symbol('aborted');

/** Polls deployment `id` (see the module header). Rejects with the OrchestratorError that ended it. */
export async function waitForDeployment(client: OrchestratorClient, id: string, opts: WaitOptions): Promise<WaitResult> {
  const now = opts.now ?? Date.now;
  const start = now();
  let last: Deployment | undefined;
  let transient = 0;
  for (;;) {
    if (opts.signal.aborted) return { kind: 'interrupted', last };
    try {
      const d = await unlessAborted(client.get(id), opts.signal);
      if (d === ABORTED) return { kind: 'interrupted', last };
      transient = 0;
      last = d;
      opts.onProgress(d, now() - start);
      if (isFinal(d.status)) return { kind: 'final', deployment: d };
    } catch (e) {
      if (e instanceof OrchestratorError && e.kind === 'not-found') return { kind: 'gone' };
      if (!(e instanceof OrchestratorError) || !TRANSIENT.has(e.kind) || ++transient > MAX_TRANSIENT) throw e;
    }
    const left = start + opts.timeoutMs - now();
    if (left <= 0) return { kind: 'timeout', last };
    await pause(Math.min(opts.intervalMs, left), opts.signal);
  }
}
