// Robustness of lowering (style guide §7): clusters assembled from random valid and invalid
// statements never make lowering throw, and every cluster with masters yields a model.
import { expect } from 'chai';
import fc from 'fast-check';
import { DiagnosticCollector } from '../../src/diagnostics/collector.js';
import { lowerSpec } from '../../src/model/lower.js';
import { parseForTest } from './support/parse.js';

const STATEMENTS = [
  'masters 3', 'masters 2..4', 'masters input(2)', 'masters 0', 'masters 1.5 { cpus = 2 GB }',
  'agents 1..9 { memory = 8 GB }', 'slaves 2', 'agents "gpu" 0..0', 'agents "x" input { image = "" }',
  'load_balancers 1 { vip = 10.0.0.1 }', 'load_balancers input { vip = input }', 'load_balancers 2 { public = false }',
  'cloud { subnet = 10.0.0.0/30  os = "rocky 9" image = secret }', 'cloud = 3', 'description = "d"',
  'mesos { password = "p" authenticate_http = false }', 'marathon { enabled = false }', 'chronos 2 { }',
  'zookeeper', 'consul { datacenter = input }', 'calico { etcd_endpoints = [1, "a"] }', 'calico',
  'rexray { driver = cinder password = secret }', 'elasticity { idle_timeout = 1 d }', 'frob { x = 1 }',
  'masters "a" 3 { flavour = "x" cloud { } }',
];

describe('lowering robustness (property)', function () {
  it('never throws on clusters of random statements', function () {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...STATEMENTS), { maxLength: 12 }), fc.boolean(), (stmts, twice) => {
        const one = `cluster "c" {\n${stmts.join('\n')}\n}\n`;
        const text = twice ? one + one : one;
        const diag = new DiagnosticCollector();
        const ast = parseForTest(text, 'f.cluster', diag);
        const models = lowerSpec(ast, diag);
        const hasMasters = stmts.some((s) => s.startsWith('masters'));
        if (!hasMasters) expect(diag.diagnostics.some((d) => d.code === 'CS2010')).to.equal(true);
        expect(models.length).to.be.at.most(twice ? 2 : 1);
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});
