// Elasticity: scaling of the agent pools that have a range. TOSCA: CLUES, the INDIGO ElasticCluster
// node (hosted on the masters, as in mesos_elastic_cluster.yaml), which scales the first range pool;
// HOT: autoscaling groups with scaling webhooks. The block only sets CLUES's idle timeout.
import { specDuration } from '../model/spec-units.js';
import { tick } from '../diagnostics/codes/define.js';
import type { YamlValue } from '../emit/yaml.js';
import type { Param, ServiceBase } from '../model/model.js';
import { defineService, type ServiceEntry, type ToscaContext } from './types.js';

/** Elasticity settings. */
export interface ElasticityModel extends ServiceBase {
  /** Seconds an agent may stay idle before it is powered off. */
  readonly idleTimeout: number;
  /** The agent pools (ids) that are elastic. */
  readonly pools: readonly string[];
}

/** Default idle time of an elastic agent before it is powered off, in seconds. */
export const DEFAULT_IDLE_TIMEOUT = 600;

/** Name of the CLUES node, as in mesos_elastic_cluster.yaml. */
export const ELASTIC_NODE = 'elastic_cluster_front_end';

/**
 * The ElasticCluster (CLUES) node of mesos_elastic_cluster.yaml: `lrms` → the master, `wn` → the
 * elastic pool's software node; CLUES reaches the frameworks with these credentials
 * (tosca.datatypes.Credential, TOSCA §3.3.5). deployment_id, orchestrator_url and the IAM fields keep
 * their type defaults: the orchestrator fills them in at deployment.
 */
function elasticNode(cx: ToscaContext): YamlValue {
  const pool = cx.elasticPool;
  if (!pool) return undefined;
  const s = cx.m.services;
  const cred = (ssl: boolean, user: Param<string>, password: Param<string>, svc: string): YamlValue => ({
    protocol: ssl ? 'https' : 'http',
    token_type: 'password',
    token: cx.value(password, `the ${svc} password`),
    user: cx.value(user, `the ${svc} username`),
  });
  return {
    type: 'tosca.nodes.indigo.ElasticCluster',
    properties: {
      marathon_credentials: cred(s.marathon.ssl, s.marathon.username, s.marathon.password, 'marathon'),
      chronos_credentials: s.chronos.enabled ? cred(s.chronos.ssl, s.chronos.username, s.chronos.password, 'chronos') : undefined,
      mesos_credentials: cred(false, s.mesos.username, s.mesos.password, 'mesos'),
    },
    requirements: [{ lrms: cx.names(cx.m.masters).software }, { wn: cx.names(pool).software }],
  };
}

/** The elasticity service. */
export const elasticity: ServiceEntry<'elasticity', ElasticityModel> = defineService({
  key: 'elasticity',
  block: {
    name: 'elasticity',
    attrs: {
      idle_timeout: { type: 'duration', param: false, min: 60, max: 30 * 86400, default: DEFAULT_IDLE_TIMEOUT, doc: 'idle time before an agent is powered off' },
    },
  },
  lower(cx) {
    const pools = cx.cluster.pools.filter((p) => p.size.kind === 'range').map((p) => p.id);
    const idle = cx.block.plain('idle_timeout')?.value;
    return {
      enabled: pools.length > 0,
      // CLUES, the elasticity manager, runs on the masters (INDIGO ElasticCluster is hosted there).
      hosts: pools.length > 0 ? cx.cluster.ids.masters : [],
      origin: cx.block.origin,
      idleTimeout: typeof idle === 'number' ? idle : DEFAULT_IDLE_TIMEOUT,
      pools,
    };
  },
  check(cx) {
    if (!cx.block || cx.pools.some((p) => p.block.count?.kind === 'range')) return;
    cx.diag.report('CS2020', cx.block.name.span, {}, {
      help: cx.pools.length > 0 ? 'give an agent pool a range, e.g. `agents 2..10`' : 'add an elastic agent pool, e.g. `agents 2..10 { ... }`',
    });
  },
  tosca: {
    contribute(_svc, g, _kind, cx) {
      if (g.id !== cx.elasticPool?.id || g.size.kind !== 'range') return {};
      return { capabilities: { wn: { properties: { min_instances: g.size.min, max_instances: g.size.max } } } };
    },
    nodes(_svc, cx) {
      const node = elasticNode(cx);
      return node !== undefined ? { [ELASTIC_NODE]: node } : {};
    },
    lossy(svc, cx) {
      const [first, ...extra] = cx.m.agentPools.filter((p) => p.size.kind === 'range');
      for (const p of extra) {
        const empty = p.size.kind === 'range' && p.size.min === 0;
        cx.diag.report('CS3109', p.size.origin ?? p.origin, { pool: p.id, first: first?.id ?? '' }, {
          label: empty ? 'TOSCA starts this pool with zero hosts and never scales it' : 'deployed with its minimum size, never scaled',
          ...(empty ? { notes: [`the minimum is 0: TOSCA starts pool ${tick(p.id)} with zero hosts, and it stays empty`] } : {}),
          help: empty ? 'give this pool a minimum of 1 or more, a fixed count, or make it the first pool with a range' : 'give this pool a fixed count, or make it the first pool with a range',
        });
      }
      if (first && svc.idleTimeout !== DEFAULT_IDLE_TIMEOUT) {
        cx.diag.report('CS3112', cx.m.attributeSpans?.['elasticity.idle_timeout'] ?? svc.origin ?? first.size.origin ?? cx.m.origin, { timeout: specDuration(svc.idleTimeout) }, { label: 'not representable in tosca' });
      }
    },
    // Type-level role artifacts of ElasticCluster not overridden (custom_types.yaml @40fa4d6 clues_role, im_role).
    unpinnedRoles: (svc) => (svc.enabled ? ['`indigo-dc.clues,master`', '`grycap.im,master`'] : []),
  },
  hot: {
    lossy(svc, cx) {
      const range = cx.m.agentPools.find((g) => g.size.kind === 'range');
      if (!svc.enabled || svc.origin === undefined || !range) return;
      cx.diag.report('CS3204', cx.m.attributeSpans?.['elasticity.idle_timeout'] ?? svc.origin, { timeout: specDuration(svc.idleTimeout) }, {
        label: 'idle timeout used by CLUES only',
        help: 'connect the `<pool>_scale_down_url` output to an alarm (Aodh) or a monitoring system to remove idle agents',
      });
    },
  },
});
