// Helpers to run the Python conformance harnesses (test/conformance/*.py) from TypeScript tests.
// The harnesses use the OpenStack tools themselves (Debian python3-tosca-parser, python3-heat) run
// with /usr/bin/python3; see test/conformance/README.md.
import { spawnSync } from 'node:child_process';
import { sharedDir } from '../support/shared.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface ToscaNodeTemplate {
  name: string;
  type: string;
  requirements: Array<{ name: string; node: string | null; capability?: unknown; relationship?: unknown }>;
}

export interface ToscaResult {
  file: string;
  ok: boolean;
  errors: string[];
  warnings: string[];
  nodetemplates: ToscaNodeTemplate[];
  inputs: Array<{ name: string; type: string; default: unknown; required: boolean }>;
  outputs: Array<{ name: string; value: unknown }>;
}

export interface HeatResult {
  file: string;
  ok: boolean;
  errors: string[];
  skipped: string[];
}

/** Tests run from the repo root. */
const root = process.cwd();
const PYTHON = process.env['CLUSTERC_PYTHON'] ?? '/usr/bin/python3';
const TOSCA_SCRIPT = join(root, 'test', 'conformance', 'tosca_validate.py');
const HEAT_SCRIPT = join(root, 'test', 'conformance', 'heat_validate.py');

export { sharedDir };

function canImport(module: string): boolean {
  const r = spawnSync(PYTHON, ['-c', `import ${module}`], { encoding: 'utf8', timeout: 60_000 });
  return r.status === 0;
}

let cached: { tosca: string | null; heat: string | null } | undefined;

/** null = the harness can run; a string = why it cannot. */
export function conformanceAvailable(): { tosca: string | null; heat: string | null } {
  if (cached) return cached;
  let tosca: string | null = null;
  let heat: string | null = null;
  if (!existsSync(PYTHON)) {
    tosca = heat = `${PYTHON} not found`;
  } else {
    if (!canImport('toscaparser')) {
      tosca = 'python3-tosca-parser not installed (apt-get install python3-tosca-parser)';
    } else if (!existsSync(join(sharedDir(), 'upstream', 'tosca-parser', 'elements'))) {
      tosca = `shared reference dir missing: ${join(sharedDir(), 'upstream', 'tosca-parser')} (set CLUSTERC_SHARED)`;
    }
    if (!canImport('heat.engine')) {
      heat = 'python3-heat not installed (apt-get install python3-heat)';
    }
  }
  cached = { tosca, heat };
  return cached;
}

function run<T>(script: string, args: string[], files: string[]): T[] {
  const r = spawnSync(PYTHON, [script, ...args, ...files], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: 600_000,
  });
  if (r.error) throw r.error;
  // 0 = all valid, 1 = some invalid; anything else is a setup/usage problem.
  if (r.status !== 0 && r.status !== 1) {
    throw new Error(`${script} exited with ${String(r.status ?? r.signal)}: ${r.stderr.trim()}`);
  }
  const results = r.stdout
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
  if (results.length !== files.length) {
    throw new Error(`${script}: expected ${files.length} results, got ${results.length}: ${r.stderr.trim()}`);
  }
  return results;
}

/** Validate TOSCA files with tosca-parser. `maps` serves import URLs from local files. */
export function runToscaValidate(files: string[], maps: Record<string, string> = {}): ToscaResult[] {
  const args = ['--shared', sharedDir()];
  for (const [url, path] of Object.entries(maps)) args.push('--map', `${url}=${path}`);
  return run<ToscaResult>(TOSCA_SCRIPT, args, files);
}

/** Validate HOT templates with Heat's engine (stack-create validation, live-cloud checks skipped). */
export function runHeatValidate(files: string[], params: Record<string, string> = {}): HeatResult[] {
  const args: string[] = [];
  for (const [name, value] of Object.entries(params)) args.push('--param', `${name}=${value}`);
  return run<HeatResult>(HEAT_SCRIPT, args, files);
}
