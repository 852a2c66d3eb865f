// Lint severity policy, applied after the rules ran, in this order (a later step wins):
//   1. the rule's default severity (diagnostics/codes/lint.ts);
//   2. CSAR: a missing artifact file (LT2006) is an error inside a CSAR (a member of a `.csar` archive, or a
//      file under a directory holding TOSCA-Metadata/TOSCA.meta), where tosca-parser checks it too; a
//      warning in a plain file;
//   3. `.clusterc-lint.yaml`, the nearest one in the file's directory or a parent (for an archive member:
//      the archive's directory or a parent): `severity: {RULE: LEVEL}`;
//   4. `--severity RULE=LEVEL` options;
//   5. inline suppressions: a YAML comment `# clusterc-lint: allow RULE[, RULE...]` on the line of the finding
//      or on the line before it drops the finding.
// RULE is a rule name (`unused-input`) or code (`LT2015`); LEVEL is error, warning, note or off.
import { posix } from 'node:path';
import { DiagnosticCollector } from '../diagnostics/collector.js';
import { CODES } from '../diagnostics/codes.js';
import type { CodeInfo } from '../diagnostics/codes/define.js';
import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js';
import { LineIndex } from '../diagnostics/line-index.js';
import { archiveMember, type SourceReader } from './reader.js';
import { isYMap, parseYamlFile, spanAt } from './source.js';
import { helpFor } from './suggest.js';

/** A severity a rule can be set to; `off` drops its findings. */
export type Level = Severity | 'off';

/** Rule name or code → level. */
export type SeverityOverrides = ReadonlyMap<string, Level>;

/** The name of the configuration file, looked up from each linted file's directory upwards. */
export const CONFIG_FILE = '.clusterc-lint.yaml';

const LEVELS: ReadonlySet<string> = new Set(['error', 'warning', 'note', 'off']);
const SUPPRESS = /(?:^|\s)#\s*clusterc-lint:\s*allow\s+([A-Za-z0-9_-]+(?:\s*,\s*[A-Za-z0-9_-]+)*)/;

/** Every configurable lint rule: names and codes. */
function ruleNames(): Map<string, string> {
  const out = new Map<string, string>();
  for (const [code, info] of Object.entries(CODES as Record<string, CodeInfo>)) {
    if (!code.startsWith('LT') || !info.configurable || info.retired) continue;
    out.set(code, code);
    out.set(info.name, code);
  }
  return out;
}

/** Parses `--severity RULE=LEVEL` entries; returns the overrides (by code) or the first problem. */
export function parseSeverityOptions(entries: readonly string[]): { overrides: Map<string, Level> } | { error: string } {
  const names = ruleNames();
  const overrides = new Map<string, Level>();
  for (const e of entries) {
    const i = e.indexOf('=');
    const rule = i > 0 ? e.slice(0, i).trim() : '';
    const level = i > 0 ? e.slice(i + 1).trim() : '';
    if (!rule || !LEVELS.has(level)) return { error: `--severity expects RULE=error|warning|note|off, got \`${e}\`` };
    const code = names.get(rule);
    if (!code) return { error: `unknown lint rule \`${rule}\` in --severity${helpText(rule, names)} (run \`clusterc explain --list\`)` };
    overrides.set(code, level as Level);
  }
  return { overrides };
}

function helpText(rule: string, names: Map<string, string>): string {
  const h = helpFor(rule, names.keys()).help;
  return h ? ` (${h})` : '';
}

/** Options of `applyLintPolicy`. */
export interface PolicyOptions {
  readonly severity: SeverityOverrides;
  readonly config: boolean;
  readonly cwd?: string;
}

interface Config {
  readonly file: string;
  readonly levels: Map<string, Level>;
}

/** Applies steps 2-5 above to `ds`; configuration problems are added as LT0007 (their texts go into `texts`). */
export function applyLintPolicy(ds: readonly Diagnostic[], texts: Map<string, string>, reader: SourceReader, opts: PolicyOptions): Diagnostic[] {
  const extra = new DiagnosticCollector();
  const configs = new Map<string, Config | undefined>();
  const csars = new Map<string, boolean>();
  const lines = new Map<string, LineIndex>();
  const out: Diagnostic[] = [];
  for (const d of ds) {
    const file = d.primary?.span.file;
    let level: Level = d.severity;
    if (file !== undefined) {
      const member = archiveMember(file);
      if (d.code === 'LT2006' && (member !== undefined || inCsar(posix.dirname(file), reader, csars))) level = 'error';
      // Configuration is looked up from the archive's own place (files inside an archive configure nothing).
      const cfg = opts.config ? configFor(member?.archive ?? file, reader, opts.cwd, configs, texts, extra) : undefined;
      const fromConfig = cfg?.levels.get(d.code);
      if (fromConfig) level = fromConfig;
    }
    const fromCli = opts.severity.get(d.code);
    if (fromCli) level = fromCli;
    if (level === 'off') continue;
    if (file !== undefined && d.primary && suppressed(d, texts.get(file), lines)) continue;
    out.push(level === d.severity ? d : { ...d, severity: level });
  }
  out.push(...extra.diagnostics);
  return out;
}

/** True when the directory `dir` or a parent holds TOSCA-Metadata/TOSCA.meta (an unpacked CSAR). */
function inCsar(dir: string, reader: SourceReader, cache: Map<string, boolean>): boolean {
  const hit = cache.get(dir);
  if (hit !== undefined) return hit;
  const here = reader.exists(posix.join(dir, 'TOSCA-Metadata', 'TOSCA.meta'));
  const parent = posix.dirname(dir);
  const r = here || (parent !== dir && dir !== '.' && dir !== '' && inCsar(parent, reader, cache));
  cache.set(dir, r);
  return r;
}

/** The nearest configuration above `file` (cached per directory). */
function configFor(file: string, reader: SourceReader, cwd: string | undefined, cache: Map<string, Config | undefined>, texts: Map<string, string>, diag: DiagnosticCollector): Config | undefined {
  let dir = posix.dirname(file);
  if (cwd !== undefined && !dir.startsWith('/')) dir = posix.join(cwd, dir);
  const chain: string[] = [];
  let found: Config | undefined;
  for (let i = 0; i < 256; i++) {
    if (cache.has(dir)) {
      found = cache.get(dir);
      break;
    }
    chain.push(dir);
    const path = posix.join(dir, CONFIG_FILE);
    if (reader.exists(path)) {
      found = loadConfig(path, reader, texts, diag);
      break;
    }
    const parent = posix.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  for (const d of chain) cache.set(d, found);
  return found;
}

/** Reads one configuration file: `severity: { RULE: LEVEL }`; anything else is LT0007. */
function loadConfig(path: string, reader: SourceReader, texts: Map<string, string>, diag: DiagnosticCollector): Config {
  const levels = new Map<string, Level>();
  const r = reader.read(path);
  if ('error' in r) {
    diag.report('LT0007', undefined, { message: `cannot read \`${path}\`: ${r.error}` });
    return { file: path, levels };
  }
  texts.set(path, r.text);
  const pf = parseYamlFile(path, r.text, diag);
  if (pf.value === undefined || pf.value === null) return { file: path, levels };
  const names = ruleNames();
  if (!isYMap(pf.value)) {
    diag.report('LT0007', spanAt(pf, []), { message: 'the file must be a map with a `severity` key' });
    return { file: path, levels };
  }
  for (const [k, v] of Object.entries(pf.value)) {
    if (k !== 'severity') {
      diag.report('LT0007', spanAt(pf, [k], true), { message: `unknown key \`${k}\`` }, { help: 'the only key is `severity`' });
      continue;
    }
    if (v === null) continue;
    if (!isYMap(v)) {
      diag.report('LT0007', spanAt(pf, [k]), { message: '`severity` must be a map from rule to level' });
      continue;
    }
    for (const [rule, level] of Object.entries(v)) {
      const code = names.get(rule);
      // `off` would read as a boolean (false) in YAML 1.1, as PyYAML reads it; accept both spellings.
      const lv = level === false ? 'off' : level;
      if (!code) diag.report('LT0007', spanAt(pf, [k, rule], true), { message: `unknown lint rule \`${rule}\`` }, helpFor(rule, names.keys()));
      else if (typeof lv !== 'string' || !LEVELS.has(lv)) diag.report('LT0007', spanAt(pf, [k, rule]), { message: `level of \`${rule}\` must be error, warning, note or off` });
      else levels.set(code, lv as Level);
    }
  }
  return { file: path, levels };
}

/** True when a `# clusterc-lint: allow RULE` comment on the finding's line or the line before names its rule. */
function suppressed(d: Diagnostic, text: string | undefined, lines: Map<string, LineIndex>): boolean {
  const span = d.primary?.span;
  if (!span || text === undefined || !text.includes('clusterc-lint:')) return false;
  let idx = lines.get(span.file);
  if (!idx) lines.set(span.file, (idx = new LineIndex(text)));
  const line = idx.lineOf(span.start);
  const info = (CODES as Record<string, CodeInfo>)[d.code];
  const names = new Set([d.code, info?.name ?? d.code]);
  for (const n of [line, line - 1]) {
    if (n < 0) continue;
    if (allowedOn(idx.lineText(n)).some((r) => names.has(r))) return true;
  }
  return false;
}

/** Rules a suppression comment on `line` allows; the `#` must start a YAML comment (not be inside quotes). */
function allowedOn(line: string): string[] {
  const m = SUPPRESS.exec(line);
  if (!m || m[1] === undefined) return [];
  const before = line.slice(0, m.index);
  if ((before.split('"').length - 1) % 2 !== 0 || (before.split("'").length - 1) % 2 !== 0) return [];
  return m[1].split(',').map((s) => s.trim());
}
