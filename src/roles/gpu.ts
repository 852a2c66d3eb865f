// Role variables of GPU agent pools (both emitters read the plan; TOSCA sets the same switches
// through the INDIGO types' enable_gpu_support). On the pool's agents, indigo-dc.mesos
// `mesos_enable_gpu_support` (defaults/main.yml:29) adds the docker/runtime, filesystem/linux,
// cgroups/devices and gpu/nvidia isolators where /usr/bin/nvidia-smi runs (tasks/slave.yml:70-77) and
// MESOS_IMAGE_PROVIDERS=docker (templates/mesos-slave-env.j2:14). On the masters, Marathon's
// `marathon_enable_gpu_support` adds the `gpu_resources` feature (ansible-role-marathon
// tasks/facts.yml:24-27) and Chronos' `chronos_enable_gpu_support` sets CHRONOS_ENABLE_FEATURES=
// gpu_resources (templates/chronos-env.j2:10), so both frameworks accept GPU offers.
import type { ClusterModel, HostGroup } from '../model/model.js';
import type { VarExpr } from './types.js';

const on: VarExpr = { kind: 'literal', value: true };

/** Variables of indigo-dc.mesos on the agents of pool `g` (none for a pool without GPUs). */
export function gpuAgentVars(g: HostGroup): Record<string, VarExpr> {
  return g.gpu ? { mesos_enable_gpu_support: on } : {};
}

/** True when some agent pool has GPUs: the masters then turn on GPU support in the frameworks. */
export function clusterHasGpus(m: ClusterModel): boolean {
  return m.agentPools.some((p) => p.gpu !== undefined);
}

/** Variables of the framework role `id` (its variable prefix) on the masters when some pool has GPUs. */
export function gpuFrameworkVars(m: ClusterModel, id: string): Record<string, VarExpr> {
  return clusterHasGpus(m) ? { [`${id}_enable_gpu_support`]: on } : {};
}
