// A small runner for the OpenStack tosca-parser (Debian python3-tosca-parser 2.6.0 under
// /usr/bin/python3), used by conformance.test.ts until test/conformance/harness.ts exists; same
// API (runToscaValidate, conformanceAvailable). Debian's package lacks its data files: the
// package is copied to a private temp dir and ../shared/upstream/tosca-parser/{elements,extensions}
// are overlaid there (never on /usr/lib). Import URLs in `maps` are rewritten to local files.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { DEFAULT_TOSCA_TYPES_URL } from '../../../src/emit/tosca/index.js';
import { ROOT } from '../../support/golden.js';

/** One file's verdict, as the shared harness returns it. */
export interface ToscaResult {
  readonly file: string;
  readonly ok: boolean;
  readonly errors: string[];
  readonly warnings: string[];
  readonly nodetemplates: { name: string; type: string; requirements: Record<string, string>[] }[];
  readonly inputs: string[];
  readonly outputs: string[];
}

const PY = '/usr/bin/python3';
const PKG = '/usr/lib/python3/dist-packages/toscaparser';

function shared(): string {
  return process.env['CLUSTERC_SHARED'] ?? resolve(ROOT, '..', 'shared');
}

/** null when tosca-parser can run, else why not (same contract as the harness). */
export function conformanceAvailable(): { tosca: string | null; heat: string | null } {
  const data = join(shared(), 'upstream/tosca-parser/elements/TOSCA_definition_1_0.yaml');
  const why = !existsSync(PY) ? `${PY} not found` : !existsSync(PKG) ? 'python3-tosca-parser is not installed' : !existsSync(data) ? `${data} not found` : null;
  return { tosca: why, heat: 'not provided by this runner' };
}

let pkgDir: string | undefined;
function overlay(): string {
  if (pkgDir) return pkgDir;
  const dir = mkdtempSync(join(tmpdir(), 'clusterc-tp-'));
  cpSync(PKG, join(dir, 'toscaparser'), { recursive: true });
  for (const d of ['elements', 'extensions']) cpSync(join(shared(), 'upstream/tosca-parser', d), join(dir, 'toscaparser', d), { recursive: true });
  pkgDir = dir;
  return dir;
}

const SCRIPT = String.raw`
import json, logging, sys
from toscaparser.tosca_template import ToscaTemplate
warnings = []
class H(logging.Handler):
    def emit(self, r):
        if r.levelno >= logging.WARNING: warnings.append(r.getMessage())
logging.getLogger('tosca').addHandler(H()); logging.getLogger('tosca').setLevel(logging.WARNING)
out = []
for f in sys.argv[1:]:
    del warnings[:]
    r = {'file': f, 'ok': True, 'errors': [], 'warnings': [], 'nodetemplates': [], 'inputs': [], 'outputs': []}
    try:
        t = ToscaTemplate(f)
        r['nodetemplates'] = [{'name': n.name, 'type': n.type, 'requirements': [{k: (v if isinstance(v, str) else v.get('node')) for k, v in q.items()} for q in n.requirements]} for n in t.nodetemplates]
        r['inputs'] = [i.name for i in t.inputs]
        r['outputs'] = [o.name for o in t.outputs]
    except Exception as e:
        r['ok'] = False
        r['errors'] = [l.strip() for l in str(e).splitlines() if l.strip()]
    r['warnings'] = list(warnings)
    out.append(r)
print(json.dumps(out))
`;

/** Validates TOSCA files; `maps` rewrites import URLs to local paths (default: the pinned INDIGO URL). */
export function runToscaValidate(files: string[], maps?: Record<string, string>): ToscaResult[] {
  const m = maps ?? { [DEFAULT_TOSCA_TYPES_URL]: join(shared(), 'upstream/tosca-types/custom_types.yaml') };
  const work = mkdtempSync(join(tmpdir(), 'clusterc-tosca-'));
  const local = files.map((f, i) => {
    let text = readFileSync(f, 'utf8');
    for (const [url, path] of Object.entries(m)) text = text.split(url).join(path);
    const p = join(work, `${i}-${basename(f)}`);
    writeFileSync(p, text);
    return p;
  });
  const raw = execFileSync(PY, ['-c', SCRIPT, ...local], { env: { ...process.env, PYTHONPATH: overlay() }, encoding: 'utf8', maxBuffer: 1 << 26 });
  return (JSON.parse(raw) as ToscaResult[]).map((r, i) => ({ ...r, file: files[i] ?? r.file }));
}
