// Inputs files (src/inputs): judged by their consumers. Every Heat environment `compile` writes is
// read by Heat's own environment parser and validated with its template by Heat's engine
// (test/conformance/heat_env.py); every orchestrator inputs JSON lists exactly the inputs
// tosca-parser finds in the TOSCA output, with the same defaults. Runs on the examples and on a
// spec whose defaults PyYAML would misread if they were written plain.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { compile } from '../../src/compile.js';
import { inputsFiles } from '../../src/inputs/index.js';
import { conformanceAvailable, runToscaValidate } from '../conformance/harness.js';
import { ROOT } from '../support/golden.js';
import { skipOrFail } from '../support/shared.js';
import { exampleFiles } from '../../src/tools/examples.js';

interface EnvResult {
  template: string;
  env: string;
  ok: boolean;
  errors: string[];
  listed: string[];
  declared: string[];
  unfilled_error: string | null;
}

const PYTHON = process.env['CLUSTERC_PYTHON'] ?? '/usr/bin/python3';

function heatEnv(pairs: [string, string][]): EnvResult[] {
  const r = spawnSync(PYTHON, [join(ROOT, 'test/conformance/heat_env.py'), ...pairs.map(([t, e]) => `${t}=${e}`)], { encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`heat_env.py exited ${r.status}: ${r.stderr}`);
  return r.stdout.trim().split('\n').map((l) => JSON.parse(l) as EnvResult);
}

/** A spec whose input defaults look like YAML 1.1 booleans, numbers and indicators. */
const TRICKY = `cluster "tricky" {
  cloud {
    image    = input("on")
    network  = input("1e3")
    key_name = input("a: b # c")
  }
  masters 1 { flavor = input("0755") }
  agents 2 { flavor = "m1.large" }
}
`;

/** Compiles `text` into `dir`: documents and inputs files; returns their paths by name. */
function compileInto(dir: string, text: string, file: string): Map<string, string> {
  const r = compile(text, file, { targets: ['tosca', 'hot'] });
  expect(r.diagnostics.filter((d) => d.severity === 'error')).to.deep.equal([]);
  const paths = new Map<string, string>();
  for (const f of [...r.files, ...inputsFiles(r.files, () => file)]) {
    writeFileSync(join(dir, f.name), f.content);
    paths.set(f.name, join(dir, f.name));
  }
  return paths;
}

describe('inputs files', function () {
  this.timeout(300_000);
  const dir = mkdtempSync(join(tmpdir(), 'clusterc-inputs-'));
  const compiled = new Map<string, string>();
  const clusters: string[] = [];
  before(function () {
    for (const ex of exampleFiles(ROOT)) {
      const paths = compileInto(dir, readFileSync(join(ROOT, ex), 'utf8'), ex);
      for (const [k, v] of paths) compiled.set(k, v);
    }
    for (const [k, v] of compileInto(dir, TRICKY, 'tricky.cluster')) compiled.set(k, v);
    for (const k of compiled.keys()) if (k.endsWith('.hot.yaml')) clusters.push(k.replace(/\.hot\.yaml$/, ''));
  });

  it('every heat environment is read by heat and, filled in, validates with its template', function () {
    if (conformanceAvailable().heat) skipOrFail(this, conformanceAvailable().heat!);
    const results = heatEnv(clusters.map((c) => [compiled.get(`${c}.hot.yaml`)!, compiled.get(`${c}.hot.env.yaml`)!]));
    expect(results).to.have.length(clusters.length);
    for (const r of results) {
      expect(r.errors, r.env).to.deep.equal([]);
      expect(r.listed, `${r.env} lists every parameter, in template order`).to.deep.equal(r.declared);
      // null means "not given": Heat itself asks for the first unfilled parameter.
      const env = readFileSync(r.env, 'utf8');
      if (/: null {2}#/.test(env)) expect(r.unfilled_error).to.match(/^UserParameterMissing: The Parameter \(\w+\) was not provided/);
      else expect(r.unfilled_error).to.equal(null);
    }
    expect(results.map((r) => r.env.replace(/.*\//, ''))).to.include('tricky.hot.env.yaml');
  });

  it('a secret never has a value in the heat environment, and says so in a comment', function () {
    const env = readFileSync(compiled.get('mesos-prod.hot.env.yaml')!, 'utf8');
    expect(env).to.match(/^ {2}marathon_password: null {2}# secret \(hidden\)/m);
    const tricky = readFileSync(compiled.get('tricky.hot.env.yaml')!, 'utf8');
    expect(tricky).to.include(`image: "on"`);
    expect(tricky).to.include(`network: "1e3"`);
  });

  it('every orchestrator inputs json has exactly the inputs tosca-parser reads, with their defaults', function () {
    if (conformanceAvailable().tosca) skipOrFail(this, conformanceAvailable().tosca!);
    const results = runToscaValidate(clusters.map((c) => compiled.get(`${c}.tosca.yaml`)!));
    for (const [i, c] of clusters.entries()) {
      const json = JSON.parse(readFileSync(compiled.get(`${c}.tosca.inputs.json`)!, 'utf8')) as Record<string, unknown>;
      const parsed = results[i]!.inputs;
      expect(Object.keys(json), c).to.deep.equal(parsed.map((p) => p.name));
      for (const p of parsed) expect(json[p.name], `${c} ${p.name}`).to.deep.equal(p.default ?? null);
    }
  });
});
