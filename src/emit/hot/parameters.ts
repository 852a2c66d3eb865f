// HOT `parameters` and `parameter_groups` (HOT spec, "Parameters section" and "Parameter groups
// section"; Heat 19 heat/engine/hot/parameters.py): one parameter per model input, in the model's
// first-use order, plus the cloud parameters the servers need when the spec gives no literal
// (image, network, public_network, key_name, <group>_flavor). Secrets are `hidden: true` and never
// have a default. Sizes are bytes and durations seconds: HOT numbers, the unit in the label.
import { tick } from '../../diagnostics/codes/define.js';
import type { DiagnosticCollector } from '../../diagnostics/collector.js';
import type { ClusterModel, HostGroup, Input, LiteralValue } from '../../model/model.js';
import { hostGroups } from '../../model/model.js';
import type { YamlValue } from '../yaml.js';
import { paramValue, type CloudValues } from './context.js';

/** The parameters section, its groups, and the values the resources use. */
export interface ParameterPlan {
  readonly parameters: Record<string, YamlValue>;
  readonly groups: YamlValue[];
  readonly cloud: CloudValues;
  readonly flavors: Map<string, YamlValue>;
}

type GroupName = 'cloud' | 'sizes' | 'credentials' | 'settings';

const GROUP_LABELS: Record<GroupName, [string, string]> = {
  cloud: ['cloud', 'where and from what the servers boot'],
  sizes: ['sizes', 'how many hosts and how large'],
  credentials: ['credentials', 'user names and passwords of the cluster services'],
  settings: ['settings', 'other cluster settings'],
};

/** HOT parameter type of a model input type (HOT spec, parameter `type`). */
function hotType(i: Input): string {
  switch (i.type) {
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
    case 'size':
    case 'duration':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'list':
      return 'comma_delimited_list';
  }
}

function unit(i: Input): string {
  return i.type === 'size' ? ' (bytes)' : i.type === 'duration' ? ' (seconds)' : '';
}

function hotDefault(v: LiteralValue | undefined): YamlValue {
  if (v === undefined) return undefined;
  // comma_delimited_list defaults are strings `a,b` (CommaDelimitedListParam parses them).
  return Array.isArray(v) ? v.join(',') : (v as string | number | boolean);
}

function label(name: string): string {
  const s = name.replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The parameter definition of one model input. */
export function inputParameter(i: Input): Record<string, YamlValue> {
  const constraints: YamlValue[] = [];
  if (i.min !== undefined || i.max !== undefined) {
    constraints.push({ range: { min: i.min, max: i.max }, description: `between ${i.min ?? '-'} and ${i.max ?? '-'}${unit(i)}` });
  }
  if (i.secret || (i.type === 'string' && i.default === undefined)) {
    constraints.push({ length: { min: 1 }, description: 'must not be empty' });
  }
  return {
    type: hotType(i),
    label: label(i.name) + unit(i),
    description: i.description.includes(unit(i).trim()) ? i.description : i.description + unit(i),
    default: i.secret ? undefined : hotDefault(i.default),
    hidden: i.secret ? true : undefined,
    constraints: constraints.length > 0 ? constraints : undefined,
  };
}

function classify(i: Input, m: ClusterModel): GroupName {
  if (i.secret || /(^|_)(username|password|user)$/.test(i.name)) return 'credentials';
  const cloudInputs = [m.cloud.image, m.cloud.network, m.cloud.publicNetwork, m.cloud.keyName, m.cloud.availabilityZone];
  if (cloudInputs.some((p) => p?.kind === 'input' && p.input === i.name)) return 'cloud';
  for (const g of hostGroups(m)) {
    if (g.flavor?.kind === 'input' && g.flavor.input === i.name) return 'cloud';
    if (g.image?.kind === 'input' && g.image.input === i.name) return 'cloud';
    const sized = [g.cpus, g.memory, g.disk, g.size.kind === 'fixed' ? g.size.count : undefined];
    if (sized.some((p) => p?.kind === 'input' && p.input === i.name)) return 'sizes';
  }
  return 'settings';
}

function gib(bytes: number): string {
  return `${+(bytes / 2 ** 30).toFixed(2)} GiB`;
}

function flavorDescription(g: HostGroup): string {
  const wants: string[] = [];
  if (g.cpus) wants.push(g.cpus.kind === 'literal' ? `${g.cpus.value} cpus` : 'cpus as an input (TOSCA only)');
  if (g.memory) wants.push(g.memory.kind === 'literal' ? `${gib(g.memory.value)} memory` : 'memory as an input (TOSCA only)');
  if (g.disk) wants.push(g.disk.kind === 'literal' ? `${gib(g.disk.value)} disk` : 'disk as an input (TOSCA only)');
  return `flavor of each host of ${g.id}` + (wants.length > 0 ? `; the spec asks for ${wants.join(', ')}` : '');
}

/** Builds parameters, parameter_groups and the cloud values. Reports CS3203 for missing flavors. */
export function buildParameters(m: ClusterModel, diag: DiagnosticCollector): ParameterPlan {
  const parameters: Record<string, YamlValue> = {};
  const members: Record<GroupName, string[]> = { cloud: [], sizes: [], credentials: [], settings: [] };
  const used = new Set(m.inputs.map((i) => i.name));
  const fresh = (name: string): string => {
    let n = name;
    for (let k = 2; used.has(n); k++) n = `${name}_${k}`;
    used.add(n);
    return n;
  };
  // Compiler-made cloud parameters first: they are what `openstack stack create` asks for first.
  const extra = (name: string, description: string, lbl: string, dflt?: string): YamlValue => {
    const n = fresh(name);
    parameters[n] = { type: 'string', label: lbl, description, default: dflt, constraints: [{ length: { min: 1 }, description: 'must not be empty' }] };
    members.cloud.push(n);
    return { get_param: n };
  };
  const publicNeeded = hostGroups(m).some((g) => g.public || g.vip?.public === true);
  const cloud: CloudValues = {
    keyName: m.cloud.keyName ? paramValue(m.cloud.keyName) : extra('key_name', 'name of the ssh key pair installed on every host', 'Key name'),
    image: m.cloud.image ? paramValue(m.cloud.image) : extra('image', 'name or id of the image every host boots (a stock ubuntu cloud image)', 'Image'),
    network: m.cloud.network ? paramValue(m.cloud.network) : extra('network', 'name or id of the private network the hosts attach to', 'Network'),
    publicNetwork: !publicNeeded ? undefined
      : m.cloud.publicNetwork ? paramValue(m.cloud.publicNetwork)
      : extra('public_network', 'name or id of the external network of the floating IPs', 'Public network'),
    availabilityZone: m.cloud.availabilityZone ? paramValue(m.cloud.availabilityZone) : undefined,
  };
  const flavors = new Map<string, YamlValue>();
  for (const g of hostGroups(m)) {
    if (g.flavor) {
      flavors.set(g.id, paramValue(g.flavor));
      continue;
    }
    const name = fresh(`${g.id}_flavor`);
    parameters[name] = { type: 'string', label: `${label(g.id)} flavor`, description: flavorDescription(g), constraints: [{ length: { min: 1 }, description: 'must not be empty' }] };
    members.cloud.push(name);
    flavors.set(g.id, { get_param: name });
    diag.report('CS3203', g.origin, { group: tick(g.id), param: name }, {
      label: 'no flavor here',
      help: `add \`flavor = "<name>"\` to this group, or pass \`--parameter ${name}=<flavor>\` to \`openstack stack create\``,
    });
  }
  for (const i of m.inputs) {
    parameters[i.name] = inputParameter(i);
    members[classify(i, m)].push(i.name);
  }
  const groups: YamlValue[] = [];
  for (const g of ['cloud', 'sizes', 'credentials', 'settings'] as const) {
    if (members[g].length === 0) continue;
    const [lbl, description] = GROUP_LABELS[g];
    groups.push({ label: lbl, description, parameters: members[g] });
  }
  return { parameters, groups, cloud, flavors };
}
