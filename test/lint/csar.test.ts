// `clusterc lint x.csar` (src/lint/csar.ts, zip.ts): CSARs built in the test (test/support/zip.ts), one valid
// with TOSCA.meta, one valid with a root YAML file, broken ones as tosca-parser's prereq/csar.py sees them, and
// hostile archives the reader refuses. The verdicts (errors or not) agree with tosca-parser run on the same
// archives (test/conformance/tosca_validate.py), and findings point into the archive: `x.csar!/member:line`.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { LineIndex } from '../../src/diagnostics/line-index.js';
import { fsReader } from '../../src/cli/lint.js';
import { withArchives } from '../../src/lint/csar.js';
import { lintFiles, memoryReader } from '../../src/lint/index.js';
import { MAX_ENTRIES } from '../../src/lint/zip.js';
import { conformanceAvailable, runToscaValidate } from '../conformance/harness.js';
import { skipOrFail } from '../support/shared.js';
import { zip, type ZipMember } from '../support/zip.js';

const META = (entry: string) => `TOSCA-Meta-File-Version: 1.0\nCSAR-Version: 1.1\nCreated-By: clusterc tests\nEntry-Definitions: ${entry}\n`;
const MAIN = `tosca_definitions_version: tosca_simple_yaml_1_0
imports:
  - types.yaml
topology_template:
  node_templates:
    app:
      type: my.nodes.App
      interfaces:
        Standard:
          create: scripts/create.sh
`;
const TYPES = 'tosca_definitions_version: tosca_simple_yaml_1_0\nnode_types:\n  my.nodes.App:\n    derived_from: tosca.nodes.Root\n';
// 1.2: tosca-parser 2.6.0 accepts 1.0, 1.2 and the NFV/MEC profiles, not 1.1 or 1.3.
const ROOT_1_2 = 'tosca_definitions_version: tosca_simple_yaml_1_2\ntopology_template:\n  node_templates:\n    vm:\n      type: tosca.nodes.Compute\n';
const base: ZipMember[] = [
  { name: 'TOSCA-Metadata/TOSCA.meta', data: META('Definitions/main.yaml') },
  { name: 'Definitions/main.yaml', data: MAIN },
  { name: 'Definitions/types.yaml', data: TYPES, store: true },
  { name: 'Definitions/scripts/create.sh', data: '#!/bin/sh\ntrue\n' },
];
const without = (name: string) => base.filter((m) => m.name !== name);
const replace = (name: string, data: string) => base.map((m) => (m.name === name ? { ...m, data } : m));

/** Archives tosca-parser also judges: name → bytes, and whether both tools must find errors. */
const JUDGED: Record<string, { bytes: Buffer; errors: boolean }> = {
  'valid-meta.csar': { bytes: zip(base), errors: false },
  'valid-root.csar': { bytes: zip([{ name: 'service.yaml', data: ROOT_1_2 }, { name: 'files/readme.txt', data: 'x' }]), errors: false },
  'missing-artifact.csar': { bytes: zip(without('Definitions/scripts/create.sh')), errors: true },
  'missing-import.csar': { bytes: zip(without('Definitions/types.yaml')), errors: true },
  'no-entry-definitions.csar': { bytes: zip(replace('TOSCA-Metadata/TOSCA.meta', 'TOSCA-Meta-File-Version: 1.0\nCSAR-Version: 1.1\n')), errors: true },
  'bad-entry-definitions.csar': { bytes: zip(replace('TOSCA-Metadata/TOSCA.meta', META('Definitions/mian.yaml'))), errors: true },
  'two-root-files.csar': { bytes: zip([{ name: 'a.yaml', data: ROOT_1_2 }, { name: 'b.yml', data: ROOT_1_2 }]), errors: true },
  'root-1-0.csar': { bytes: zip([{ name: 'service.yaml', data: ROOT_1_2.replace('1_2', '1_0') }]), errors: true },
  'not-a-zip.csar': { bytes: Buffer.from('tosca_definitions_version: tosca_simple_yaml_1_0\n'), errors: true },
};

/** Hostile archives the reader refuses, each with a part of the reason. */
const HOSTILE: Record<string, { bytes: Buffer; reason: RegExp }> = {
  'dotdot.csar': { bytes: zip([...base, { name: 'Definitions/../../evil.yaml', data: 'x: 1\n' }]), reason: /`\.\.` segment/ },
  'absolute.csar': { bytes: zip([...base, { name: '/etc/evil.yaml', data: 'x: 1\n' }]), reason: /absolute path/ },
  'symlink.csar': { bytes: zip([...base, { name: 'Definitions/link.yaml', data: '/etc/passwd', symlink: true }]), reason: /symbolic link/ },
  'encrypted.csar': { bytes: zip([...base, { name: 'Definitions/secret.yaml', data: 'x: 1\n', encrypted: true }]), reason: /encrypted/ },
  'duplicate.csar': { bytes: zip([...base, { name: 'Definitions/main.yaml', data: MAIN }]), reason: /two entries named/ },
  'too-many.csar': { bytes: zip(Array.from({ length: MAX_ENTRIES + 1 }, (_, i) => ({ name: `f${i}`, data: '', store: true }))), reason: /more than the limit/ },
};

function reader(archives: Record<string, Buffer>, files: Record<string, string> = {}) {
  return withArchives(memoryReader(files), (p) => {
    const b = archives[p];
    return b ? { size: b.length, read: (o: number, n: number) => b.subarray(o, o + n) } : { error: 'no such file or directory' };
  });
}

/** `code file:line` of every finding of linting `name`. */
function findings(name: string, bytes: Buffer): string[] {
  const { diagnostics, sources } = lintFiles([name], reader({ [name]: bytes }));
  return diagnostics.map((d) => {
    const span = d.primary?.span;
    const line = span ? new LineIndex(sources.get(span.file) ?? '').position(span.start).line : 0;
    return `${d.severity} ${d.code} ${span ? `${span.file}:${line}` : '-'}`;
  });
}

describe('lint of CSAR archives', () => {
  it('lints the entry definitions of a valid CSAR and the files they import, inside the archive', () => {
    expect(findings('valid-meta.csar', JUDGED['valid-meta.csar']!.bytes)).to.deep.equal([]);
    expect(findings('valid-root.csar', JUDGED['valid-root.csar']!.bytes)).to.deep.equal([]);
    // A finding in an imported member points into the archive.
    const broken = zip(replace('Definitions/types.yaml', TYPES + '    properties:\n      p: { type: nope, required: false }\n'));
    expect(findings('x.csar', broken)).to.deep.equal(['error LT2003 x.csar!/Definitions/types.yaml:6']);
  });

  it('makes a missing artifact file inside a CSAR an error, at its line in the member', () => {
    expect(findings('missing-artifact.csar', JUDGED['missing-artifact.csar']!.bytes)).to.deep.equal(['error LT2006 missing-artifact.csar!/Definitions/main.yaml:10']);
  });

  it('reports an import missing from the archive, and one that climbs out of it', () => {
    expect(findings('missing-import.csar', JUDGED['missing-import.csar']!.bytes)).to.deep.equal(['error LT2016 missing-import.csar!/Definitions/main.yaml:3']);
    const out = zip(replace('Definitions/main.yaml', MAIN.replace('- types.yaml', '- ../../outside.yaml')));
    const { diagnostics } = lintFiles(['x.csar'], reader({ 'x.csar': out }, { 'outside.yaml': TYPES }));
    const d = diagnostics.find((x) => x.code === 'LT2016');
    expect(d?.notes).to.deep.equal(['it is outside the archive']);
  });

  it('checks TOSCA.meta and the root file as tosca-parser does (LT0009)', () => {
    expect(findings('a.csar', JUDGED['no-entry-definitions.csar']!.bytes)).to.deep.equal(['error LT0009 a.csar!/TOSCA-Metadata/TOSCA.meta:1']);
    expect(findings('a.csar', JUDGED['bad-entry-definitions.csar']!.bytes)).to.deep.equal(['error LT0009 a.csar!/TOSCA-Metadata/TOSCA.meta:4']);
    const { diagnostics } = lintFiles(['a.csar'], reader({ 'a.csar': JUDGED['bad-entry-definitions.csar']!.bytes }));
    expect(diagnostics[0]?.help).to.equal('did you mean `Definitions/main.yaml`?');
    expect(findings('a.csar', JUDGED['two-root-files.csar']!.bytes)).to.deep.equal(['error LT0009 -']);
    expect(findings('a.csar', JUDGED['root-1-0.csar']!.bytes)).to.deep.equal(['error LT0009 a.csar!/service.yaml:1']);
    expect(findings('a.csar', zip(replace('TOSCA-Metadata/TOSCA.meta', 'just text')))).to.deep.equal(['error LT0009 a.csar!/TOSCA-Metadata/TOSCA.meta:1']);
  });

  it('refuses what is not a ZIP archive, and hostile archives (LT0008)', () => {
    expect(findings('n.csar', JUDGED['not-a-zip.csar']!.bytes)).to.deep.equal(['error LT0008 -']);
    for (const [name, { bytes, reason }] of Object.entries(HOSTILE)) {
      const { diagnostics } = lintFiles([name], reader({ [name]: bytes }));
      expect(diagnostics.map((d) => d.code), name).to.deep.equal(['LT0008']);
      expect(diagnostics[0]?.message, name).to.match(reason);
    }
  });

  it('never inflates a member past its declared size or the size limit (zip bombs)', () => {
    const bomb = 'a'.repeat(10 * 1024 * 1024);
    const lying = zip(base.map((m) => (m.name === 'Definitions/main.yaml' ? { ...m, data: MAIN + '#' + bomb, declaredSize: MAIN.length } : m)));
    const { diagnostics } = lintFiles(['b.csar'], reader({ 'b.csar': lying }));
    expect(diagnostics.map((d) => d.code)).to.deep.equal(['LT0005']);
    expect(diagnostics[0]?.message).to.include('does not inflate to its declared size');
    const big = zip(base.map((m) => (m.name === 'Definitions/main.yaml' ? { ...m, data: MAIN + '#' + bomb } : m)));
    const r2 = lintFiles(['b.csar'], reader({ 'b.csar': big }));
    expect(r2.diagnostics[0]?.message).to.include('larger than 8 MiB');
  });

  it('reads archives from the file system (`clusterc lint x.csar`)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clusterc-csar-'));
    try {
      const file = join(dir, 'app.csar');
      writeFileSync(file, JUDGED['missing-artifact.csar']!.bytes);
      const { diagnostics } = lintFiles([file], fsReader);
      expect(diagnostics.map((d) => `${d.code} ${d.primary?.span.file}`)).to.deep.equal([`LT2006 ${file}!/Definitions/main.yaml`]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('agrees with tosca-parser on which archives have errors', function () {
    this.timeout(120_000);
    const why = conformanceAvailable().tosca;
    if (why) skipOrFail(this, why);
    const dir = mkdtempSync(join(tmpdir(), 'clusterc-csar-tp-'));
    try {
      const files = Object.keys(JUDGED).map((n) => join(dir, n));
      for (const [n, { bytes }] of Object.entries(JUDGED)) writeFileSync(join(dir, n), bytes);
      const results = runToscaValidate(files);
      const got: Record<string, { toscaParser: boolean; clusterc: boolean }> = {};
      const want: Record<string, { toscaParser: boolean; clusterc: boolean }> = {};
      for (const [n, { errors }] of Object.entries(JUDGED)) {
        const tp = results.find((r) => r.file.endsWith(n));
        const lint = lintFiles([join(dir, n)], fsReader).diagnostics.some((d) => d.severity === 'error');
        got[n] = { toscaParser: tp ? !tp.ok : false, clusterc: lint };
        want[n] = { toscaParser: errors, clusterc: errors };
      }
      expect(got).to.deep.equal(want);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
