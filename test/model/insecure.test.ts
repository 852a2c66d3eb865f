// Insecure settings (issue 16 item 6), through the real front end: a password attribute is always a
// hidden input and takes no default (CS2070); turning off Mesos HTTP authentication (CS2071) or the
// frameworks' TLS (CS2072) where `access.admin` opens the port beyond the cluster is a configurable warning.
import { expect } from 'chai';
import { parse } from 'yaml';
import { compile } from '../../src/compile.js';
import { DiagnosticCollector } from '../../src/diagnostics/collector.js';
import { applyPolicy } from '../../src/diagnostics/policy.js';
import { lowerSpec } from '../../src/model/lower.js';
import type { ClusterModel } from '../../src/model/model.js';
import { parseForTest } from './support/parse.js';

interface Lowered {
  readonly models: ClusterModel[];
  readonly diags: { code: string; severity: string; text: string; message: string }[];
  readonly raw: DiagnosticCollector;
}

function lower(body: string): Lowered {
  const src = `cluster "c" {\n${body}\n}\n`;
  const diag = new DiagnosticCollector();
  const models = lowerSpec(parseForTest(src, 'i.cluster', diag), diag);
  const diags = diag.diagnostics.map((d) => ({
    code: d.code,
    severity: d.severity,
    text: d.primary ? src.slice(d.primary.span.start, d.primary.span.end) : '',
    message: d.message,
  }));
  return { models, diags, raw: diag };
}

const codes = (l: Lowered): string[] => l.diags.map((d) => d.code);

describe('model: insecure settings', () => {
  describe('password attributes are always secret', () => {
    for (const service of ['mesos', 'marathon', 'chronos']) {
      it(`${service} { password = input } is a hidden input without default, like secret`, () => {
        const viaInput = lower(`  masters 1\n  agents 1\n  ${service} { password = input }`);
        const viaSecret = lower(`  masters 1\n  agents 1\n  ${service} { password = secret }`);
        expect(viaInput.diags).to.deep.equal([]);
        const pick = (l: Lowered) => {
          const i = l.models[0]!.inputs.find((x) => x.name === `${service}_password`);
          expect(i, `${service}_password input`).to.not.equal(undefined);
          const { origin: _o, ...rest } = i!;
          return rest;
        };
        expect(pick(viaInput)).to.deep.equal(pick(viaSecret));
        expect(pick(viaInput).secret).to.equal(true);
        expect(pick(viaInput)).to.not.have.property('default');
      });
    }

    it('the heat parameter of `password = input` is hidden and the TOSCA input has no default', () => {
      const src = 'cluster "c" {\n  masters 1\n  agents 1\n  marathon { password = input }\n}\n';
      const r = compile(src, 'i.cluster', { targets: ['hot', 'tosca'] });
      expect(r.diagnostics.filter((d) => d.severity === 'error')).to.deep.equal([]);
      const hot = parse(r.files.find((f) => f.target === 'hot')!.content) as { parameters: Record<string, Record<string, unknown>> };
      expect(hot.parameters['marathon_password']).to.include({ type: 'string', hidden: true });
      expect(hot.parameters['marathon_password']).to.not.have.property('default');
      const tosca = parse(r.files.find((f) => f.target === 'tosca')!.content) as { topology_template: { inputs: Record<string, Record<string, unknown>> } };
      expect(tosca.topology_template.inputs['marathon_password']).to.not.have.property('default');
    });

    for (const service of ['mesos', 'marathon', 'chronos']) {
      it(`${service} { password = input("pw") } is an error on the default (CS2070), and nothing is written`, () => {
        const l = lower(`  masters 1\n  agents 1\n  ${service} { password = input("pw") }`);
        expect(l.diags.map(({ code, severity, text }) => ({ code, severity, text }))).to.deep.equal([{ code: 'CS2070', severity: 'error', text: '"pw"' }]);
        const src = `cluster "c" {\n  masters 1\n  agents 1\n  ${service} { password = input("pw") }\n}\n`;
        const r = compile(src, 'i.cluster', { targets: ['hot', 'tosca'] });
        expect(r.files).to.deep.equal([]);
        expect(r.diagnostics.map((d) => d.code)).to.deep.equal(['CS2070']);
      });
    }

    it('an input default on a non-password attribute is still a default', () => {
      const l = lower('  masters 1\n  agents 1\n  marathon { username = input("ops") }');
      expect(l.diags).to.deep.equal([]);
      expect(l.models[0]!.inputs.find((i) => i.name === 'marathon_username')).to.include({ default: 'ops', secret: false });
    });

    it('a literal password stays a warning (CS2021), unchanged', () => {
      const l = lower('  masters 1\n  agents 1\n  marathon { password = "hunter2" }');
      expect(l.diags.map(({ code, severity }) => ({ code, severity }))).to.deep.equal([{ code: 'CS2021', severity: 'warning' }]);
    });
  });

  /** An access block that opens the admin ports of public hosts to anywhere. */
  const OPEN = '  access { admin = [0.0.0.0/0] }\n';

  describe('authenticate_http = false (CS2071)', () => {
    it('is silent while `access.admin` lets nobody in (the default): the port is reachable from the cluster only', () => {
      expect(codes(lower('  masters 1\n  agents 1\n  mesos { authenticate_http = false }\n  marathon { ssl = false }'))).to.deep.equal([]);
      expect(codes(lower('  masters 1\n  agents 1\n  mesos { authenticate_http = false }\n  access { admin = [] }'))).to.deep.equal([]);
    });

    it('warns on public masters (the default) whose admin ports `access.admin` opens, on the value, naming port 5050', () => {
      const l = lower(OPEN + '  masters 1\n  agents 1\n  mesos { authenticate_http = false }');
      expect(l.diags.map(({ code, severity, text }) => ({ code, severity, text }))).to.deep.equal([{ code: 'CS2071', severity: 'warning', text: 'false' }]);
      expect(l.diags[0]!.message).to.contain('5050').and.contain('no authentication');
    });

    it('is silent on private masters, with authentication on, or when written true', () => {
      expect(codes(lower(OPEN + '  masters 1 { public = false }\n  agents 1\n  mesos { authenticate_http = false }'))).to.deep.equal([]);
      // with authentication on, the open port is plain HTTP: CS2072 for Mesos at the access list
      expect(lower(OPEN + '  masters 1\n  agents 1\n  mesos { authenticate_http = true }').diags.map((d) => [d.code, d.text])).to.deep.equal([['CS2072', '[0.0.0.0/0]']]);
      expect(codes(lower(OPEN + '  masters 1\n  agents 1\n  mesos { }'))).to.deep.equal(['CS2072']);
      expect(codes(lower('  masters 1\n  agents 1\n  mesos { }'))).to.deep.equal([]);
    });

    it('warns on private masters behind public load balancers, whose marathon-lb proxies 5050', () => {
      expect(codes(lower(OPEN + '  masters 1 { public = false }\n  agents 1\n  load_balancers 1\n  mesos { authenticate_http = false }'))).to.deep.equal(['CS2071']);
      expect(codes(lower(OPEN + '  masters 1 { public = false }\n  agents 1\n  load_balancers 1 { public = false }\n  mesos { authenticate_http = false }'))).to.deep.equal([]);
    });

    it('is silenced by --allow mesos-http-unauthenticated (and by its code)', () => {
      const l = lower(OPEN + '  masters 1\n  agents 1\n  mesos { authenticate_http = false }');
      expect(applyPolicy(l.raw.diagnostics, { allow: new Set(['mesos-http-unauthenticated']) })).to.deep.equal([]);
      expect(applyPolicy(l.raw.diagnostics, { allow: new Set(['CS2071']) })).to.deep.equal([]);
      expect(applyPolicy(l.raw.diagnostics, { deny: new Set(['mesos-http-unauthenticated']) }).map((d) => d.severity)).to.deep.equal(['error']);
    });
  });

  describe('ssl = false on a framework (CS2072)', () => {
    /** The framework warnings (not the Mesos one at the access list, tested above). */
    const fw = (l: Lowered) => l.diags.filter((d) => d.text !== '[0.0.0.0/0]');
    const fwCodes = (l: Lowered): string[] => fw(l).map((d) => d.code);

    it('warns for marathon (port 8080) and chronos (port 4400) on public masters, on the value', () => {
      const m = lower(OPEN + '  masters 1\n  agents 1\n  marathon { ssl = false }');
      expect(fw(m).map(({ code, severity, text }) => ({ code, severity, text }))).to.deep.equal([{ code: 'CS2072', severity: 'warning', text: 'false' }]);
      expect(fw(m)[0]!.message).to.equal('Marathon sends its Basic-auth password in clear text on port 8080, reachable from outside the cluster');
      const c = lower(OPEN + '  masters 1\n  agents 1\n  chronos { ssl = false }');
      expect(fw(c).map((d) => d.message)).to.deep.equal(['Chronos sends its Basic-auth password in clear text on port 4400, reachable from outside the cluster']);
    });

    it('is silent on private masters, with ssl on, or when the framework is off', () => {
      expect(fwCodes(lower(OPEN + '  masters 1 { public = false }\n  agents 1\n  marathon { ssl = false }\n  chronos { ssl = false }'))).to.deep.equal([]);
      expect(fwCodes(lower(OPEN + '  masters 1\n  agents 1\n  marathon { ssl = true }'))).to.deep.equal([]);
      expect(fwCodes(lower(OPEN + '  masters 1\n  agents 1\n  chronos { enabled = false  ssl = false }'))).to.deep.equal([]);
    });

    it('warns behind a public load balancer only while marathon-lb runs (Marathon on)', () => {
      const lbs = '  masters 1 { public = false }\n  agents 1\n  load_balancers 1\n';
      expect(fwCodes(lower(`${OPEN}${lbs}  chronos { ssl = false }`))).to.deep.equal(['CS2072']);
      expect(fwCodes(lower(`${OPEN}${lbs}  marathon { enabled = false }\n  chronos { ssl = false }`))).to.deep.equal([]);
    });

    it('is silenced by --allow plaintext-framework-auth', () => {
      const l = lower(OPEN + '  masters 1\n  agents 1\n  marathon { ssl = false }\n  chronos { ssl = false }\n  mesos { authenticate_http = false }');
      expect(fwCodes(l).sort()).to.deep.equal(['CS2071', 'CS2072', 'CS2072']);
      expect(applyPolicy(l.raw.diagnostics, { allow: new Set(['plaintext-framework-auth']) }).map((d) => d.code)).to.deep.equal(['CS2071']);
    });
  });
});
