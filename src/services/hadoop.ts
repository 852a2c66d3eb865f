// Hadoop (issue 12): HDFS and YARN 2.7 by indigo-dc.hadoop (ansible-role-hadoop 59f895c): the
// namenode and resource manager on the masters (`hadoop_type_of_node: master`), a datanode and
// node manager on every agent (`slave`), all pointing at the first master (`hadoop_master`).
// TOSCA: the INDIGO types tosca.nodes.indigo.HadoopMaster / HadoopSlave (custom_types.yaml; their
// configure playbooks artifacts/hadoop/hadoop_{master,wn}_install.yml pass hadoop_master and the
// node type). Ports: the Hadoop 2.7 defaults (hdfs-default.xml, yarn-default.xml, mapred-default.xml)
// and fs.default.name `hdfs://<master>:9000` (templates/core-site.xml:5).
import type { YamlValue } from '../emit/yaml.js';
import type { ServiceBase } from '../model/model.js';
import { artifactFile, ROLES } from '../roles/catalog.js';
import { bool, lit } from './helpers.js';
import type { PortNeed } from './types.js';
import { defineService, type ServiceEntry } from './types.js';

/** The Hadoop release the role installs (defaults/main.yml:8 hadoop_version). */
export const HADOOP_VERSION = '2.7.4';
/**
 * Where that release is still served: the role's mirrors (defaults/main.yml:6, `.../stable2/`) carry
 * only the current 2.x release (2.10), so `<mirror>/hadoop-2.7.4.tar.gz` is gone from all of them;
 * the Apache archive keeps every release (`<mirror>/hadoop-<v>.tar.gz`, tasks/install.yml:31).
 */
export const HADOOP_MIRROR = `https://archive.apache.org/dist/hadoop/common/hadoop-${HADOOP_VERSION}`;
/** The namenode RPC port of fs.default.name (templates/core-site.xml:5). */
export const HDFS_PORT = 9000;

type Port = Omit<PortNeed, 'audience' | 'class'> & { readonly class?: PortNeed['class'] };
/** Namenode and resource manager (masters). Web UIs have no authentication: cluster only. */
const MASTER_PORTS: readonly Port[] = [
  { protocol: 'tcp', from: HDFS_PORT, to: HDFS_PORT, description: 'hdfs namenode RPC' },
  { protocol: 'tcp', from: 50070, to: 50070, class: 'admin', description: 'hdfs namenode web UI (dfs.namenode.http-address)' },
  { protocol: 'tcp', from: 8030, to: 8033, description: 'yarn resource manager scheduler, tracker, client, admin' },
  { protocol: 'tcp', from: 8088, to: 8088, class: 'admin', description: 'yarn resource manager web UI and REST API' },
];
/** Datanode and node manager (agents). */
const AGENT_PORTS: readonly Port[] = [
  { protocol: 'tcp', from: 50010, to: 50010, description: 'hdfs datanode data transfer' },
  { protocol: 'tcp', from: 50020, to: 50020, description: 'hdfs datanode IPC' },
  { protocol: 'tcp', from: 50075, to: 50075, description: 'hdfs datanode HTTP' },
  { protocol: 'tcp', from: 8040, to: 8042, description: 'yarn node manager localizer and web UI' },
  { protocol: 'tcp', from: 13562, to: 13562, description: 'mapreduce shuffle' },
  // yarn.nodemanager.address defaults to port 0: an ephemeral port the resource manager calls.
  { protocol: 'tcp', from: 32768, to: 60999, description: 'yarn node manager RPC (ephemeral port)' },
];

/** The hadoop service. */
export const hadoop: ServiceEntry<'hadoop', ServiceBase> = defineService({
  key: 'hadoop',
  block: { name: 'hadoop', attrs: { enabled: bool('run HDFS and YARN (on when the block is written)', true) } },
  lower(cx) {
    const s = cx.block;
    const enabled = s.present && s.bool('enabled');
    return { enabled, hosts: enabled ? [...cx.cluster.ids.masters, ...cx.cluster.ids.agents] : [], origin: s.origin };
  },
  plan(_svc, cx) {
    const master = cx.group.kind === 'masters';
    cx.invoke('hadoop', {
      hadoop_type_of_node: lit(master ? 'master' : 'slave'),
      hadoop_master: { kind: 'groupAddress', group: cx.m.masters.id, index: 0 },
      hadoop_mirrors: lit([HADOOP_MIRROR]),
    });
    for (const p of master ? MASTER_PORTS : AGENT_PORTS) cx.open({ ...p, audience: 'cluster', class: p.class ?? 'service' });
  },
  tosca: {
    nodes(svc, cx) {
      if (!svc.enabled) return {};
      const masters = cx.names(cx.m.masters).server;
      const role = { hadoop_role: { file: artifactFile(ROLES.hadoop), type: 'tosca.artifacts.AnsibleGalaxy.role' } };
      const out: Record<string, YamlValue> = {
        hadoop_master: { type: 'tosca.nodes.indigo.HadoopMaster', artifacts: role, requirements: [{ host: masters }] },
      };
      for (const g of cx.m.agentPools) {
        out[g.label === undefined ? 'hadoop_slave' : `hadoop_slave_${g.label.replace(/-/g, '_')}`] = {
          type: 'tosca.nodes.indigo.HadoopSlave',
          properties: { master_ip: { get_attribute: [masters, 'private_address', 0] } },
          artifacts: role,
          requirements: [{ host: cx.names(g).server }],
        };
      }
      return out;
    },
    lossy(svc, cx) {
      if (svc.enabled) cx.diag.report('CS3142', svc.origin ?? cx.m.origin, {}, { label: 'the orchestrator runs the role as published', help: 'deploy the HOT output, which fixes the role (src/emit/hot/QUIRKS.md)' });
    },
  },
});
