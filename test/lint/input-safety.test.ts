// `clusterc lint` input safety (issue 16 item 5) and policy options through the built CLI: kernel files as
// imports are never read (no hang on /proc/kmsg), symbolic-link loops and dangling links in a linted directory
// are diagnostics (not internal errors), invalid UTF-8 is refused as PyYAML refuses it, files over the size limit
// are refused in bounded memory, files named on the command line are not called "imported", control sequences
// from the input never reach the terminal raw, 1,000 files lint in one process in bounded memory, and
// --severity / .clusterc-lint.yaml / directory skipping work end to end. Bounds are sizes and exit codes.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { decodeUtf8 } from '../../src/cli/lint.js';
import { lintFiles, MAX_FILE_BYTES, memoryReader } from '../../src/lint/index.js';
import { NORMATIVE_DATA } from '../../src/lint/normative/normative.generated.js';
import { generateNormativeModule } from '../../src/lint/normative-codegen.js';
import { NORMATIVE_MEC_1_0_0_YAML } from '../../src/lint/normative/mec-1-0-0.js';
import { NORMATIVE_NFV_1_0_0_YAML } from '../../src/lint/normative/nfv-1-0-0.js';
import { NORMATIVE_TOSCA_1_0_YAML } from '../../src/lint/normative/tosca-definition-1-0.js';
import { ROOT } from '../support/golden.js';
import { sharedDir, skipOrFail } from '../support/shared.js';

const CLI = join(ROOT, 'dist/src/cli.js');
const HEAD = 'tosca_definitions_version: tosca_simple_yaml_1_0\n';

describe('lint: input safety and policy through the CLI', function () {
  this.timeout(120_000);
  let dir = '';
  let preload = '';
  const cli = (cwd: string, ...args: string[]) => {
    const rss = join(dir, 'rss.txt');
    rmSync(rss, { force: true });
    const r = spawnSync(process.execPath, ['--import', preload, CLI, 'lint', '--color', 'never', ...args], {
      cwd,
      encoding: 'utf8',
      timeout: 60_000,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, MAXRSS_FILE: rss },
    });
    let rssKb = -1;
    try {
      rssKb = Number(readFileSync(rss, 'utf8'));
    } catch {
      /* killed */
    }
    return { code: r.status, stdout: r.stdout, stderr: r.stderr, rssKb };
  };

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'clusterc-lint-safety-'));
    preload = join(dir, 'maxrss.mjs');
    writeFileSync(preload, "import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => { if (process.env.MAXRSS_FILE) writeFileSync(process.env.MAXRSS_FILE, String(process.resourceUsage().maxRSS)); });\n");
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('never reads kernel files given as imports: /proc/kmsg is LT2016, not a hang', () => {
    writeFileSync(join(dir, 'kmsg.yaml'), HEAD + 'imports: [ /proc/kmsg, /sys/kernel/notes ]\n');
    const r = cli(dir, '--format', 'json', 'kmsg.yaml');
    expect(r.code, r.stderr).to.equal(1);
    const ds = (JSON.parse(r.stdout) as { diagnostics: { code: string; notes?: string[] }[] }).diagnostics;
    expect(ds.map((d) => d.code)).to.deep.equal(['LT2016', 'LT2016']);
    expect(ds[0]?.notes?.[0]).to.match(/device or kernel file/);
  });

  it('reports symbolic-link loops and dangling links in a linted directory as diagnostics (exit 1, no CS0001)', () => {
    const d = join(dir, 'links');
    mkdirSync(d);
    writeFileSync(join(d, 'ok.yaml'), HEAD);
    symlinkSync('missing.yaml', join(d, 'dangling.yaml'));
    symlinkSync('self.yaml', join(d, 'self.yaml'));
    symlinkSync('.', join(d, 'again'));
    const r = cli(dir, '--format', 'json', 'links');
    expect(r.code).to.equal(1);
    const ds = (JSON.parse(r.stdout) as { diagnostics: { code: string; message: string }[] }).diagnostics;
    expect(ds.map((x) => x.code).sort()).to.deep.equal(['LT0005', 'LT0005', 'LT0006']);
    expect(ds.map((x) => x.message).join('\n')).to.match(/dangling/).and.match(/symbolic link loop/);
    expect(r.stderr).not.to.match(/CS0001|internal error/);
  });

  it('refuses invalid UTF-8 where PyYAML refuses it, pointing at the byte', () => {
    const bytes = Buffer.concat([Buffer.from(HEAD + 'description: caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
    const dec = decodeUtf8(bytes);
    expect(dec).to.have.property('invalidUtf8At', HEAD.length + 'description: caf'.length);
    writeFileSync(join(dir, 'latin1.yaml'), bytes);
    const r = cli(dir, 'latin1.yaml');
    expect(r.code).to.equal(1);
    expect(r.stderr).to.match(/error\[LT0001\]: yaml syntax error: the file is not valid UTF-8\n --> latin1\.yaml:2:17/);
    expect(decodeUtf8(Buffer.from('ok: é\n'))).to.deep.equal({ text: 'ok: é\n' });
  });

  it('refuses a 50 MB file over the documented size limit in bounded memory', () => {
    const big = join(dir, 'big.yaml');
    const line = '  k: ' + 'x'.repeat(90) + '\n';
    writeFileSync(big, HEAD + 'metadata:\n' + line.repeat(Math.ceil((50 * 1024 * 1024) / line.length)));
    const r = cli(dir, 'big.yaml');
    expect(r.code).to.equal(1);
    expect(r.stderr).to.match(/error\[LT0005\]: cannot read `big\.yaml`: it is larger than 8 MiB/);
    expect(MAX_FILE_BYTES).to.equal(8 * 1024 * 1024);
    expect(r.rssKb, `peak RSS ${r.rssKb} KB`).to.be.within(1, 256 * 1024);
    rmSync(big);
  });

  it('calls a missing file named on the command line unreadable, not "imported"', () => {
    const r = cli(dir, 'nope.yaml');
    expect(r.code).to.equal(1);
    expect(r.stderr).to.match(/error\[LT0005\]: cannot read `nope\.yaml`/);
    expect(r.stderr).not.to.match(/imported/);
  });

  it('never echoes terminal control sequences from the input raw (messages, code frames, file names)', () => {
    // A double-quoted escape puts ESC into a name; a raw ESC byte in the file is refused (LT0001) and framed.
    writeFileSync(join(dir, 'esc.yaml'), HEAD + 'node_types:\n  my.T:\n    derived_from: "tosca.nodes.\\e[2J\\e]0;pwned\\u0007Root"\n');
    writeFileSync(join(dir, 'raw\u001b[31m.yaml'), HEAD + 'description: "\u001b[31mred"\n');
    for (const args of [['esc.yaml'], ['raw\u001b[31m.yaml'], ['--format', 'json', 'esc.yaml'], ['--format', 'sarif', 'esc.yaml']]) {
      const r = cli(dir, ...args);
      expect(r.code).to.equal(1);
      expect(r.stdout + r.stderr, args.join(' ')).not.to.match(/[\u001b\u0007\u009b]/);
    }
    expect(cli(dir, 'esc.yaml').stderr).to.include('\u241b[2J');
  });

  it('lints 1,000 files in one process in bounded memory', () => {
    const d = join(dir, 'many');
    mkdirSync(d);
    const body = (i: number) =>
      HEAD +
      `node_types:\n` +
      Array.from({ length: 20 }, (_, j) => `  t${i}.T${j}:\n    derived_from: tosca.nodes.SoftwareComponent\n    properties:\n      p: { type: integer, default: ${j} }\n`).join('') +
      `topology_template:\n  inputs:\n    unused_${i}: { type: string, default: x }\n  node_templates:\n    vm: { type: tosca.nodes.Compute }\n`;
    for (let i = 0; i < 1000; i++) writeFileSync(join(d, `f${String(i).padStart(4, '0')}.yaml`), body(i));
    const r = cli(dir, '--format', 'json', 'many');
    expect(r.code, r.stderr.slice(0, 300)).to.equal(0);
    const ds = (JSON.parse(r.stdout) as { diagnostics: { code: string }[] }).diagnostics;
    expect(ds).to.have.length(1000);
    expect(ds.every((x) => x.code === 'LT2015')).to.equal(true);
    expect(r.rssKb, `peak RSS ${r.rssKb} KB`).to.be.within(1, 400 * 1024);
  });

  it('applies --severity, .clusterc-lint.yaml (found upwards) and skips non-TOSCA YAML in directories with a note', () => {
    const d = join(dir, 'proj', 'sub');
    mkdirSync(d, { recursive: true });
    writeFileSync(join(dir, 'proj', '.clusterc-lint.yaml'), 'severity:\n  unused-input: error\n');
    writeFileSync(join(d, 't.yaml'), HEAD + 'topology_template:\n  inputs:\n    x: { type: string, default: a }\n  node_templates:\n    vm: { type: tosca.nodes.Compute }\n');
    writeFileSync(join(d, 'stack.yaml'), 'heat_template_version: 2018-08-31\nresources: {}\n');
    writeFileSync(join(d, 'playbook.yml'), '- hosts: all\n  tasks: []\n');
    const fromConfig = cli(dir, 'proj');
    expect(fromConfig.code).to.equal(1);
    expect(fromConfig.stderr).to.match(/error\[LT2015\]/);
    expect(fromConfig.stderr).to.match(/note\[LT0006\]: skipped `proj\/sub\/stack\.yaml`: a Heat template, not TOSCA/);
    expect(fromConfig.stderr).to.match(/note\[LT0006\]: skipped `proj\/sub\/playbook\.yml`/);
    expect(cli(dir, 'proj', '--severity', 'unused-input=note').stderr).to.match(/note\[LT2015\]/);
    expect(cli(dir, 'proj', '--severity', 'LT2015=off', '--severity', 'not-tosca=off').stderr).to.equal('');
    expect(cli(dir, 'proj', '--no-config').code).to.equal(0);
    const bad = cli(dir, 'proj', '--severity', 'unused-inptu=off');
    expect(bad.code).to.equal(2);
    expect(bad.stderr).to.match(/unknown lint rule `unused-inptu`.*did you mean `unused-input`/);
    expect(cli(dir, 'proj', '--severity', 'unused-input').code).to.equal(2);
    // Named on the command line, a Heat template is linted as TOSCA (and fails).
    expect(cli(dir, join('proj', 'sub', 'stack.yaml')).stderr).to.match(/LT1002/);
  });
});

describe('lint: embedded normative types', () => {
  it('are the verbatim tosca-parser 2.6.0 files, and the pre-parsed data is up to date', function () {
    const up = join(sharedDir(), 'upstream', 'tosca-parser');
    expect(readFileSync(join(ROOT, 'src/lint/normative/normative.generated.ts'), 'utf8')).to.equal(generateNormativeModule());
    expect(Object.keys(NORMATIVE_DATA).sort()).to.deep.equal(['mec', 'nfv', 'simple11', 'simple12', 'simple13', 'simpleAll', 'tosca10']);
    try {
      expect(NORMATIVE_TOSCA_1_0_YAML).to.equal(readFileSync(join(up, 'elements/TOSCA_definition_1_0.yaml'), 'utf8'));
      expect(NORMATIVE_NFV_1_0_0_YAML).to.equal(readFileSync(join(up, 'extensions/nfv/TOSCA_nfv_definition_1_0_0.yaml'), 'utf8'));
      expect(NORMATIVE_MEC_1_0_0_YAML).to.equal(readFileSync(join(up, 'extensions/mec/TOSCA_mec_definition_1_0_0.yaml'), 'utf8'));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') skipOrFail(this, `tosca-parser data files not found under ${up}`);
      throw e;
    }
  });

  it('gives each version its own types: NFV types only in NFV files, Abstract.Compute from 1.2 on', () => {
    const t = (v: string, type: string) =>
      lintFiles(['f.yaml'], memoryReader({ 'f.yaml': `tosca_definitions_version: ${v}\ntopology_template:\n  node_templates:\n    n: { type: ${type} }\n` })).diagnostics.map((d) => d.code);
    expect(t('tosca_simple_yaml_1_0', 'tosca.nodes.nfv.VDU')).to.deep.equal(['LT2005']);
    expect(t('tosca_simple_profile_for_nfv_1_0_0', 'tosca.nodes.nfv.VDU')).to.deep.equal([]);
    expect(t('tosca_simple_profile_for_mec_1_0_0', 'tosca.nodes.nfv.VDU')).to.deep.equal(['LT2005']);
    expect(t('tosca_simple_yaml_1_1', 'tosca.nodes.Abstract.Compute')).to.deep.equal(['LT2005']);
    expect(t('tosca_simple_yaml_1_3', 'tosca.nodes.Abstract.Compute')).to.deep.equal([]);
  });
});
