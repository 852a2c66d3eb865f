// Agent pools. A fixed count becomes an OS::Heat::ResourceGroup (heat/resource_group.py: `count`,
// `resource_def` with `%index%` in the server name, or another `index_var` when a spec string holds
// `%index%`: see indexVar); a range becomes an OS::Heat::AutoScalingGroup
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

/** ResourceGroup's default index variable (heat/resource_group.py INDEX_VAR default). */
export const DEFAULT_INDEX_VAR = '%index%';

/**
 * The index variable of a pool: `%index%`, unless some text Heat substitutes in (`related`: the
 * resource_def and the group's shared user_data, whose resolved text Heat also rewrites) holds it;
 * then the first `%clusterc_index[_N]%` that none holds. Heat replaces the variable in every string
 * of the resolved resource_def with no escape, so a spec string `m1.%index%` would become `m1.0`.
 */
export function indexVar(related: readonly YamlValue[]): string {
  const text = JSON.stringify(related);
  if (!text.includes(DEFAULT_INDEX_VAR)) return DEFAULT_INDEX_VAR;
  for (let i = 1; ; i++) {
    const v = i === 1 ? '%clusterc_index%' : `%clusterc_index_${i}%`;
    if (!text.includes(v)) return v;
  }
}

/** The resources of one agent pool (the group resource named like the pool, and its policies). */
export function buildAgentPool(ctx: HotContext, plan: GroupPlan, bootstrap: Record<string, YamlValue>, related: readonly YamlValue[] = []): Record<string, YamlValue> {
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
    const probe = server(serverNameStem(ctx, g));
    const v = indexVar([probe, ...related]);
    return {
      [g.id]: {
        type: 'OS::Heat::ResourceGroup',
        properties: {
          count,
          index_var: v === DEFAULT_INDEX_VAR ? undefined : v,
          resource_def: server(`${serverNameStem(ctx, g)}-${v}`),
        },
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
