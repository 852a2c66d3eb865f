// `clusterc init`: both starter specs compile with no error (and are already in fmt's layout), the
// command writes NAME.cluster, refuses to overwrite without --force, and rejects a bad name with the
// compiler's own diagnostic.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { compile } from '../../src/compile.js';
import { formatSpec } from '../../src/format/format.js';
import { starterSpec } from '../../src/init/templates.js';
import { ROOT } from '../support/golden.js';

const CLI = join(ROOT, 'dist/src/cli.js');
const run = (args: string[], cwd: string) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

describe('init', function () {
  this.timeout(30_000);

  for (const ha of [false, true]) {
    it(`the ${ha ? 'HA' : 'minimal'} starter compiles to both targets with no error and is fmt-clean`, function () {
      const text = starterSpec('demo', ha);
      const r = compile(text, 'demo.cluster', { targets: ['tosca', 'hot'] });
      expect(r.diagnostics.filter((d) => d.severity === 'error')).to.deep.equal([]);
      expect(r.files.map((f) => f.name)).to.deep.equal(['demo.tosca.yaml', 'demo.hot.yaml']);
      expect(formatSpec(text)).to.equal(text);
      expect(text.match(/#/g)?.length ?? 0).to.be.greaterThan(5);
      const m = r.models[0]!;
      expect(m.masters.size.kind === 'fixed' && m.masters.size.count.kind === 'literal' ? m.masters.size.count.value : 0).to.equal(ha ? 3 : 1);
      expect(m.loadBalancers !== undefined).to.equal(ha);
    });
  }

  it('writes NAME.cluster, refuses to overwrite it without --force, and rejects a bad name', function () {
    const dir = mkdtempSync(join(tmpdir(), 'clusterc-init-'));
    const w = run(['init', 'mesos-lab', '--ha'], dir);
    expect(w.status, w.stderr).to.equal(0);
    expect(readFileSync(join(dir, 'mesos-lab.cluster'), 'utf8')).to.equal(starterSpec('mesos-lab', true));
    writeFileSync(join(dir, 'mesos-lab.cluster'), 'mine\n');
    const again = run(['init', 'mesos-lab'], dir);
    expect(again.status).to.equal(2);
    expect(again.stderr).to.include('--force');
    expect(readFileSync(join(dir, 'mesos-lab.cluster'), 'utf8')).to.equal('mine\n');
    expect(run(['init', 'mesos-lab', '--force'], dir).status).to.equal(0);
    expect(readFileSync(join(dir, 'mesos-lab.cluster'), 'utf8')).to.equal(starterSpec('mesos-lab', false));
    const bad = run(['init', 'Bad Name'], dir);
    expect(bad.status).to.equal(1);
    expect(bad.stderr).to.match(/error\[CS2009\]/);
    expect(existsSync(join(dir, 'Bad Name.cluster'))).to.equal(false);
    const def = run(['init', '--stdout'], dir);
    expect(def.stdout).to.equal(starterSpec('my-cluster', false));
  });
});
