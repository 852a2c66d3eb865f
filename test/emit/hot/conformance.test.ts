// Conformance of the HOT output with OpenStack Heat's own validation (Heat 19, Debian
// python3-heat, through the shared harness test/conformance/harness.ts): the fixture models (spec text) and
// every examples/*.cluster, in both modes, must pass with zero errors and only cloud look-ups
// skipped; broken templates must be rejected. Skips with the reason when Heat is not installed,
// fails instead when CI is set.
import { expect } from 'chai';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compile } from '../../../src/compile.js';
import type { HotMode } from '../../../src/emit/hot/index.js';
import type { ClusterModel } from '../../../src/model/model.js';
import { haModel, upstreamShapeModel } from '../tosca/fixtures.js';
import { conformanceAvailable, runHeatValidate } from '../../conformance/harness.js';
import { emit } from './support.js';
import { skipOrFail } from '../../support/shared.js';

const MODES: readonly HotMode[] = ['cloud-init', 'software-config'];

describe('HOT conformance: Heat 19 validates every output', function () {
  this.timeout(300000);
  let dir = '';

  before(function () {
    const reason = conformanceAvailable().heat;
    if (reason !== null) skipOrFail(this, `Heat conformance: ${reason}`);
    dir = mkdtempSync(join(tmpdir(), 'clusterc-hot-'));
  });
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function write(name: string, text: string): string {
    const f = join(dir, name);
    writeFileSync(f, text);
    return f;
  }

  function expectValid(files: string[]): void {
    const verdicts = runHeatValidate(files);
    expect(verdicts).to.have.length(files.length);
    for (const v of verdicts) {
      expect(v.errors, v.file).to.deep.equal([]);
      expect(v.ok, v.file).to.equal(true);
      // only cloud look-ups are skipped
      for (const s of v.skipped) expect(s).to.match(/needs a live cloud|validated with placeholder value/);
    }
  }

  it('accepts the fixture models in both modes', () => {
    const models: Record<string, ClusterModel> = { ha: haModel(), upstream: upstreamShapeModel() };
    const files: string[] = [];
    for (const [name, m] of Object.entries(models)) {
      for (const mode of MODES) {
        const { text } = emit(m, { mode });
        expect(text, `${name} ${mode}`).to.be.a('string');
        files.push(write(`${name}.${mode}.hot.yaml`, text!));
      }
    }
    expectValid(files);
  });

  it('accepts every compiled example in both modes', () => {
    const examples = readdirSync('examples').filter((f) => f.endsWith('.cluster')).sort();
    expect(examples.length).to.be.greaterThan(0);
    const files: string[] = [];
    for (const ex of examples) {
      const path = `examples/${ex}`;
      for (const mode of MODES) {
        const r = compile(readFileSync(path, 'utf8').replace(/\r\n?/g, '\n'), path, { targets: ['hot'], hot: { mode } });
        expect(r.diagnostics.filter((d) => d.severity === 'error'), `${ex} ${mode}`).to.deep.equal([]);
        for (const f of r.files) files.push(write(`${f.cluster}.${mode}.hot.yaml`, f.content));
      }
    }
    expect(files).to.have.length(examples.length * MODES.length);
    expectValid(files);
  });

  it('rejects broken templates (the runner is not a rubber stamp)', () => {
    const good = emit(haModel()).text!;
    const broken = {
      'bad-reference': good.replace('get_resource: master_0_port', 'get_resource: master_9_port'),
      'bad-property': good.replace('allowed_address_pairs:', 'allowed_address_pair:'),
      'bad-attribute': good.replace('- alarm_url', '- alarm_uri'),
      'bad-address': good.replace('ip_address: 10.0.0.100', 'ip_address: 10.0.0.1000'),
      'bad-type': good.replace('type: OS::Heat::WaitConditionHandle', 'type: OS::Heat::WaitConditionHandel'),
      'bad-param-group': good.replace(/      - key_name\n/, '      - key_nam\n'),
    };
    for (const [name, text] of Object.entries(broken)) expect(text, name).to.not.equal(good);
    const verdicts = runHeatValidate(Object.entries(broken).map(([n, t]) => write(`${n}.yaml`, t)));
    for (const v of verdicts) {
      expect(v.ok, v.file).to.equal(false);
      expect(v.errors, v.file).to.have.length(1);
    }
  });
});
