// The read-only reference directory (../shared next to the repo, or $CLUSTERC_SHARED) and the one
// rule for tests that need it or other outside tools: skip with a printed reason on a developer's
// machine, fail under CI (env CI set), where .ci/run installs everything.
import { resolve } from 'node:path';

/** The shared reference dir: $CLUSTERC_SHARED, else ../shared next to the repo root. */
export function sharedDir(): string {
  return resolve(process.cwd(), process.env['CLUSTERC_SHARED'] ?? '../shared');
}

/** Skips the running test or hook (`ctx`) with `reason`, or throws under CI. */
export function skipOrFail(ctx: Mocha.Context, reason: string): never {
  if (process.env['CI']) throw new Error(`${reason} (CI must run this test)`);
  console.warn(`      skipped: ${reason}`);
  ctx.skip();
}
