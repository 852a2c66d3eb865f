// Reads YAML texts with the PyYAML the consumers use (/usr/bin/python3; Heat's template_format and
// tosca-parser load with libyaml's CSafeLoader when present, `yaml.safe_load` is SafeLoader), many
// documents per Python process so a property over hundreds of outputs stays fast. The texts travel
// as their UTF-8 bytes (what a file on disk holds), the results come back as JSON in which every value
// JSON cannot carry faithfully (a date, a non-string key, bytes, ...) is a `{"!python": type, repr}`
// marker, so such a value can never compare equal to what the emitter meant.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** The interpreter whose PyYAML Heat, tosca-parser and Ansible use. */
export const PYTHON = '/usr/bin/python3';

/** One reader's result: the data as JSON would carry it, or the reader's error. */
export type PyYamlResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: string };

/** Both readers' results of one text. */
export interface PyYamlRead {
  /** `yaml.safe_load` (pure-Python SafeLoader). */
  readonly safe: PyYamlResult;
  /** `yaml.load(..., Loader=yaml.CSafeLoader)` (libyaml), what Heat and tosca-parser use. */
  readonly csafe: PyYamlResult;
}

const PROGRAM = String.raw`
import base64, json, sys, yaml
def norm(v):
    if v is None or isinstance(v, (bool, str)):
        return v
    if isinstance(v, int):
        return v
    if isinstance(v, float):
        return v
    if isinstance(v, list):
        return [norm(x) for x in v]
    if isinstance(v, dict):
        out = {}
        for k, x in v.items():
            if not isinstance(k, str):
                return {'!python': 'non-string key ' + type(k).__name__, 'repr': repr(k)}
            out[k] = norm(x)
        return out
    return {'!python': type(v).__name__, 'repr': repr(v)}
def read(data, loader):
    try:
        return {'ok': True, 'value': norm(yaml.load(data, Loader=loader))}
    except Exception as e:
        return {'ok': False, 'error': type(e).__name__ + ': ' + str(e)[:500]}
csafe = getattr(yaml, 'CSafeLoader', None)
for line in sys.stdin:
    data = base64.b64decode(line)
    r = {'safe': read(data, yaml.SafeLoader)}
    r['csafe'] = read(data, csafe) if csafe else {'ok': False, 'error': 'libyaml (CSafeLoader) is not available'}
    sys.stdout.write(json.dumps(r, ensure_ascii=True) + '\n')
`;

/** Null when /usr/bin/python3 has PyYAML with libyaml, else the reason it cannot be used. */
export function pyyamlUnavailable(): string | null {
  if (!existsSync(PYTHON)) return `${PYTHON} not found`;
  const r = spawnSync(PYTHON, ['-c', 'import yaml; yaml.CSafeLoader'], { encoding: 'utf8' });
  return r.status === 0 ? null : `PyYAML with libyaml is not importable by ${PYTHON}: ${r.stderr.trim()}`;
}

/** Reads every text with both PyYAML readers in one Python process. */
export function pyyamlLoadAll(texts: readonly string[]): PyYamlRead[] {
  if (texts.length === 0) return [];
  const input = texts.map((t) => Buffer.from(t, 'utf8').toString('base64')).join('\n') + '\n';
  const r = spawnSync(PYTHON, ['-c', PROGRAM], { input, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`${PYTHON} failed (${r.status ?? r.signal}): ${r.stderr}`);
  const lines = r.stdout.split('\n').filter((l) => l !== '');
  if (lines.length !== texts.length) throw new Error(`expected ${texts.length} results from ${PYTHON}, got ${lines.length}: ${r.stderr}`);
  return lines.map((l) => JSON.parse(l) as PyYamlRead);
}
