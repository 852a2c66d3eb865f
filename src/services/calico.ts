// Calico: container networking on every host (role indigo-dc.calico), against an existing etcd
// cluster (`etcd_endpoints`, CS2019). Refused today (CS2063): the role wires Calico into Docker's
// `--cluster-store`, which Docker 23 removed. The INDIGO types have no Calico (CS3102).
import type { Param, ServiceBase } from '../model/model.js';
import type { VarExpr } from '../roles/types.js';
import { lit } from './helpers.js';
import { defineService, type ServiceEntry } from './types.js';

/** Calico settings. */
export interface CalicoModel extends ServiceBase {
  readonly etcdEndpoints: readonly Param<string>[];
}

/**
 * Calico variables from the spec's `"host:port"` etcd endpoints. The role builds its URLs from
 * etcd_peers + etcd_client_port + etcd_peer_url_scheme (ansible-role-calico defaults/main.yml:9-24),
 * which can only express one port; we also set the two derived values themselves (etcd_endpoints,
 * docker_cluster_store) so endpoints with different ports stay exact.
 */
function calicoVars(endpoints: readonly Param<string>[]): Record<string, VarExpr> {
  const hostPorts = endpoints.map((p) => {
    // etcd_endpoints cannot be an input (CS2030), so every endpoint is literal.
    if (p.kind !== 'literal') throw new Error(`calico etcd endpoint \`${p.input}\` must be a literal`);
    const v = p.value;
    const i = v.lastIndexOf(':');
    const port = i > 0 ? Number(v.slice(i + 1)) : NaN;
    return Number.isInteger(port) && port > 0 ? { host: v.slice(0, i), port } : { host: v, port: 2379 };
  });
  return {
    etcd_peers: lit(hostPorts.map((e) => e.host)),
    etcd_client_port: lit(hostPorts[0]?.port ?? 2379),
    etcd_peer_url_scheme: lit('http'),
    etcd_endpoints: lit(hostPorts.map((e) => `http://${e.host}:${e.port}`).join(',')),
    docker_cluster_store: lit(`etcd://${hostPorts.map((e) => `${e.host}:${e.port}`).join(',')}`),
  };
}

/** The calico service. */
export const calico: ServiceEntry<'calico', CalicoModel> = defineService({
  key: 'calico',
  block: { name: 'calico', attrs: { etcd_endpoints: { type: 'string-list', param: false, doc: 'etcd endpoints, "host:port"' } } },
  lower(cx) {
    const s = cx.block;
    const endpoints = s.plain('etcd_endpoints');
    const spans = s.itemSpans('etcd_endpoints');
    return {
      enabled: s.present,
      hosts: s.present ? cx.cluster.ids.all : [],
      origin: s.origin,
      etcdEndpoints: Array.isArray(endpoints?.value)
        ? endpoints.value.map((e, i) => ({ kind: 'literal' as const, value: String(e), origin: spans[i] ?? endpoints.span }))
        : [],
    };
  },
  check(cx) {
    const block = cx.block;
    if (!block) return;
    cx.diag.report('CS2063', block.name.span, {}, { label: 'cannot work with current Docker', help: 'remove the `calico` block; containers use Docker bridge networking' });
    const attr = (block.body ?? []).find((s) => s.kind === 'attribute' && s.name.name === 'etcd_endpoints');
    const help = 'add `etcd_endpoints = ["10.0.0.5:2379"]` naming an existing etcd cluster';
    if (!attr) cx.diag.report('CS2019', block.name.span, {}, { help });
    else if (attr.kind === 'attribute' && attr.value?.kind === 'list' && attr.value.items.length === 0) cx.diag.report('CS2019', attr.value.span, {}, { help });
  },
  uses: (svc) => svc.etcdEndpoints.map((p) => ['calico.etcd_endpoints', p] as const),
  plan(svc, cx) {
    cx.invoke('calico', calicoVars(svc.etcdEndpoints));
    // calicoctl node runs BIRD, which peers over BGP (tcp 179) with every other calico host.
    cx.open({ protocol: 'tcp', from: 179, to: 179, audience: 'cluster', class: 'service', description: 'calico BGP' });
  },
  tosca: {
    lossy(svc, cx) {
      if (svc.enabled) cx.diag.report('CS3102', svc.origin ?? cx.m.origin, {}, { label: 'not representable in tosca' });
    },
  },
});
