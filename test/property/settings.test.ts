// Issue 11, "every setting takes effect or is refused": for every attribute of every block that
// grammar/README.md documents (its block tables, cross-checked against src/model/vocabulary.ts so
// neither can drift), changing the attribute's value in a spec that uses every block either changes
// the TOSCA output, or is refused (an error on that block), or produces a diagnostic located on the
// attribute that names the TOSCA target; and the same for the HOT output. Then the reference's
// "In the outputs" table must say the same, per attribute and target: a cell that starts with "not
// used" or "not representable" is an attribute the output ignores, and names the code of the
// diagnostic the test finds; a refusal's code is named too; any other cell is an attribute the output
// applies (it may name the note of another case, e.g. `cpus` in HOT when the group names a flavor).
import { expect } from 'chai';
import { compile, type Target } from '../../src/compile.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { BLOCKS, CLUSTER_ATTRS } from '../../src/model/vocabulary.js';
import { readFixture } from '../support/golden.js';

/** One attribute instance: the block as written in the base spec (`agents "gpu"`) and the attribute. */
interface Setting {
  readonly block: string;
  readonly attr: string;
}

const HOST_GROUPS = ['masters', 'agents', 'load_balancers'];

// ---------------------------------------------------------------------------------------------------
// The reference

/** The rows of the markdown table that follows the heading whose text starts with `heading`. */
function tableAfter(doc: string, heading: string): string[][] {
  const lines = doc.split('\n');
  const at = lines.findIndex((l) => l.startsWith('### ') && l.slice(4).startsWith(heading));
  expect(at, `grammar/README.md has a section "### ${heading}"`).to.be.greaterThan(-1);
  const rows: string[][] = [];
  let i = at + 1;
  while (i < lines.length && !lines[i]!.startsWith('|')) i++;
  for (; i < lines.length && lines[i]!.startsWith('|'); i++) {
    rows.push(splitRow(lines[i]!));
  }
  return rows.slice(2); // header and separator
}

/** The cells of one table row (`|` inside backticks does not split). */
function splitRow(line: string): string[] {
  const cells: string[] = [];
  let cur = '';
  let code = false;
  for (const ch of line.slice(1, line.trimEnd().endsWith('|') ? line.trimEnd().length - 1 : undefined)) {
    if (ch === '`') code = !code;
    if (ch === '|' && !code) {
      cells.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  cells.push(cur.trim());
  return cells;
}

/** The backticked names of a cell outside parentheses: the attributes of a Services row. */
function topLevelNames(cell: string): string[] {
  const out: string[] = [];
  let depth = 0;
  for (const m of cell.matchAll(/[()]|`([^`]*)`/g)) {
    if (m[0] === '(') depth++;
    else if (m[0] === ')') depth--;
    else if (depth === 0 && m[1] !== undefined && /^[a-z_]+$/.test(m[1])) out.push(m[1]);
  }
  return out;
}

/** Every (block, attribute) the block tables of the reference document. */
function documentedAttributes(doc: string): Set<string> {
  const out = new Set<string>();
  for (const [cell] of tableAfter(doc, 'Cluster body')) out.add(`cluster.${cell!.replace(/`/g, '')}`);
  for (const [cell] of tableAfter(doc, '`cloud`')) out.add(`cloud.${cell!.replace(/`/g, '')}`);
  for (const [cell] of tableAfter(doc, 'Host groups')) {
    const name = /^`([a-z_]+)`/.exec(cell!)?.[1];
    if (name === undefined) continue;
    const only = /\(load balancers only\)/.test(cell!) ? ['load_balancers'] : /\(agent pools only\)/.test(cell!) ? ['agents'] : HOST_GROUPS;
    for (const g of only) out.add(`${g}.${name}`);
  }
  for (const [cell] of tableAfter(doc, '`access`')) out.add(`access.${cell!.replace(/`/g, '')}`);
  for (const [block, attrs] of tableAfter(doc, 'Services')) {
    const name = /^`([a-z_]+)`$/.exec(block!)?.[1];
    if (name === undefined) continue;
    for (const a of topLevelNames(attrs!)) out.add(`${name}.${a}`);
  }
  return out;
}

/** Every (block, attribute) of the vocabulary. */
function vocabularyAttributes(): Set<string> {
  const out = new Set<string>(Object.keys(CLUSTER_ATTRS).map((a) => `cluster.${a}`));
  for (const [b, spec] of Object.entries(BLOCKS)) for (const a of Object.keys(spec.attrs)) out.add(`${b}.${a}`);
  return out;
}

/** The "In the outputs" table: per `block.attr`, the TOSCA and HOT cells (`<group>` rows expand). */
function outputsTable(doc: string): Map<string, { tosca: string; hot: string }> {
  const out = new Map<string, { tosca: string; hot: string }>();
  for (const [key, tosca, hot] of tableAfter(doc, 'In the outputs')) {
    const m = /^`(<group>|[a-z_]+)\.([a-z_]+)`$/.exec(key!);
    if (!m) continue;
    for (const b of m[1] === '<group>' ? HOST_GROUPS : [m[1]!]) {
      const k = `${b}.${m[2]}`;
      expect(out.has(k), `"In the outputs" lists ${k} once`).to.equal(false);
      out.set(k, { tosca: tosca!, hot: hot! });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// The base spec and the two values of each attribute

/** A spec with every block the platform deploys, every attribute given. `@ATTR@` marks are filled in. */
const BASE: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  cluster: { description: '"base cluster"', version: '"1.0.0"' },
  cloud: {
    image: '"img-a"', os: '"ubuntu 22.04"', network: '"net-a"', subnet: '10.0.0.0/24', public_network: '"pub-a"',
    key_name: '"key-a"', availability_zone: '"zone-a"',
  },
  masters: { flavor: '"m1.large"', cpus: '2', memory: '4 GB', disk: '20 GB', image: '"img-m"', public: 'true' },
  // The unnamed pool has no flavor (HOT asks for one in a parameter that describes cpus and memory)
  // and no image (it boots `cloud.image`).
  agents: { cpus: '4', memory: '8 GB', disk: '40 GB', public: 'false' },
  'agents "gpu"': {
    flavor: '"g1.xlarge"', cpus: '8', memory: '16 GB', disk: '40 GB', image: '"img-gpu"', public: 'false',
    gpus: '1', gpu_vendor: '"NVIDIA"', gpu_model: '"Tesla V100"', cuda: '"11.8"', cudnn: '"8.6"',
  },
  load_balancers: { flavor: '"m1.small"', cpus: '1', memory: '2 GB', disk: '20 GB', image: '"img-l"', public: 'true', vip: '10.0.0.100' },
  mesos: { username: '"mesos-a"', password: 'secret', authenticate_http: 'true', cluster_name: '"name-a"' },
  marathon: { enabled: 'true', username: '"marathon-a"', password: 'secret', ssl: 'true' },
  chronos: { enabled: 'true', username: '"chronos-a"', password: 'secret', ssl: 'true' },
  zookeeper: {},
  consul: { datacenter: '"dc-a"', domain: '"domain-a"' },
  elasticity: { idle_timeout: '15 min' },
  spark: {
    enabled: 'true', app: '"zeppelin"', password: 'secret', hdfs_uri: '"hdfs://nn-a:9000"', swift_auth_url: '"https://keystone-a:5000/v3"',
    swift_region: '"region-a"', swift_tenant: '"tenant-a"', swift_username: '"user-a"', swift_password: 'secret', swift_provider: '"provider-a"',
    cores_max: '8', executor_cores: '2', executor_memory: '2 GB', driver_cores: '1', driver_memory: '1 GB',
  },
  hadoop: { enabled: 'true' },
  access: { ssh: '[192.0.2.0/24]', admin: '[192.0.2.0/25]', apps: '[0.0.0.0/0]' },
};

/** Blocks the platform refuses (CS2062, CS2063): added only to test their own attributes. */
const REFUSED: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  calico: { etcd_endpoints: '["10.0.0.5:2379"]' },
  rexray: {
    driver: '"cinder"', auth_url: '"https://keystone-a:5000/v3"', username: '"user-a"', password: 'secret', tenant: '"tenant-a"',
    domain: '"domain-a"', region: '"region-a"', availability_zone: '"zone-a"',
  },
};

/** Counts of the host groups (the unnamed pool is the elastic one). */
const COUNTS: Readonly<Record<string, string>> = { masters: '3', agents: '2..5', 'agents "gpu"': '1', load_balancers: '2' };

/** The second value of an attribute, by attribute name (a changed value of the same type). */
const OTHER: Readonly<Record<string, string>> = {
  description: '"other cluster"', version: '"2.0.0"', os: '"debian 12"', subnet: '10.0.0.0/16', cpus: '3', memory: '6 GB',
  disk: '60 GB', public: 'false', vip: '10.0.0.101', authenticate_http: 'false', enabled: 'false', ssl: 'false',
  password: '"changed password"', idle_timeout: '20 min', gpus: '2', gpu_vendor: '"nvidia"', gpu_model: '"A100"',
  cuda: '"12.2"', cudnn: '"8.9"', etcd_endpoints: '["10.0.0.6:2379"]', driver: '"other"',
  app: '"dispatcher"', hdfs_uri: '"hdfs://nn-b:9000"', cores_max: '16', executor_cores: '3', executor_memory: '3 GB',
  driver_cores: '2', driver_memory: '2 GB', swift_password: '"changed password"',
  ssh: '[198.51.100.0/24]', admin: '[198.51.100.0/25]', apps: '[203.0.113.0/24]',
};

/** A changed value: OTHER, else the string with `-b` instead of `-a` (or a suffix). */
function otherValue(attr: string, value: string): string {
  if (OTHER[attr] !== undefined && OTHER[attr] !== value) return OTHER[attr]!;
  if (value === 'true') return 'false';
  if (value === 'false') return 'true';
  return value.startsWith('"') ? value.replace(/-a"$/, '-b"').replace(/^"([^"]*[^b])"$/, '"$1-b"') : value;
}

/** Renders the base spec with `change` applied (and the refused block of the setting, if any). */
function render(setting: Setting | undefined, value: string | undefined): string {
  const blocks: Record<string, Readonly<Record<string, string>>> = { ...BASE, ...(setting && REFUSED[setting.block] ? { [setting.block]: REFUSED[setting.block]! } : {}) };
  // Spark runs as a Marathon app: with Marathon disabled it is refused (CS2100, test/services), so
  // the Marathon switch is tested without it.
  if (setting?.block === 'marathon' && setting.attr === 'enabled') delete blocks['spark'];
  const attrLines = (block: string, attrs: Readonly<Record<string, string>>): string[] =>
    Object.entries(attrs).map(([a, v]) => `  ${a} = ${setting?.block === block && setting.attr === a && value !== undefined ? value : v}`);
  const out = ['cluster "settings" {', ...attrLines('cluster', blocks.cluster ?? {})];
  for (const [block, attrs] of Object.entries(blocks)) {
    if (block === 'cluster') continue;
    const head = COUNTS[block] !== undefined ? `${block} ${COUNTS[block]}` : block;
    out.push(`  ${head} {`, ...attrLines(block, attrs).map((l) => `  ${l}`), '  }');
  }
  out.push('}', '');
  return out.join('\n');
}

/** Every attribute instance of the base spec and the refused blocks. */
function settings(): Setting[] {
  const out: Setting[] = [];
  for (const table of [BASE, REFUSED]) {
    for (const [block, attrs] of Object.entries(table)) for (const attr of Object.keys(attrs)) out.push({ block, attr });
  }
  return out;
}

/** The vocabulary block of a base-spec block (`agents "gpu"` → `agents`). */
const vocabBlock = (block: string): string => block.split(' ')[0]!;

// ---------------------------------------------------------------------------------------------------
// What a change does

type Finding =
  | { readonly kind: 'changed' }
  | { readonly kind: 'refused'; readonly codes: readonly string[] }
  | { readonly kind: 'noted'; readonly codes: readonly string[] }
  | { readonly kind: 'silent' };

const FILE = 'settings.cluster';
const TARGET_WORD: Record<Target, RegExp> = { tosca: /tosca/i, hot: /\bhot\b|heat/i };

function compileBoth(text: string): { out: Map<Target, string>; diagnostics: readonly Diagnostic[] } {
  const r = compile(text, FILE, { targets: ['tosca', 'hot'], hot: { mode: 'cloud-init' } });
  return { out: new Map(r.files.map((f) => [f.target, f.content])), diagnostics: r.diagnostics };
}

/** The span of the attribute line of `s` (or of its whole block for a refused block) in `text`. */
function spanOf(text: string, s: Setting, whole: boolean): { start: number; end: number } {
  const head = s.block === 'cluster' ? 'cluster "settings" {' : `  ${s.block}${COUNTS[s.block] !== undefined ? ` ${COUNTS[s.block]}` : ''} {`;
  const start = text.indexOf(head);
  const end = s.block === 'cluster' ? text.length : text.indexOf('\n  }', start);
  if (whole) return { start, end };
  const line = new RegExp(`\\n {2,4}${s.attr} = [^\\n]*`).exec(text.slice(start, end));
  expect(line, `${s.block}.${s.attr} is written in the spec`).to.not.equal(null);
  return { start: start + line!.index + 1, end: start + line!.index + line![0].length };
}

function located(d: Diagnostic, span: { start: number; end: number }): boolean {
  const labels = [...(d.primary ? [d.primary] : []), ...(d.secondary ?? [])];
  return labels.some((l) => l.span.start < span.end && l.span.end > span.start);
}

/** Whether a diagnostic speaks for `target`: its band, or a meaning diagnostic that names it. */
function forTarget(d: Diagnostic, target: Target): boolean {
  if (target === 'tosca' && /^CS31/.test(d.code)) return true;
  if (target === 'hot' && /^CS3[23]/.test(d.code)) return true;
  return /^CS2/.test(d.code) && TARGET_WORD[target].test(d.message);
}

function finding(s: Setting, target: Target, a: ReturnType<typeof compileBoth>, b: ReturnType<typeof compileBoth>, texts: [string, string]): Finding {
  const refusals = [a, b].flatMap((r, i) => r.diagnostics.filter((d) => d.severity === 'error' && located(d, spanOf(texts[i]!, s, REFUSED[s.block] !== undefined))));
  if (refusals.length > 0) return { kind: 'refused', codes: [...new Set(refusals.map((d) => d.code))] };
  const ta = a.out.get(target);
  const tb = b.out.get(target);
  expect(ta, `${s.block}.${s.attr}: ${target} output of the base spec (${a.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code).join(', ')})`).to.be.a('string');
  expect(tb, `${s.block}.${s.attr}: ${target} output of the changed spec (${b.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`).join(', ')})`).to.be.a('string');
  if (ta !== tb) return { kind: 'changed' };
  const notes = (r: ReturnType<typeof compileBoth>, text: string): string[] =>
    r.diagnostics.filter((d) => forTarget(d, target) && located(d, spanOf(text, s, false))).map((d) => d.code);
  const na = notes(a, texts[0]);
  const nb = notes(b, texts[1]);
  const both = na.filter((c) => nb.includes(c));
  return both.length > 0 ? { kind: 'noted', codes: [...new Set(both)] } : { kind: 'silent' };
}

/** Whether a cell of "In the outputs" agrees with a finding. */
function agrees(cell: string, f: Finding): boolean {
  const codes = new Set(cell.match(/CS\d{4}/g) ?? []);
  const ignored = /^(not used|not representable)/i.test(cell);
  const refused = /^refused/i.test(cell);
  switch (f.kind) {
    case 'changed': return !ignored && !refused;
    // A cell may describe two cases (`cpus` in HOT: in the flavor parameter, or a note when a flavor is named).
    case 'noted': return f.codes.some((c) => codes.has(c));
    case 'refused': return f.codes.some((c) => codes.has(c));
    case 'silent': return false;
  }
}

const describeFinding = (f: Finding): string => (f.kind === 'noted' || f.kind === 'refused' ? `${f.kind} (${f.codes.join(', ')})` : f.kind);

describe('every setting takes effect or is refused (issue 11)', () => {
  const doc = readFixture('grammar/README.md');

  it('the reference documents exactly the vocabulary, in its block tables and in "In the outputs"', () => {
    const vocab = [...vocabularyAttributes()].sort();
    expect([...documentedAttributes(doc)].sort(), 'block tables of grammar/README.md').to.deep.equal(vocab);
    expect([...outputsTable(doc).keys()].sort(), '"In the outputs" rows').to.deep.equal(vocab);
  });

  it('the base spec uses every attribute of the vocabulary and compiles', () => {
    const used = new Set(settings().map((s) => `${vocabBlock(s.block)}.${s.attr}`));
    expect([...used].sort()).to.deep.equal([...vocabularyAttributes()].sort());
    const r = compileBoth(render(undefined, undefined));
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`)).to.deep.equal([]);
    expect([...r.out.keys()].sort()).to.deep.equal(['hot', 'tosca']);
  });

  it('notes `cloud.subnet` once (CS2120), on the attribute, whatever targets run, and not while lowering', () => {
    const text = render(undefined, undefined);
    for (const targets of [['tosca'], ['hot'], ['tosca', 'hot']] as Target[][]) {
      const notes = compile(text, FILE, { targets }).diagnostics.filter((d) => d.code === 'CS2120');
      expect(notes.map((d) => text.slice(d.primary?.span.start, d.primary?.span.end)), targets.join('+')).to.deep.equal(['subnet = 10.0.0.0/24']);
    }
    expect(compile(text, FILE, { stopAfter: 'lower' }).diagnostics.map((d) => d.code)).to.not.include('CS2120');
  });

  const table = outputsTable(doc);
  for (const s of settings()) {
    it(`${s.block}.${s.attr}: a changed value changes each output, is refused, or is noted there`, () => {
      const va = (REFUSED[s.block] ?? BASE[s.block])![s.attr]!;
      const vb = otherValue(s.attr, va);
      expect(vb, 'a different value').to.not.equal(va);
      const texts: [string, string] = [render(s, va), render(s, vb)];
      const a = compileBoth(texts[0]);
      const b = compileBoth(texts[1]);
      const row = table.get(`${vocabBlock(s.block)}.${s.attr}`);
      for (const target of ['tosca', 'hot'] as const) {
        const f = finding(s, target, a, b, texts);
        expect(f.kind, `${s.block}.${s.attr} in ${target}: ${vb} instead of ${va} changes nothing and no diagnostic on it names ${target}`).to.not.equal('silent');
        const cell = row?.[target] ?? '';
        expect(agrees(cell, f), `grammar/README.md "In the outputs" ${s.block}.${s.attr} ${target}: "${cell}" but the test finds: ${describeFinding(f)}`).to.equal(true);
      }
    });
  }
});
