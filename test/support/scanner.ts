// A security-scanner-style rule set over compiled outputs (issue 16), in the manner of checkov or
// KICS policies for Heat and TOSCA, applied to the documents as PyYAML reads them (the caller loads
// them with test/support/pyyaml.ts). It knows nothing of the emitters: only the output document and
// what the spec said (its model), so a regression in any emitter path shows up as a finding.
// Rules:
//   S1 no SSH or admin port (22; Mesos 5050, Marathon 8080/8443, Chronos 4400/4443, Zeppelin 8081,
//      the Spark dispatcher 7070/7077, the HDFS namenode UI 50070, the YARN resource manager 8088) open to a
//      source outside the cluster unless the spec's `access` list for its class names that source
//      (HOT: security-group rules' remote_ip_prefix; TOSCA: endpoint ports, remote_cidr absent =
//      0.0.0.0/0, and a public endpoint without port 22 = 22 from 0.0.0.0/0, which grycap/im adds);
//      the one exception: TOSCA SSH from anywhere when the spec names no SSH networks (the IM needs it);
//   S2 every HOT parameter that is a secret of the spec, or is named like one, is `hidden: true` and
//      has no default; every TOSCA input of a password has no default;
//   S3 no plaintext authentication on a world-open port: 0.0.0.0/0 never reaches 5050 (Mesos
//      serves HTTP only, Basic auth or none), 8080 or 4400 (Marathon and Chronos without TLS), 8081
//      (Zeppelin's login over HTTP), 7070/7077, 50070, 8088 (no authentication at all);
//   S4 no secret in outputs, descriptions or metadata: no get_param/get_input/get_attr of a secret
//      (hidden parameter, password input, generated RandomString) there, and no literal password of
//      the spec anywhere in them.
import type { ClusterModel } from '../../src/model/model.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Ports whose class is `admin` wherever they face the world. */
export const ADMIN_PORTS: readonly number[] = [5050, 8080, 8443, 4400, 4443, 8081, 7070, 7077, 50070, 8088];
/** Ports that carry credentials (or none) over plain HTTP. */
export const PLAINTEXT_AUTH_PORTS: readonly number[] = [5050, 8080, 4400, 8081, 7070, 7077, 50070, 8088];
const ANYWHERE = '0.0.0.0/0';
const SECRET_NAME = /pass(word)?|secret|token|credential/i;

/** One finding: the rule, where in the document, and what. */
export interface Finding {
  readonly rule: 'S1' | 'S2' | 'S3' | 'S4';
  readonly path: string;
  readonly what: string;
}

/** What the spec said that the rules need. */
export interface SpecFacts {
  readonly access: { readonly ssh?: readonly string[]; readonly admin?: readonly string[]; readonly apps?: readonly string[] };
  /** Names of the spec's secret inputs. */
  readonly secrets: readonly string[];
  /** Literal password values written in the spec (CS2021). */
  readonly literalPasswords: readonly string[];
}

/** The facts of a lowered model. */
export function specFacts(m: ClusterModel): SpecFacts {
  const s = m.services;
  const lits = [s.mesos.password, s.marathon.password, s.chronos.password, ...Object.entries(s.rexray.options).filter(([k]) => k === 'password').map(([, p]) => p)]
    .flatMap((p) => (p.kind === 'literal' && p.value !== '' ? [p.value] : []));
  return {
    access: {
      ...(m.access?.ssh ? { ssh: m.access.ssh.cidrs } : {}),
      ...(m.access?.admin ? { admin: m.access.admin.cidrs } : {}),
      ...(m.access?.apps ? { apps: m.access.apps.cidrs } : {}),
    },
    secrets: m.inputs.filter((i) => i.secret).map((i) => i.name),
    literalPasswords: lits,
  };
}

function covers(range: readonly [number, number], port: number): boolean {
  return range[0] <= port && port <= range[1];
}

/** Whether the spec lets `cidr` reach a port of `cls`. */
function allowed(facts: SpecFacts, cls: 'ssh' | 'admin', cidr: string, target: 'hot' | 'tosca'): boolean {
  const list = facts.access[cls];
  if (cls === 'ssh' && target === 'tosca' && cidr === ANYWHERE && (list === undefined || list.length === 0)) return true;
  return list !== undefined && list.includes(cidr);
}

/** S1 and S3 for one open (port range, source). */
function exposure(facts: SpecFacts, target: 'hot' | 'tosca', range: readonly [number, number], cidr: string, path: string, out: Finding[]): void {
  if (covers(range, 22) && !allowed(facts, 'ssh', cidr, target)) out.push({ rule: 'S1', path, what: `SSH open to ${cidr}, which access.ssh does not name` });
  for (const p of ADMIN_PORTS) {
    if (covers(range, p) && !allowed(facts, 'admin', cidr, target)) out.push({ rule: 'S1', path, what: `admin port ${p} open to ${cidr}, which access.admin does not name` });
  }
  if (cidr.endsWith('/0')) {
    for (const p of PLAINTEXT_AUTH_PORTS) if (covers(range, p)) out.push({ rule: 'S3', path, what: `plain-HTTP authentication port ${p} open to ${cidr}` });
  }
}

/** Every (path, value) under `v`. */
function walk(v: unknown, path: string, f: (path: string, v: unknown) => void): void {
  f(path, v);
  if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`, f));
  else if (isObj(v)) for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`, f);
}

/** S4 over one subtree: secret references and literal passwords. */
function noSecrets(v: unknown, path: string, secretRefs: (o: Obj) => string | undefined, facts: SpecFacts, out: Finding[]): void {
  walk(v, path, (p, x) => {
    if (isObj(x)) {
      const s = secretRefs(x);
      if (s !== undefined) out.push({ rule: 'S4', path: p, what: `refers to the secret ${s}` });
    } else if (typeof x === 'string') {
      for (const pw of facts.literalPasswords) if (x.includes(pw)) out.push({ rule: 'S4', path: p, what: 'holds a literal password of the spec' });
    }
  });
}

/** The findings of a HOT template. */
export function scanHot(doc: unknown, facts: SpecFacts): Finding[] {
  const out: Finding[] = [];
  if (!isObj(doc)) return [{ rule: 'S1', path: '', what: 'not a mapping' }];
  const params = (isObj(doc['parameters']) ? doc['parameters'] : {}) as Record<string, Obj>;
  const hidden = new Set<string>();
  for (const [name, p] of Object.entries(params)) {
    const secret = facts.secrets.includes(name) || (SECRET_NAME.test(name) && name !== 'key_name');
    if (p['hidden'] === true) hidden.add(name);
    if (secret && p['hidden'] !== true) out.push({ rule: 'S2', path: `parameters.${name}`, what: 'a secret parameter without hidden: true' });
    if (secret && p['default'] !== undefined) out.push({ rule: 'S2', path: `parameters.${name}`, what: 'a secret parameter with a default' });
  }
  const resources = (isObj(doc['resources']) ? doc['resources'] : {}) as Record<string, Obj>;
  const generated = new Set(Object.entries(resources).filter(([, r]) => r['type'] === 'OS::Heat::RandomString').map(([n]) => n));
  const secretRef = (o: Obj): string | undefined => {
    const gp = o['get_param'];
    const name = typeof gp === 'string' ? gp : Array.isArray(gp) && typeof gp[0] === 'string' ? gp[0] : undefined;
    if (name !== undefined && (hidden.has(name) || facts.secrets.includes(name))) return `parameter ${name}`;
    const ga = o['get_attr'];
    if (Array.isArray(ga) && typeof ga[0] === 'string' && generated.has(ga[0])) return `generated secret ${ga[0]}`;
    return undefined;
  };
  for (const [name, r] of Object.entries(resources)) {
    const props = (isObj(r['properties']) ? r['properties'] : {}) as Obj;
    if (r['type'] === 'OS::Neutron::SecurityGroup') {
      const rules = Array.isArray(props['rules']) ? (props['rules'] as Obj[]) : [];
      rules.forEach((x, i) => {
        // Only TCP carries SSH and the admin ports (a rule without protocol admits every protocol).
        if (x['direction'] === 'egress' || typeof x['remote_ip_prefix'] !== 'string') return;
        if (x['protocol'] !== 'tcp' && x['protocol'] !== undefined) return;
        const range: [number, number] = [Number(x['port_range_min'] ?? 1), Number(x['port_range_max'] ?? 65535)];
        exposure(facts, 'hot', range, x['remote_ip_prefix'] as string, `resources.${name}.properties.rules[${i}]`, out);
      });
    }
    noSecrets(props['metadata'], `resources.${name}.properties.metadata`, secretRef, facts, out);
    noSecrets(props['description'], `resources.${name}.properties.description`, secretRef, facts, out);
  }
  noSecrets(doc['outputs'], 'outputs', secretRef, facts, out);
  noSecrets(doc['description'], 'description', secretRef, facts, out);
  for (const [name, p] of Object.entries(params)) noSecrets([p['description'], p['label']], `parameters.${name}.description`, secretRef, facts, out);
  return out;
}

/** The findings of a TOSCA topology. */
export function scanTosca(doc: unknown, facts: SpecFacts): Finding[] {
  const out: Finding[] = [];
  if (!isObj(doc)) return [{ rule: 'S1', path: '', what: 'not a mapping' }];
  const tt = (isObj(doc['topology_template']) ? doc['topology_template'] : {}) as Obj;
  const inputs = (isObj(tt['inputs']) ? tt['inputs'] : {}) as Record<string, Obj>;
  const secretInputs = new Set(Object.keys(inputs).filter((n) => facts.secrets.includes(n) || SECRET_NAME.test(n)));
  for (const n of secretInputs) if (inputs[n]!['default'] !== undefined) out.push({ rule: 'S2', path: `topology_template.inputs.${n}`, what: 'a secret input with a default' });
  const secretRef = (o: Obj): string | undefined => {
    const gi = o['get_input'];
    const name = typeof gi === 'string' ? gi : Array.isArray(gi) && typeof gi[0] === 'string' ? gi[0] : undefined;
    return name !== undefined && secretInputs.has(name) ? `input ${name}` : undefined;
  };
  const nodes = (isObj(tt['node_templates']) ? tt['node_templates'] : {}) as Record<string, Obj>;
  for (const [name, n] of Object.entries(nodes)) {
    const caps = (isObj(n['capabilities']) ? n['capabilities'] : {}) as Obj;
    const ep = isObj(caps['endpoint']) && isObj((caps['endpoint'] as Obj)['properties']) ? ((caps['endpoint'] as Obj)['properties'] as Obj) : undefined;
    if (ep === undefined) continue;
    const ports = (isObj(ep['ports']) ? ep['ports'] : {}) as Record<string, Obj>;
    let ssh = false;
    for (const [pn, p] of Object.entries(ports)) {
      if (p['protocol'] !== undefined && p['protocol'] !== 'tcp') continue;
      const range: [number, number] = Array.isArray(p['source_range']) ? [Number(p['source_range'][0]), Number(p['source_range'][1])] : [Number(p['source'] ?? p['target']), Number(p['source'] ?? p['target'])];
      if (covers(range, 22)) ssh = true;
      exposure(facts, 'tosca', range, typeof p['remote_cidr'] === 'string' ? p['remote_cidr'] : ANYWHERE, `topology_template.node_templates.${name}.capabilities.endpoint.properties.ports.${pn}`, out);
    }
    // grycap/im CloudConnector.add_ssh_port: a public network without port 22 gets 22 from anywhere.
    const network = String(ep['network_name'] ?? '');
    if (!ssh && (network === 'PUBLIC' || network.endsWith('.PUBLIC'))) exposure(facts, 'tosca', [22, 22], ANYWHERE, `topology_template.node_templates.${name}.capabilities.endpoint (the IM's SSH)`, out);
  }
  noSecrets(tt['outputs'], 'topology_template.outputs', secretRef, facts, out);
  noSecrets(doc['description'], 'description', secretRef, facts, out);
  noSecrets(doc['metadata'], 'metadata', secretRef, facts, out);
  for (const [n, i] of Object.entries(inputs)) noSecrets(i['description'], `topology_template.inputs.${n}.description`, secretRef, facts, out);
  return out;
}
