// Issue 5 part 3: hostile strings through every string literal of a hand-built role plan, in
// literal values and in input values (the stack's parameters and attributes), resolved the way
// Heat 19 resolves str_replace/list_join/get_param. The scripts must still parse, the embedded
// documents must parse and carry no value, the vars files must carry exactly the values, every
// string tagged `!unsafe`, and no secret value may appear in the template.
import { expect } from 'chai';
import fc from 'fast-check';
import YAML from 'yaml';
import { cloudInitUserData, softwareConfig } from '../../../../src/emit/hot/bootstrap/index.js';
import { HOSTILE, SIGNAL, mastersPlan, model, refs } from './fixtures.js';
import {
  ANSIBLE_TAGS, bashSyntaxError, hookVariables, loadWithPyYaml, resolvedUserData, runSandboxed, runWriter, splitHeredocs, stringScalars,
} from './harness.js';


/** The vars file the fixture must produce when every attribute is `s` and secrets are `secret`. */
function expectedVars(s: string, secret: string): Record<string, unknown> {
  const addrs = ['10.0.0.1', s];
  return {
    consul_mode: 'server',
    consul_dc: s,
    consul_domain: s,
    consul_servers: addrs,
    consul_tag: s,
    zookeeper_host_list: addrs,
    clusterc_r1_shared_flag: s,
    mesos_install_mode: 'master',
    mesos_username: s,
    mesos_password: secret,
    mesos_masters_list: addrs,
    mesos_cluster_name: `${s}${s}3`,
    clusterc_r2_mesos_url_p0: 'http://',
    clusterc_r2_mesos_url_p2: s,
    mesos_extra: [s, 5, true],
    clusterc_r2_shared_flag: 'different',
    marathon_username: s,
    marathon_password: secret,
    zookeeper_peers: addrs,
  };
}

/** PyYAML's view of an expected vars file: each string wrapped as the test loader marks `!unsafe`. */
function asUnsafe(v: unknown): unknown {
  if (typeof v === 'string') return { __unsafe__: v };
  if (Array.isArray(v)) return v.map(asUnsafe);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, asUnsafe(x)]));
  return v;
}

/** Every check on one vars file text. */
function checkVarsFile(text: string, s: string, secret: string): void {
  const expected = expectedVars(s, secret);
  // the yaml package (YAML 1.1, Ansible's custom tag) reads back exactly the values
  expect(YAML.parse(text, { customTags: ANSIBLE_TAGS, version: '1.1' })).to.deep.equal(expected);
  // PyYAML, the parser Ansible uses, reads back exactly the values, every string `!unsafe`
  expect(loadWithPyYaml(text)).to.deep.equal(asUnsafe(expected));
  for (const sc of stringScalars(text)) expect(sc.tag, JSON.stringify(sc.value)).to.equal('!unsafe');
}

/** Every check on one cloud-init script with every attribute `s`. */
function checkCloudInit(s: string): void {
  const secret = `S3CRET-${s}`;
  const script = resolvedUserData(s, secret);
  expect(bashSyntaxError(script), 'bash -n').to.equal(undefined);
  // The shell code outside the heredocs is the same as for a benign value: no value reaches code.
  const { files, code } = splitHeredocs(script);
  expect(code).to.equal(splitHeredocs(resolvedUserData('benign', 'S3CRET-benign')).code);
  expect([...files.keys()]).to.deep.equal([
    '/var/lib/clusterc/values.json', '/var/lib/clusterc/write-vars.py', '/var/lib/clusterc/requirements.yml', '/var/lib/clusterc/playbook.yml',
    '/var/lib/clusterc/compat.py',
  ]);
  // The documents other than the values carry no value and parse.
  const benign = splitHeredocs(resolvedUserData('benign', 'S3CRET-benign')).files;
  for (const f of ['write-vars.py', 'requirements.yml', 'playbook.yml', 'compat.py']) {
    expect(files.get(`/var/lib/clusterc/${f}`)).to.equal(benign.get(`/var/lib/clusterc/${f}`));
  }
  expect(() => YAML.parse(files.get('/var/lib/clusterc/playbook.yml')!, { customTags: ANSIBLE_TAGS })).not.to.throw();
  // The values document is one line of ASCII JSON per value and decodes to exactly the values.
  const values = files.get('/var/lib/clusterc/values.json')!;
  expect(/^[\x20-\x7e\n]*$/.test(values), 'values.json is printable ASCII').to.equal(true);
  const decoded = JSON.parse(values) as Record<string, unknown[]>;
  const unwrapped = Object.fromEntries(Object.entries(decoded).map(([k, v]) => [k.replace(/^clusterc_in_/, ''), v[0]]));
  expect(unwrapped).to.deep.equal(expectedVars(s, secret));
  // The writer (run as on the host) writes exactly the values, every string `!unsafe`.
  checkVarsFile(runWriter(files.get('/var/lib/clusterc/write-vars.py')!, values, 'wrapped'), s, secret);
}

/** Every check on one software-config with every attribute `s`. */
function checkSoftwareConfig(s: string): void {
  const secret = `S3CRET-${s}`;
  const sc = softwareConfig(mastersPlan(s), model(), refs);
  const benign = softwareConfig(mastersPlan('benign'), model(), refs);
  // No value reaches the playbook or the setup script.
  expect(sc.config).to.equal(benign.config);
  expect(sc.setupConfig).to.equal(benign.setupConfig);
  expect(bashSyntaxError(sc.setupConfig)).to.equal(undefined);
  const play = (YAML.parse(sc.config, { customTags: ANSIBLE_TAGS }) as { pre_tasks: { command?: { argv: string[] } }[] }[])[0]!;
  const program = play.pre_tasks[0]!.command!.argv[2]!;
  // The hook's variables file, converted by the playbook's first task, gives exactly the values.
  checkVarsFile(runWriter(program, hookVariables(s, secret), 'plain'), s, secret);
}

describe('HOT bootstrap safety', function () {
  this.timeout(120000);

  describe('cloud-init user_data', () => {
    for (const s of HOSTILE) {
      it(`carries ${JSON.stringify(s.slice(0, 40))} only as data`, () => checkCloudInit(s));
    }

    it('signals FAILURE with a reason when a step fails, and never SUCCESS', () => {
      const install = 'installing ansible, its collections and the pinned roles';
      const steps = { 'apt-get': install, pip: install, 'ansible-galaxy': install, 'ansible-playbook': 'running the playbook' } as const;
      for (const step of Object.keys(steps) as (keyof typeof steps)[]) {
        const run = runSandboxed(resolvedUserData(HOSTILE[2]!), step);
        expect(run.status, step).to.not.equal(0);
        expect(run.signals, step).to.have.length(1);
        const sig = run.signals[0] as { status: string; reason: string; id: string };
        expect(sig.status).to.equal('FAILURE');
        expect(sig.reason).to.match(/^clusterc: .* failed \(exit 1\)/).and.include(steps[step]);
        expect(sig.id).to.be.a('string').and.not.equal('');
      }
    });

    it('signals SUCCESS once after writing the vars file, running no value', () => {
      const s = HOSTILE[2]!;
      const run = runSandboxed(resolvedUserData(s, `S3CRET-${s}`));
      expect(run.status, run.log).to.equal(0);
      expect(run.signals).to.have.length(1);
      expect((run.signals[0] as { status: string }).status).to.equal('SUCCESS');
      checkVarsFile(run.vars!, s, `S3CRET-${s}`);
    });

    it('writes no secret value into the template', () => {
      const secret = 'S3CRET-never-in-template';
      const ud = cloudInitUserData(mastersPlan('x'), model(), refs, SIGNAL);
      expect(JSON.stringify(ud)).to.not.include(secret);
      // secrets are referenced by get_param only
      const params = (ud as { str_replace: { params: Record<string, unknown> } }).str_replace.params;
      const text = JSON.stringify(params);
      expect(text).to.include('{"get_param":"mesos_password"}').and.include('{"get_param":"marathon_password"}');
      expect(resolvedUserData('x', secret)).to.include(secret); // sanity: the stack value does arrive
    });
  });

  describe('software-config', () => {
    for (const s of HOSTILE) {
      it(`carries ${JSON.stringify(s.slice(0, 40))} only as data`, () => checkSoftwareConfig(s));
    }

    it('writes no secret value into the template', () => {
      const sc = softwareConfig(mastersPlan('x'), model(), refs);
      expect(sc.inputValues['clusterc_in_mesos_password']).to.deep.equal({ get_param: 'mesos_password' });
      expect(sc.inputValues['clusterc_in_marathon_password']).to.deep.equal({ get_param: 'marathon_password' });
      expect(JSON.stringify(sc)).to.not.include('S3CRET');
    });
  });

  describe('random strings (fast-check)', () => {
    const runs = Number(process.env['FC_RUNS'] ?? 15);
    const str = fc.string({ unit: 'binary', maxLength: 40 }).filter((s) => !/\p{Surrogate}/u.test(s) && !s.includes('\0'));

    it('cloud-init keeps any string as data', () => {
      fc.assert(fc.property(str, (s) => checkCloudInit(s)), { numRuns: runs });
    });

    it('software-config keeps any string as data', () => {
      fc.assert(fc.property(str, (s) => checkSoftwareConfig(s)), { numRuns: runs });
    });
  });
});
