// Runs Heat 19's own validation (heat_validate.py, Debian python3-heat) on HOT files. Same shape
// as the planned shared harness (test/conformance/harness.ts runHeatValidate), which replaces it
// when it lands.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** One file's verdict. */
export interface HeatVerdict {
  readonly file: string;
  readonly ok: boolean;
  readonly errors: string[];
  readonly skipped: string[];
}

const PYTHON = '/usr/bin/python3';
const SCRIPT = join(process.cwd(), 'test/emit/hot/heat_validate.py');

/** Null when Heat's engine code can be imported, else the reason it cannot. */
export function heatUnavailable(): string | null {
  const r = spawnSync(PYTHON, ['-c', 'import heat.engine.stack'], { encoding: 'utf8' });
  if (r.error) return `${PYTHON} not runnable: ${r.error.message}`;
  return r.status === 0 ? null : `python3-heat not importable (apt-get install -y python3-heat): ${r.stderr.trim().split('\n').pop()}`;
}

/** Validates the files in one Python process. */
export function runHeatValidate(files: readonly string[]): HeatVerdict[] {
  const r = spawnSync(PYTHON, [SCRIPT, ...files], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`heat_validate.py failed: ${r.stderr}`);
  const last = r.stdout.trim().split('\n').pop() ?? '[]';
  return JSON.parse(last) as HeatVerdict[];
}
