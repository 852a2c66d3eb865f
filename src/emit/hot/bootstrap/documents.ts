// HOT bootstrap, phase 2 of 2: the documents a host runs, built from a GroupLayout. Inputs: the
// layout and the plan's roles; outputs: the Galaxy requirements YAML, the playbook YAML, and the
// Python program that turns resolved values (JSON) into an Ansible vars file where every string is
// tagged `!unsafe`. Invariant: none of these texts contains a spec value, only role names and
// versions from the catalog, variable names, and Jinja references we generate.
import { TaggedString, writeYaml, type WritableValue } from '../../yaml-writer.js';
import { DOCKER_BRIDGE_IP_CIDR, galaxyRequirements, type GroupPlan } from '../../../roles/index.js';
import { SELF_ADDRESS_VAR, SHELL_QUOTED_SUFFIX, type GroupLayout } from './layout.js';
import { metadataGuardTasks } from './metadata-guard.js';

/** Where the bootstrap keeps its files on the host. */
export const WORK_DIR = '/var/lib/clusterc';
/**
 * Where the pinned roles are installed: a directory of Ansible's default roles_path, so that the
 * heat-config-ansible hook (which runs ansible-playbook with its own environment) finds them too.
 */
export const ROLES_DIR = '/etc/ansible/roles';
/** Prefix of the data keys (cloud-init values document, software-config inputs). */
export const DATA_PREFIX = 'clusterc_in_';

/**
 * The docker bridge of the indigo-dc roles as play vars, like upstream (HOT templates: the ip;
 * TOSCA HEAD playbooks: the cidr), from the role plan's constant.
 */
const DOCKER_BRIDGE = { docker_bridge_ip: DOCKER_BRIDGE_IP_CIDR.split('/')[0], docker_bridge_ip_cidr: DOCKER_BRIDGE_IP_CIDR };

/** The vars file of a group on the host. */
export function varsFile(groupId: string): string {
  return `${WORK_DIR}/${groupId}.vars.yml`;
}

/**
 * The Galaxy requirements file (a YAML list) of the group's roles and their dependencies, pinned
 * to commits and fetched with git, from the role catalog (the same pins as the TOSCA target).
 */
export function requirementsYaml(plan: GroupPlan): string {
  return writeYaml(galaxyRequirements(plan.roles.map((r) => r.role)) as unknown as WritableValue);
}

/** Options of `playbookYaml`. */
export interface PlaybookOptions {
  /** software-config: a first pre-task converts the hook's variables JSON into the vars file. */
  readonly convertHookVariables: boolean;
}

/**
 * The playbook of a group: localhost, local connection, the docker bridge vars like upstream, a
 * pre-task that loads the `!unsafe` vars file, one that sets the self address from facts when a
 * role needs it, then the roles in plan order; on agents, post-tasks install the metadata guard.
 */
export function playbookYaml(plan: GroupPlan, layout: GroupLayout, opts: PlaybookOptions): string {
  const file = varsFile(plan.group.id);
  const preTasks: unknown[] = [];
  if (opts.convertHookVariables) {
    preTasks.push({
      name: 'convert the deployment inputs into unsafe Ansible variables',
      command: {
        // heat-config-ansible writes the inputs to <playbook dir>/<config id>_variables.json;
        // reading that file bypasses Jinja entirely (the same inputs as extra vars are never used).
        // The writer program is static Python: tagged !unsafe so Ansible never templates its braces.
        argv: ['python3', '-c', new TaggedString('!unsafe', WRITER_PY), '{{ playbook_dir }}/{{ heat_config_id }}_variables.json', file, DATA_PREFIX, 'plain'],
      },
      changed_when: false,
    });
  }
  preTasks.push({ name: 'load the cluster values (every string is !unsafe)', include_vars: { file } });
  if (layout.needsSelfAddress) {
    preTasks.push({ name: 'the address of this host', set_fact: { [SELF_ADDRESS_VAR]: '{{ ansible_default_ipv4.address }}' } });
  }
  const play = {
    hosts: 'localhost',
    connection: 'local',
    become: true,
    gather_facts: true,
    vars: DOCKER_BRIDGE,
    pre_tasks: preTasks,
    roles: layout.roles.map((r) => ({ role: r.galaxy, ...r.params })),
    // Agents run the containers: keep them away from the metadata service (metadata-guard.ts).
    post_tasks: plan.group.kind === 'agents' ? metadataGuardTasks() : undefined,
  };
  return writeYaml([play] as unknown as WritableValue);
}

/**
 * Python 3 (standard library + PyYAML, which Ansible depends on) that reads a JSON object of
 * resolved values and writes the Ansible vars file. argv: source JSON, target YAML, key prefix,
 * `wrapped` (each value is a one-element list: the cloud-init data path) or `plain` (the
 * heat-config-ansible variables file). Keys with the prefix become variables without it; every
 * string, at any depth, is written as a double-quoted `!unsafe` scalar (PyYAML escapes every
 * non-printable character, so the file reads back as exactly the value).
 */
export const WRITER_PY = [
  'import json, os, shlex, sys',
  'import yaml',
  'src, dst, prefix, mode = sys.argv[1:5]',
  'class Unsafe(str):',
  '    pass',
  'class Dumper(yaml.SafeDumper):',
  '    pass',
  "Dumper.add_representer(Unsafe, lambda d, s: d.represent_scalar('!unsafe', str(s), style='\"'))",
  'def tag(v):',
  '    if isinstance(v, str):',
  '        return Unsafe(v)',
  '    if isinstance(v, list):',
  '        return [tag(x) for x in v]',
  '    if isinstance(v, dict):',
  '        return dict((str(k), tag(x)) for k, x in v.items())',
  '    return v',
  "with open(src, encoding='utf-8') as f:",
  '    data = json.load(f)',
  'out = {}',
  'for key in sorted(data):',
  '    if not key.startswith(prefix):',
  '        continue',
  '    value = data[key]',
  "    if mode == 'wrapped':",
  '        value = value[0]',
  '    name = key[len(prefix):]',
  `    if name.endswith('${SHELL_QUOTED_SUFFIX}'):`,
  `        name = name[:-${SHELL_QUOTED_SUFFIX.length}]`,
  '        value = shlex.quote(str(value))',
  '    out[name] = tag(value)',
  "text = yaml.dump(out, Dumper=Dumper, default_flow_style=False, allow_unicode=False, width=1000000)",
  'os.makedirs(os.path.dirname(dst), 0o700, exist_ok=True)',
  "fd = os.open(dst + '.tmp', os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)",
  "with os.fdopen(fd, 'w', encoding='ascii') as f:",
  '    f.write(text)',
  "os.replace(dst + '.tmp', dst)",
  '',
].join('\n');
