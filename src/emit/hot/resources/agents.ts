// Agent pools. A fixed count becomes an OS::Heat::ResourceGroup (heat/resource_group.py: `count`,
// `resource_def` with `%index%` in the server name); a range becomes an OS::Heat::AutoScalingGroup
// (heat/autoscaling_group.py: min_size, max_size, desired_capacity = min) with two
// OS::Heat::ScalingPolicy resources (heat/scaling_policy.py: change_in_capacity ±1, attributes
// alarm_url and signal_url, published as outputs). Members are plain OS::Nova::Server resources
// whose ports Nova creates on the private network with the group's security groups.
import type { GroupPlan } from '../../../roles/types.js';
import type { YamlValue } from '../../yaml.js';
import { ref, type HotContext } from '../context.js';
import { hostSecgroups } from './security-groups.js';
import { serverNameStem, serverProperties } from './servers.js';

/** Seconds between two scaling actions of the same policy. */
export const SCALING_COOLDOWN = 300;

/** Names of the scaling policies of an elastic pool. */
export function scalingPolicies(poolId: string): { up: string; down: string } {
  return { up: `${poolId}_scale_up`, down: `${poolId}_scale_down` };
}

/** The resources of one agent pool (the group resource named like the pool, and its policies). */
export function buildAgentPool(ctx: HotContext, plan: GroupPlan, bootstrap: Record<string, YamlValue>): Record<string, YamlValue> {
  const g = plan.group;
  const server = (name: YamlValue): YamlValue => ({
    type: 'OS::Nova::Server',
    properties: {
      name,
      ...serverProperties(ctx, g, bootstrap),
      networks: [{ network: ctx.cloud.network }],
      security_groups: hostSecgroups(g),
    },
  });
  if (g.size.kind === 'fixed') {
    const count = g.size.count.kind === 'literal' ? g.size.count.value : { get_param: g.size.count.input };
    return {
      [g.id]: {
        type: 'OS::Heat::ResourceGroup',
        properties: { count, resource_def: server(`${serverNameStem(ctx, g)}-%index%`) },
      },
    };
  }
  const { up, down } = scalingPolicies(g.id);
  const policy = (adjustment: number): YamlValue => ({
    type: 'OS::Heat::ScalingPolicy',
    properties: { adjustment_type: 'change_in_capacity', auto_scaling_group_id: ref(g.id), scaling_adjustment: adjustment, cooldown: SCALING_COOLDOWN },
  });
  return {
    [g.id]: {
      type: 'OS::Heat::AutoScalingGroup',
      properties: {
        min_size: g.size.min,
        max_size: g.size.max,
        desired_capacity: g.size.min,
        cooldown: SCALING_COOLDOWN,
        // AutoScalingGroup members cannot use %index%: Heat names them; the stem stays in metadata.
        resource: server(undefined),
      },
    },
    [up]: policy(1),
    [down]: policy(-1),
  };
}
