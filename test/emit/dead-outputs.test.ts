// Issue 11, "no dead outputs": every HOT parameter is read by a `get_param` and every TOSCA input
// by a `get_input` somewhere in the same output. Each example and a few specs that give every
// attribute as an input are compiled through the real front end; the outputs are parsed back and
// walked. An input that a target cannot use is not declared there, and a diagnostic names the
// attribute and the target instead.
import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import YAML from 'yaml';
import { compile } from '../../src/compile.js';

type Obj = Record<string, unknown>;

/** Every name referenced with `fn` (`get_param` / `get_input`) in `v`, first list element included. */
function refs(v: unknown, fn: string, into = new Set<string>()): Set<string> {
  if (Array.isArray(v)) for (const x of v) refs(x, fn, into);
  else if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v as Obj)) {
      if (k === fn && typeof x === 'string') into.add(x);
      else if (k === fn && Array.isArray(x) && typeof x[0] === 'string') into.add(x[0]);
      else refs(x, fn, into);
    }
  }
  return into;
}

/** A spec where every attribute that can be an input is one. */
const ALL_INPUTS = `cluster "all-inputs" {
  cloud {
    image = input
    network = input
    public_network = input
    key_name = input
    availability_zone = input
  }
  masters 3 {
    flavor = input
    cpus = input(2)
    memory = input(4 GB)
    disk = input(20 GB)
    image = input
  }
  agents input(2) {
    flavor = input
    cpus = input
    memory = input
    disk = input
    image = input
  }
  agents "gpu" 1..4 {
    flavor = input("g1.large")
    cpus = input(8)
    memory = input(16 GB)
    disk = input(100 GB)
  }
  load_balancers 2 {
    flavor = input
    cpus = input
    memory = input
    disk = input
  }
  mesos {
    username = input
    password = secret
  }
  marathon {
    username = input("admin")
    password = secret
  }
  chronos {
    username = input
    password = secret
  }
}
`;

/** Every service that can be turned off, off; their attributes given as inputs anyway. */
const SERVICES_OFF = `cluster "services-off" {
  cloud {
    image = "ubuntu-22.04"
    key_name = input
  }
  masters 1 { flavor = "m1.medium" }
  agents 1 { flavor = "m1.large" }
  load_balancers 1 { flavor = "m1.small" }
  mesos {
    authenticate_http = false
    username = input
    password = secret
  }
  marathon {
    enabled = false
    username = input
    password = secret
  }
  chronos {
    enabled = false
    username = input
    password = secret
  }
}
`;

const examples = readdirSync('examples').filter((f) => f.endsWith('.cluster')).sort();
const specs: [string, string][] = [
  ...examples.map((f): [string, string] => [`examples/${f}`, readFileSync(`examples/${f}`, 'utf8')]),
  ['all-inputs.cluster', ALL_INPUTS],
  ['services-off.cluster', SERVICES_OFF],
];

describe('no dead outputs (issue 11)', () => {
  for (const [file, text] of specs) {
    describe(file, () => {
      const r = compile(text, file, { targets: ['tosca', 'hot'] });
      it('compiles without errors', () => {
        expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`)).to.deep.equal([]);
        expect(r.files.length).to.be.greaterThan(0);
      });
      for (const f of r.files) {
        const doc = YAML.parse(f.content) as Obj;
        if (f.target === 'hot') {
          it(`${f.name}: every parameter is used by a get_param`, () => {
            const declared = Object.keys((doc['parameters'] ?? {}) as Obj);
            expect(declared.length).to.be.greaterThan(0);
            const used = refs({ resources: doc['resources'], outputs: doc['outputs'] }, 'get_param');
            expect(declared.filter((n) => !used.has(n))).to.deep.equal([]);
            // and nothing is read that is not declared
            expect([...used].filter((n) => !declared.includes(n) && !n.startsWith('OS::'))).to.deep.equal([]);
          });
        } else {
          it(`${f.name}: every input is used by a get_input`, () => {
            const tt = doc['topology_template'] as Obj;
            const declared = Object.keys((tt['inputs'] ?? {}) as Obj);
            const used = refs({ node_templates: tt['node_templates'], outputs: tt['outputs'] }, 'get_input');
            expect(declared.filter((n) => !used.has(n))).to.deep.equal([]);
            expect([...used].filter((n) => !declared.includes(n))).to.deep.equal([]);
          });
        }
      }
    });
  }

  /** `code attribute` of every unused-input note, for one spec. */
  const notes = (text: string, file: string): string[] =>
    compile(text, file, { targets: ['tosca', 'hot'] }).diagnostics
      .filter((d) => d.code === 'CS3120' || d.code === 'CS3280')
      .map((d) => `${d.code} ${/^`([^`]+)`/.exec(d.message)?.[1]}`);

  it('names the attribute and the target of every input a target leaves out', () => {
    const all = notes(ALL_INPUTS, 'all-inputs.cluster');
    // cpus and memory are not HOT parameters (the flavor decides); disk is CS3206's warning.
    for (const g of ['masters', 'agents', 'agents_gpu', 'load_balancers']) {
      expect(all).to.include.members([`CS3280 ${g}.cpus`, `CS3280 ${g}.memory`]);
      expect(all).to.not.include(`CS3280 ${g}.disk`);
    }
    expect(all.filter((n) => n.startsWith('CS3120'))).to.deep.equal([]);
    const d = compile(ALL_INPUTS, 'all-inputs.cluster', { targets: ['hot'] }).diagnostics;
    const m = d.find((x) => x.code === 'CS3280' && x.message.startsWith('`masters.cpus`'));
    expect(m?.message).to.equal('`masters.cpus` is an input the HOT output does not use (the servers get the cpus of their flavor); parameter `masters_cpus` is not declared there');
    expect(m?.primary?.span.start).to.equal(ALL_INPUTS.indexOf('cpus = input(2)') + 'cpus = '.length);
    expect(d.filter((x) => x.code === 'CS3206').length).to.equal(4);

    const off = notes(SERVICES_OFF, 'services-off.cluster');
    expect(off.filter((n) => n.startsWith('CS3120')).sort()).to.deep.equal(['CS3120 chronos.password', 'CS3120 chronos.username']);
    expect(off.filter((n) => n.startsWith('CS3280')).sort()).to.deep.equal([
      'CS3280 chronos.password', 'CS3280 chronos.username', 'CS3280 marathon.password',
      'CS3280 marathon.username', 'CS3280 mesos.password', 'CS3280 mesos.username',
    ]);
  });

  it('never writes an empty Marathon password into the TOSCA output when Marathon is disabled', () => {
    const spec = SERVICES_OFF.replace(/marathon \{[^}]*\}/, 'marathon { enabled = false }');
    const r = compile(spec, 'off.cluster', { targets: ['tosca'] });
    const tt = (YAML.parse(r.files[0]!.content) as Obj)['topology_template'] as Obj;
    const nodes = tt['node_templates'] as Record<string, { properties?: Obj }>;
    const passwords = Object.values(nodes).flatMap((n) => (n.properties?.['marathon_password'] !== undefined ? [n.properties['marathon_password']] : []));
    // the master and the load balancer both install Marathon (CS3111) and both read the one secret input
    expect(passwords).to.deep.equal([{ get_input: 'marathon_password' }, { get_input: 'marathon_password' }]);
    const input = (tt['inputs'] as Obj)['marathon_password'] as Obj;
    expect(input['default']).to.equal(undefined);
    expect(input['constraints']).to.deep.include({ pattern: (input['constraints'] as Obj[])[0]!['pattern'] });
    const cs3111 = r.diagnostics.find((d) => d.code === 'CS3111');
    expect(cs3111?.notes).to.deep.equal(['Marathon still needs a password: the TOSCA output asks for input `marathon_password`']);
    // with a password given, that one is used and no other input appears
    const given = compile(spec.replace('marathon { enabled = false }', 'marathon {\n    enabled = false\n    password = secret\n  }'), 'off.cluster', { targets: ['tosca'] });
    expect(given.files[0]!.content).to.not.contain('marathon_password_2');
    expect(given.diagnostics.find((d) => d.code === 'CS3111')?.notes).to.deep.equal(['Marathon still needs a password: the TOSCA output asks for input `marathon_password`']);
  });
});
