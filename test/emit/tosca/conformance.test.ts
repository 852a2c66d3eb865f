// Conformance of the TOSCA output, judged by the OpenStack tosca-parser against the real INDIGO
// custom_types.yaml: the fixture models, from spec text (and every examples/*.cluster once the front end
// compiles them) must parse with zero errors. Also a structural comparison with upstream
// tosca-templates/mesos_cluster.yaml for the same shape (1 master, 1 pool of N agents, 1 LB):
// same node names, types and requirements, the upstream property names, the same Compute
// capabilities. Skips with a printed reason when tosca-parser is unavailable; fails under CI.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect } from 'chai';
import YAML from 'yaml';
import { compile } from '../../../src/compile.js';
import { DiagnosticCollector } from '../../../src/diagnostics/collector.js';
import { buildTosca, emitTosca, TOSCA_TOP_ORDER } from '../../../src/emit/tosca/index.js';
import { buildInputs } from '../../../src/emit/tosca/inputs.js';
import { toCanonicalYaml, type YamlValue } from '../../../src/emit/yaml.js';
import type { ClusterModel } from '../../../src/model/model.js';
import { ROOT } from '../../support/golden.js';
import { extraInputs, haModel, upstreamShapeModel } from './fixtures.js';
import * as harness from '../../conformance/harness.js';
import { skipOrFail } from '../../support/shared.js';

type Obj = Record<string, any>;
type Runner = typeof harness;

/** The project's shared tosca-parser harness (test/conformance/harness.ts). */
async function runner(): Promise<Runner> {
  return harness;
}

function emitToFile(dir: string, name: string, m: ClusterModel): string {
  const diag = new DiagnosticCollector();
  const text = emitTosca(m, {}, diag);
  expect(text, JSON.stringify(diag.diagnostics)).to.be.a('string');
  const p = join(dir, `${name}.tosca.yaml`);
  writeFileSync(p, text!);
  return p;
}

/**
 * The basic model's template with an input of every type added to its inputs section. The emitter
 * declares only the inputs it reads (issue 11), so these are added after it: tosca-parser judges
 * the input definitions buildInputs writes, and an unused input is not an error to it.
 */
function allInputsFile(dir: string, m: ClusterModel): string {
  const doc = buildTosca(m, {}, new DiagnosticCollector()) as Record<string, any>;
  Object.assign(doc['topology_template']['inputs'], buildInputs(extraInputs(), new DiagnosticCollector()));
  const p = join(dir, 'all-inputs.tosca.yaml');
  writeFileSync(p, toCanonicalYaml(doc as YamlValue, { topOrder: TOSCA_TOP_ORDER, header: [] }));
  return p;
}

describe('emit/tosca conformance (tosca-parser)', function () {
  this.timeout(120000);
  let run: Runner;
  let dir: string;

  before(async function () {
    run = await runner();
    const why = run.conformanceAvailable().tosca;
    if (why !== null) skipOrFail(this, `tosca-parser unavailable: ${why}`);
    dir = mkdtempSync(join(tmpdir(), 'clusterc-conf-'));
  });

  it('accepts the fixture models with zero errors', () => {
    const basic = upstreamShapeModel();
    const files = [
      emitToFile(dir, 'mesos-ha', haModel()),
      emitToFile(dir, 'mesos-basic', basic),
      allInputsFile(dir, basic),
    ];
    const results = run.runToscaValidate(files);
    for (const r of results) expect(r.errors, r.file).to.deep.equal([]);
    expect(results.map((r) => r.ok)).to.deep.equal([true, true, true]);
    expect(results[2]!.inputs.map((i: string | { name: string }) => (typeof i === 'string' ? i : i.name))).to.include.members(['ratio', 'debug', 'disk', 'idle', 'zones', 'ports', 'token']);
    const ha = results[0]!;
    expect(ha.nodetemplates.map((n) => n.name)).to.include.members(['elastic_cluster_front_end', 'mesos_slave_gpu_server']);
  });

  it('reports errors for a broken template (the runner is not vacuous)', () => {
    const p = emitToFile(dir, 'broken', upstreamShapeModel());
    writeFileSync(p, readFileSync(p, 'utf8').replace('mesos_authenticate_http: true', 'mesos_authenticate_http: true\n        marathon_vip: 10.0.0.1'));
    const [r] = run.runToscaValidate([p]);
    expect(r!.ok).to.equal(false);
    expect(r!.errors.join('\n')).to.contain('marathon_vip');
  });

  it('accepts every compiled examples/*.cluster with zero errors', function () {
    const exDir = resolve(ROOT, 'examples');
    const specs = existsSync(exDir) ? readdirSync(exDir).filter((f) => f.endsWith('.cluster')).sort() : [];
    const files: string[] = [];
    for (const s of specs) {
      const res = compile(readFileSync(join(exDir, s), 'utf8'), `examples/${s}`, { targets: ['tosca'] });
      for (const f of res.files) {
        const p = join(dir, f.name);
        writeFileSync(p, f.content);
        files.push(p);
      }
    }
    expect(files.length, 'examples that compile to TOSCA').to.be.greaterThan(0);
    for (const r of run.runToscaValidate(files)) expect(r.errors, r.file).to.deep.equal([]);
  });

  it('has the structure of upstream mesos_cluster.yaml for the same shape', () => {
    const upstreamPath = resolve(ROOT, '..', 'shared/upstream/tosca-templates/mesos_cluster.yaml');
    const ours = emitToFile(dir, 'mesos-basic', upstreamShapeModel());
    const master = 'https://raw.githubusercontent.com/indigo-dc/tosca-types/master/custom_types.yaml';
    const local = resolve(ROOT, '..', 'shared/upstream/tosca-types/custom_types.yaml');
    const [up, me] = [run.runToscaValidate([upstreamPath], { [master]: local })[0]!, run.runToscaValidate([ours])[0]!];
    expect(up.errors).to.deep.equal([]);
    expect(me.errors).to.deep.equal([]);
    const shape = (r: typeof up) => Object.fromEntries(r.nodetemplates.map((n) => [n.name, { type: n.type, requirements: n.requirements }]));
    expect(shape(me)).to.deep.equal(shape(up));

    const nodesOf = (p: string): Obj => (YAML.parse(readFileSync(p, 'utf8'), { version: '1.1' }) as Obj)['topology_template']['node_templates'];
    const upNodes = nodesOf(upstreamPath);
    const myNodes = nodesOf(ours);
    for (const [name, n] of Object.entries(upNodes)) {
      expect(Object.keys(myNodes[name].properties ?? {}), `${name} properties`).to.include.members(Object.keys(n.properties ?? {}));
      if (n.type === 'tosca.nodes.indigo.Compute') {
        expect(Object.keys(myNodes[name].capabilities).sort(), `${name} capabilities`).to.deep.equal(Object.keys(n.capabilities).sort());
        for (const [c, cv] of Object.entries(n.capabilities as Obj)) {
          expect(Object.keys(myNodes[name].capabilities[c].properties), `${name}.${c}`).to.include.members(
            Object.keys(cv.properties).filter((k) => k !== 'dns_name'),
          );
        }
      }
    }
  });
});
