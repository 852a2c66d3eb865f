// Test harness of the bootstrap: resolves a user_data or software-config the way Heat would,
// splits a script into its heredocs, runs the vars writer and the whole script in a sandbox
// (temp dirs, stubbed apt/ansible/curl), and reads vars files back, both with the yaml package
// and with PyYAML (the loader Ansible uses).
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import YAML from 'yaml';
import { cloudInitUserData, softwareConfig } from '../../../../src/emit/hot/bootstrap/index.js';
import { SIGNAL, mastersPlan, model, refs, resolveHot, stackValues } from './fixtures.js';

/** The Python with PyYAML, as on the target image. */
export const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

/** A fresh temp dir. */
export function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'clusterc-bootstrap-'));
}

/** The heredocs of a script (`cat > FILE <<'DELIM'` … `DELIM`), by target path, and the rest. */
export function splitHeredocs(script: string): { files: Map<string, string>; code: string } {
  const files = new Map<string, string>();
  const re = /^cat > (\S+) <<'([A-Z_]+)'\n([\s\S]*?)^\2\n/gm;
  const code = script.replace(re, (_m, file: string, delim: string, body: string) => {
    files.set(file, body);
    return `cat > ${file} <<'${delim}'\n<${file}>\n${delim}\n`;
  });
  return { files, code };
}

/** `bash -n` of a script: the syntax error text, or undefined. */
export function bashSyntaxError(script: string): string | undefined {
  const dir = tmp();
  const f = join(dir, 'script.sh');
  writeFileSync(f, script);
  const r = spawnSync('bash', ['-n', f], { encoding: 'utf8' });
  rmSync(dir, { recursive: true, force: true });
  return r.status === 0 ? undefined : r.stderr;
}

/** The cloud-init script of the fixture with every attribute `s`, resolved as Heat would. */
export function resolvedUserData(s: string, secret = s): string {
  const ud = cloudInitUserData(mastersPlan(s), model(), refs, SIGNAL);
  const v = stackValues(s, secret);
  return resolveHot(ud, v.params, v.attrs) as string;
}

/** The heat-config-ansible variables file of the fixture's deployment, as the hook writes it. */
export function hookVariables(s: string, secret = s): string {
  const sc = softwareConfig(mastersPlan(s), model(), refs);
  const v = stackValues(s, secret);
  const values = resolveHot(sc.inputValues, v.params, v.attrs) as Record<string, unknown>;
  const variables: Record<string, unknown> = { heat_config_id: '0f6a4f3e-0000-4000-8000-000000000001' };
  for (const i of sc.inputs) variables[i.name] = values[i.name] ?? '';
  variables['heat_outputs_path'] = '/var/run/heat-config/heat-config-ansible/0f6a4f3e';
  return JSON.stringify(variables);
}

/** The custom tags Ansible's loader knows, for the yaml package. */
export const ANSIBLE_TAGS = [
  { tag: '!unsafe', resolve: (s: string) => s },
  { tag: '!unsafe', collection: 'seq' as const, resolve: (s: unknown) => s },
];

/** Runs the vars writer program on a values file; returns the vars file text. */
export function runWriter(program: string, values: string, mode: 'wrapped' | 'plain'): string {
  const dir = tmp();
  try {
    writeFileSync(join(dir, 'write-vars.py'), program);
    writeFileSync(join(dir, 'values.json'), values);
    const out = join(dir, 'sub', 'vars.yml');
    const r = spawnSync(PYTHON, [join(dir, 'write-vars.py'), join(dir, 'values.json'), out, 'clusterc_in_', mode], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`writer failed: ${r.stderr}`);
    return readFileSync(out, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Loads a vars file with PyYAML plus an `!unsafe` constructor (as Ansible's loader); returns JSON data. */
export function loadWithPyYaml(text: string): unknown {
  const prog = [
    'import json, sys, yaml',
    'class L(yaml.SafeLoader):',
    '    pass',
    "L.add_constructor('!unsafe', lambda l, n: {'__unsafe__': l.construct_scalar(n)})",
    'print(json.dumps(yaml.load(sys.stdin.read(), Loader=L)))',
  ].join('\n');
  const r = spawnSync(PYTHON, ['-c', prog], { input: text, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`PyYAML failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** Every string scalar of a YAML text, with its tag (the keys excluded). */
export function stringScalars(text: string): { value: string; tag: string | undefined }[] {
  const doc = YAML.parseDocument(text, { customTags: ANSIBLE_TAGS, version: '1.1' });
  const out: { value: string; tag: string | undefined }[] = [];
  YAML.visit(doc, {
    Pair(_k, pair) {
      const visitValue = (n: unknown): void => {
        if (YAML.isScalar(n) && typeof n.value === 'string') out.push({ value: n.value, tag: n.tag });
        if (YAML.isSeq(n)) n.items.forEach(visitValue);
      };
      visitValue(pair.value);
    },
  });
  return out;
}

/** The outcome of running a whole resolved script in a sandbox. */
export interface SandboxRun {
  readonly status: number | null;
  /** Bodies sent to the wait handle (one per curl call). */
  readonly signals: unknown[];
  /** The vars file the script wrote, if any. */
  readonly vars: string | undefined;
  readonly log: string;
}

/**
 * Runs a resolved user_data script with its absolute paths moved into a temp dir and apt-get,
 * ansible-galaxy, ansible-playbook and curl stubbed (`fail` names the stub that exits 1).
 */
export function runSandboxed(script: string, fail?: 'apt-get' | 'pip' | 'ansible-galaxy' | 'ansible-playbook'): SandboxRun {
  const dir = tmp();
  try {
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    const stub = (name: string, body: string): void => {
      writeFileSync(join(bin, name), `#!/bin/bash\n${body}\n`);
      chmodSync(join(bin, name), 0o755);
    };
    const result = (n: string): string => (n === fail ? 'exit 1' : 'exit 0');
    stub('apt-get', result('apt-get'));
    stub('sleep', 'exit 0');
    // `python3 -m venv DIR` makes DIR/bin with stub pip, ansible-galaxy and ansible-playbook (the
    // bootstrap runs ansible-core from that environment); any other python3 call runs the real one.
    const venvStubs = ['pip', 'ansible', 'ansible-galaxy', 'ansible-playbook']
      .map((n) => `printf '#!/bin/bash\\n${result(n)}\\n' > "$d/bin/${n}"; chmod 755 "$d/bin/${n}"`).join('; ');
    // The role compatibility program needs installed roles (the galaxy stub installs none); it has
    // its own tests (compat.test.ts) and runs for real in test/deploy.
    stub('python3', `if [ "$1" = -m ] && [ "$2" = venv ]; then d="\${@: -1}"; mkdir -p "$d/bin"; ${venvStubs}; exit 0; fi\ncase "$1" in */compat.py) exit 0;; esac\nexec ${PYTHON} "$@"`);
    // curl: record the --data-binary argument, one JSON document per line.
    stub('curl', `while [ $# -gt 0 ]; do if [ "$1" = --data-binary ]; then printf '%s\\n' "$2" >> ${dir}/signals; fi; shift; done`);
    const moved = script.split('/var/lib/clusterc').join(join(dir, 'work')).split('/var/log/clusterc-bootstrap.log').join(join(dir, 'log'))
      .split('/etc/ansible/roles').join(join(dir, 'roles')).split('/opt/clusterc').join(join(dir, 'opt'))
      .split('/usr/local/bin').join(bin).split('/usr/share/ansible/collections').join(join(dir, 'collections'));
    writeFileSync(join(dir, 'user_data'), moved);
    const r = spawnSync('bash', [join(dir, 'user_data')], { encoding: 'utf8', env: { PATH: `${bin}:/usr/bin:/bin`, HOME: dir } });
    const signals = existsSync(join(dir, 'signals'))
      ? readFileSync(join(dir, 'signals'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as unknown)
      : [];
    const varsPath = join(dir, 'work', 'masters.vars.yml');
    return {
      status: r.status,
      signals,
      vars: existsSync(varsPath) ? readFileSync(varsPath, 'utf8') : undefined,
      log: existsSync(join(dir, 'log')) ? readFileSync(join(dir, 'log'), 'utf8') : '',
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Python resolving HOT values with Heat 19's own function classes (ReplaceJson, JoinMultiple). */
const HEAT_RESOLVER = [
  'import json, sys',
  'from heat.engine.hot import functions as hf',
  'from heat.engine import function',
  'jobs = json.load(sys.stdin)',
  'params, attrs = {}, {}',
  "FN = {'str_replace': hf.ReplaceJson, 'str_replace_strict': hf.ReplaceJsonStrict, 'list_join': hf.JoinMultiple, 'repeat': hf.RepeatWithMap}",
  'def build(v):',
  '    if isinstance(v, list):',
  '        return [build(x) for x in v]',
  '    if isinstance(v, dict):',
  '        if len(v) == 1:',
  '            (k, a), = v.items()',
  "            if k == 'get_param':",
  '                return params[a]',
  "            if k == 'get_attr':",
  "                return attrs['.'.join(str(x) for x in a)]",
  '            if k in FN:',
  '                return FN[k](None, k, build(a))',
  '        return dict((k, build(x)) for k, x in v.items())',
  '    return v',
  'out = []',
  'for job in jobs:',
  "    params, attrs = job['params'], job['attrs']",
  "    out.append([function.resolve(build(v)) for v in job['values']])",
  'print(json.dumps(out))',
].join('\n');

/** True when Heat's engine code (Debian python3-heat) can be imported. */
export const HEAT_AVAILABLE = spawnSync(PYTHON, ['-c', 'import heat.engine.hot.functions'], { encoding: 'utf8' }).status === 0;

/** One resolution job: HOT values and the stack's parameters and attributes. */
export interface HeatJob {
  readonly values: readonly unknown[];
  readonly params: unknown;
  readonly attrs: unknown;
}

/** Resolves HOT values with Heat's own code, in one Python process for all jobs. */
export function resolveWithHeat(jobs: readonly HeatJob[]): unknown[][] {
  const r = spawnSync(PYTHON, ['-c', HEAT_RESOLVER], { input: JSON.stringify(jobs), encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`heat resolver failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as unknown[][];
}
