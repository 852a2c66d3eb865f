// The "done when" for the model phase, through the built CLI: `clusterc check` reports
// every meaning error in one run (exit 1), warnings alone exit 0, `--dump model` prints YAML,
// and every CS2xxx code has an explanation for `clusterc explain`.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect } from 'chai';
import { parseAllDocuments } from 'yaml';
import { allCodes } from '../../src/diagnostics/codes.js';
import { ROOT } from '../support/golden.js';

function clusterc(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist/src/cli.js'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('clusterc check (model phase)', function () {
  this.timeout(30000);

  it('exits 1 and reports every meaning error of a file in one run', function () {
    const r = clusterc(['check', 'test/cases/compile/vip/input.cluster']);
    expect(r.status).to.equal(1);
    expect(r.stderr.match(/error\[CS20\d\d\]/g)).to.have.length(6);
  });

  it('exits 0 when there are only warnings', function () {
    // The HOT output refuses `masters input(4)` (CS3202), so only the TOSCA target is checked.
    const r = clusterc(['check', '--target', 'tosca', 'test/cases/compile/even-masters/input.cluster']);
    expect(r.status, r.stderr).to.equal(0);
    expect(r.stderr).to.include('warning[CS2015]');
  });

  it('--dump model prints one YAML document per cluster', function () {
    const r = clusterc(['check', '--dump', 'model', 'test/cases/compile/even-masters/input.cluster']);
    expect(r.status).to.equal(0);
    const docs = parseAllDocuments(r.stdout).map((d) => d.toJS() as { name: string; nameSpan: string });
    expect(docs.map((d) => d.name)).to.deep.equal(['even', 'even-input']);
    expect(docs[0]?.nameSpan).to.equal('test/cases/compile/even-masters/input.cluster:2:9-2:15');
  });

  it('explains every CS2xxx code', function () {
    for (const c of allCodes().filter((x) => x.code.startsWith('CS2'))) {
      const r = clusterc(['explain', c.code]);
      expect(r.status, c.code).to.equal(0);
      expect(r.stdout, c.code).to.include(c.name);
    }
  });
});
