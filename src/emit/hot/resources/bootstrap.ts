// How each group's hosts run their roles, wired into the template (the documents themselves come
// from ./bootstrap/, the bootstrap engineer's module).
// - cloud-init: the group's user_data script is built once, as the value of an OS::Heat::Value
//   `<group>_user_data` (heat/value.py: properties value, type string; attribute value), and every
//   server of the group gets `user_data_format: RAW` and `user_data: {get_attr: [<group>_user_data,
//   value]}`. A copy per server made the template quadratic in the group size (the script lists
//   every master's address): 501 masters were 160 MB. The script holds no per-server value (a
//   host's own address is an Ansible fact), so one copy serves all. It signals
//   `<group>_wait_handle` (OS::Heat::WaitConditionHandle, attribute curl_cli); the
//   OS::Heat::WaitCondition `<group>_wait` (heat/wait_condition.py: handle, timeout, count >= 1)
//   counts the hosts that boot at create time, so a failed or silent host fails the stack. One
//   condition per group, because HOT has no arithmetic to add a parameter count to the others.
// - software-config: servers get `user_data_format: SOFTWARE_CONFIG`; per group a setup
//   OS::Heat::SoftwareConfig (group script) and the playbook SoftwareConfig (group ansible), each
//   applied by an OS::Heat::SoftwareDeploymentGroup (heat/software_deployment.py: config,
//   servers, input_values), the playbook after the setup, as upstream INDIGO mesoscluster.yaml.
import { cloudInitUserData, softwareConfig } from '../bootstrap/index.js';
import type { GroupPlan } from '../../../roles/types.js';
import type { YamlValue } from '../../yaml.js';
import { literalCount, ref, type HotContext } from '../context.js';
import { unrolledServers } from './servers.js';

/** Seconds a group's hosts have to finish their setup before the stack fails. */
export const SETUP_TIMEOUT = 3600;

/** Name of the OS::Heat::Value holding the user_data every server of a group shares (cloud-init). */
export function userDataName(groupId: string): string {
  return `${groupId}_user_data`;
}

/** What one group's bootstrap adds: server properties and resources. */
export interface GroupBootstrap {
  readonly serverProperties: Record<string, YamlValue>;
  readonly resources: Record<string, YamlValue>;
}

/** The resources that hold the group's servers (the server names, or the pool resource). */
function groupResources(plan: GroupPlan): string[] {
  return plan.group.kind === 'agents' ? [plan.group.id] : unrolledServers(plan.group);
}

/** Hosts of the group that boot when the stack is created: a number, a get_param, or 0. */
function bootCount(plan: GroupPlan): YamlValue {
  const g = plan.group;
  if (g.size.kind === 'range') return g.size.min;
  return literalCount(g) ?? (g.size.count.kind === 'input' ? { get_param: g.size.count.input } : 0);
}

/** The bootstrap of one group in the context's mode. */
export function buildBootstrap(ctx: HotContext, plan: GroupPlan): GroupBootstrap {
  const id = plan.group.id;
  if (ctx.mode === 'cloud-init') {
    const handle = `${id}_wait_handle`;
    const userData = cloudInitUserData(plan, ctx.m, ctx.refs, { get_attr: [handle, 'curl_cli'] }) as YamlValue;
    const count = bootCount(plan);
    const shared = userDataName(id);
    const resources: Record<string, YamlValue> = {
      [handle]: { type: 'OS::Heat::WaitConditionHandle' },
      [shared]: { type: 'OS::Heat::Value', properties: { type: 'string', value: userData } },
    };
    if (count !== 0) {
      resources[`${id}_wait`] = {
        type: 'OS::Heat::WaitCondition',
        depends_on: groupResources(plan),
        properties: { handle: ref(handle), timeout: SETUP_TIMEOUT, count },
      };
    }
    // IGNORE: a changed parameter (a rotated password) changes the user_data text; Heat's default
    // REPLACE would replace every server that references it, all masters at once
    // (heat/engine/resources/openstack/nova/server.py user_data_update_policy). The change then
    // reaches only hosts created later; README "Updating a stack" says how to apply it.
    return { serverProperties: { user_data_format: 'RAW', user_data: { get_attr: [shared, 'value'] }, user_data_update_policy: 'IGNORE' }, resources };
  }
  const parts = softwareConfig(plan, ctx.m, ctx.refs);
  const servers: YamlValue = plan.group.kind === 'agents'
    ? { get_attr: [id, 'refs_map'] }
    : Object.fromEntries(unrolledServers(plan.group).map((s) => [s, ref(s)]));
  const inputValues = parts.inputValues as Record<string, YamlValue>;
  return {
    serverProperties: { user_data_format: 'SOFTWARE_CONFIG' },
    resources: {
      [`${id}_setup_config`]: { type: 'OS::Heat::SoftwareConfig', properties: { group: 'script', config: parts.setupConfig } },
      [`${id}_config`]: {
        type: 'OS::Heat::SoftwareConfig',
        properties: { group: 'ansible', inputs: parts.inputs.map((i) => ({ name: i.name, type: i.type })), config: parts.config },
      },
      [`${id}_setup_deployment`]: {
        type: 'OS::Heat::SoftwareDeploymentGroup',
        properties: { config: ref(`${id}_setup_config`), servers },
      },
      [`${id}_deployment`]: {
        type: 'OS::Heat::SoftwareDeploymentGroup',
        depends_on: [`${id}_setup_deployment`],
        properties: {
          config: ref(`${id}_config`),
          servers,
          input_values: Object.keys(inputValues).length > 0 ? inputValues : undefined,
        },
      },
    },
  };
}
