// Issue 12 parts 3-4: Spark on Mesos and Hadoop, built from spec text through the real front end
// (test/support/spec.ts): the lowered model, the role plan (roles, variables, ports and where they
// are reachable from), both outputs (the INDIGO nodes in TOSCA, the security groups and the role
// variables in HOT) and the diagnostics of what a target cannot express.
import { expect } from 'chai';
import YAML from 'yaml';
import { compile } from '../../src/compile.js';
import type { ClusterModel } from '../../src/model/model.js';
import { ROLES, artifactFile, planCluster, type GroupPlan, type VarExpr } from '../../src/roles/index.js';
import type { Services } from '../../src/services/index.js';
import { HADOOP_MIRROR } from '../../src/services/hadoop.js';
import { lowerText, specModel } from '../support/spec.js';

type Obj = Record<string, any>;

const SPEC = (body: string, groups = 'masters 3\n  agents 2\n  load_balancers 1'): string => `cluster "bd" {
  cloud { image = "ubuntu-22.04"  network = "net"  key_name = "k" }
  ${groups}
  ${body}
}
`;

const services = (m: ClusterModel): Services => m.services as unknown as Services;
const plan = (m: ClusterModel, kind: string): GroupPlan => planCluster(m).find((p) => p.group.kind === kind)!;
const vars = (p: GroupPlan, id: string): Readonly<Record<string, VarExpr>> | undefined => p.roles.find((r) => r.role.id === id)?.vars;
const ports = (p: GroupPlan): string[] => p.ports.map((r) => `${r.protocol}/${r.from}-${r.to} ${r.source}`);

function outputs(text: string): { tosca: Obj; hot: Obj; codes: string[] } {
  const r = compile(text, 'bd.cluster', { targets: ['tosca', 'hot'] });
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  expect(errors.map((d) => `${d.code} ${d.message}`)).to.deep.equal([]);
  const file = (suffix: string): Obj => YAML.parse(r.files.find((f) => f.name.endsWith(suffix))!.content, { version: '1.1' }) as Obj;
  return { tosca: file('.tosca.yaml'), hot: file('.hot.yaml'), codes: r.diagnostics.map((d) => d.code) };
}

describe('services: spark', () => {
  it('lowers the block: app, the Zeppelin password as an implicit secret, memory in MiB, the cluster HDFS', () => {
    const m = specModel(SPEC('spark { executor_memory = 2 GiB  driver_memory = 1 GB  cores_max = 8 }\n  hadoop { }'));
    const s = services(m).spark;
    expect([s.enabled, s.app, s.executorMemoryMiB, s.driverMemoryMiB, s.hdfsUri]).to.deep.equal([true, 'zeppelin', 2048, 953, 'cluster']);
    expect(s.password).to.include({ kind: 'input', input: 'spark_password' });
    expect(m.inputs.find((i) => i.name === 'spark_password')).to.include({ secret: true });
    expect(s.coresMax).to.include({ kind: 'literal', value: 8 });
    expect(services(specModel(SPEC(''))).spark.enabled).to.equal(false);
  });

  it('reports an unknown app (CS2101, did-you-mean) and a disabled Marathon (CS2100)', () => {
    const bad = lowerText(SPEC('spark { app = "zepelin" }')).diagnostics;
    expect(bad.map((d) => [d.code, d.help])).to.deep.include(['CS2101', 'did you mean `zeppelin`?']);
    const off = lowerText(SPEC('marathon { enabled = false }\n  spark { app = "dispatcher" }')).diagnostics;
    expect(off.map((d) => d.code)).to.include('CS2100');
    // the dispatcher has no password: none is asked for
    expect(specModel(SPEC('spark { app = "dispatcher" }')).inputs.map((i) => i.name)).to.not.include('spark_password');
  });

  it('plans indigo-dc.spark-mesos on the masters only, after Marathon, with the spec settings', () => {
    const m = specModel(SPEC('marathon { username = "ops" }\n  spark { password = secret  swift_password = secret  executor_cores = 2 }'));
    const masters = plan(m, 'masters');
    const order = masters.roles.map((r) => r.role.id);
    expect(order.indexOf('spark-mesos')).to.be.greaterThan(order.indexOf('marathon'));
    const v = vars(masters, 'spark-mesos')!;
    expect(v['spark_mesos_deploy_app']).to.deep.equal({ kind: 'literal', value: 'apache-zeppelin' });
    expect(v['marathon_username']).to.deep.include({ kind: 'param' });
    expect((v['marathon_username'] as Extract<VarExpr, { kind: 'param' }>).param).to.include({ kind: 'literal', value: 'ops' });
    expect((v['spark_mesos_zeppelin_admin_password'] as Extract<VarExpr, { kind: 'param' }>).param).to.include({ kind: 'input', input: 'spark_password' });
    expect((v['spark_mesos_swift_password'] as Extract<VarExpr, { kind: 'param' }>).param).to.include({ kind: 'input', input: 'spark_swift_password' });
    expect(v['zookeeper_peers']).to.deep.equal({ kind: 'groupAddresses', group: 'masters' });
    // the protocol indigo-dc.marathon's facts choose, and the port that serves it
    expect([v['marathon_protocol'], v['marathon_port']]).to.deep.equal([{ kind: 'literal', value: 'https' }, { kind: 'literal', value: 8443 }]);
    const plain = vars(plan(specModel(SPEC('marathon { ssl = false }\n  spark { }', 'masters 1\n  agents 1')), 'masters'), 'spark-mesos')!;
    expect([plain['marathon_protocol'], plain['marathon_port']]).to.deep.equal([{ kind: 'literal', value: 'http' }, { kind: 'literal', value: 8080 }]);
    expect([v['spark_mesos_executor_memory'], v['spark_mesos_driver_memory']]).to.deep.equal([{ kind: 'literal', value: '1024m' }, { kind: 'literal', value: '1024m' }]);
    expect(vars(plan(m, 'agents'), 'spark-mesos')).to.equal(undefined);
    expect(vars(plan(m, 'load_balancers'), 'spark-mesos')).to.equal(undefined);
  });

  it('opens Zeppelin to users on public load balancers, the dispatcher inside the cluster only, the executors between hosts', () => {
    const z = specModel(SPEC('spark { }'));
    expect(ports(plan(z, 'load_balancers'))).to.include('tcp/8081-8081 world');
    expect(ports(plan(z, 'agents'))).to.include('tcp/32768-60999 cluster');
    const d = specModel(SPEC('spark { app = "dispatcher" }'));
    const lb = ports(plan(d, 'load_balancers'));
    expect(lb).to.include.members(['tcp/7070-7070 cluster', 'tcp/7077-7077 cluster']);
    expect(lb.filter((p) => /^tcp\/70(70|77)-.* (world|vip)$/.test(p))).to.deep.equal([]);
    // private load balancers: Zeppelin is not opened to anyone outside
    const priv = specModel(SPEC('spark { }', 'masters 1\n  agents 1\n  load_balancers 1 { public = false }'));
    expect(ports(plan(priv, 'load_balancers')).filter((p) => p.startsWith('tcp/8081'))).to.deep.equal([]);
  });

  it('takes the HDFS URI of the spec, else the first master of the cluster HDFS, else none', () => {
    const given = vars(plan(specModel(SPEC('spark { hdfs_uri = "hdfs://nn:8020" }\n  hadoop { }')), 'masters'), 'spark-mesos')!;
    expect((given['spark_mesos_hdfs_uri'] as Extract<VarExpr, { kind: 'param' }>).param).to.include({ kind: 'literal', value: 'hdfs://nn:8020' });
    const own = vars(plan(specModel(SPEC('spark { }\n  hadoop { }')), 'masters'), 'spark-mesos')!;
    expect(own['spark_mesos_hdfs_uri']).to.deep.equal({
      kind: 'concat',
      parts: [{ kind: 'literal', value: 'hdfs://' }, { kind: 'groupAddress', group: 'masters', index: 0 }, { kind: 'literal', value: ':9000' }],
    });
    const none = vars(plan(specModel(SPEC('spark { }')), 'masters'), 'spark-mesos')!;
    expect((none['spark_mesos_hdfs_uri'] as Extract<VarExpr, { kind: 'param' }>).param).to.include({ kind: 'literal', value: '' });
  });

  it('TOSCA: a SparkMesos node on the Mesos master with the pinned role; warns about the Zeppelin password and the Marathon user', () => {
    const { tosca, codes } = outputs(SPEC('marathon { username = "ops" }\n  spark { executor_memory = 2 GiB }\n  hadoop { }'));
    const nodes = tosca['topology_template']['node_templates'] as Obj;
    const spark = nodes['spark'];
    expect(spark.type).to.equal('tosca.nodes.indigo.SparkMesos');
    expect(spark.requirements).to.deep.equal([{ host: 'mesos_master' }]);
    expect(spark.artifacts.spark_mesos_role.file).to.equal(artifactFile(ROLES['spark-mesos']));
    expect(spark.properties).to.deep.include({ spark_mesos_deploy_app: 'apache-zeppelin', spark_executor_mem: '2048 MB', spark_driver_mem: '1024 MB', spark_driver_cores: 1 });
    expect(spark.properties.spark_hdfs_uri).to.deep.equal({ concat: ['hdfs://', { get_attribute: ['mesos_master_server', 'private_address', 0] }, ':9000'] });
    expect(spark.properties.marathon_password).to.deep.equal({ get_input: 'marathon_password' });
    expect(codes).to.include.members(['CS3140', 'CS3141']);
    expect(outputs(SPEC('spark { app = "dispatcher" }')).codes).to.not.include.members(['CS3140', 'CS3141']);
  });

  it('a password given to the dispatcher is an input neither target declares, and each says so', () => {
    const r = compile(SPEC('spark { app = "dispatcher"  password = secret }'), 'bd.cluster', { targets: ['tosca', 'hot'] });
    const notes = r.diagnostics.filter((d) => d.code === 'CS3120' || d.code === 'CS3280').map((d) => [d.code, d.message.includes('`spark.password`'), d.message.includes('dispatcher has no password')]);
    expect(notes).to.deep.include.members([['CS3120', true, true], ['CS3280', true, true]]);
  });

  it('HOT: Zeppelin (8081, an admin port) is open outside the cluster only to `access.admin`; the masters install the pinned role', () => {
    const lbRules = (hot: Obj): string[] => ((hot['resources'] as Obj)['load_balancers_secgroup'].properties.rules as Obj[])
      .map((r) => `${r.port_range_min}-${r.port_range_max} ${r.remote_ip_prefix ?? r.remote_group_id?.get_resource ?? r.remote_mode}`);
    const { hot } = outputs(SPEC('spark { }'));
    const res = hot['resources'] as Obj;
    expect(lbRules(hot).filter((r) => r.startsWith('8081-'))).to.deep.equal([]);
    expect(lbRules(hot)).to.include('80-80 0.0.0.0/0');
    const narrow = outputs(SPEC('spark { }\n  access { admin = [192.0.2.0/24] }')).hot;
    expect(lbRules(narrow).filter((r) => r.startsWith('8081-'))).to.deep.equal(['8081-8081 192.0.2.0/24']);
    // TOSCA: the endpoint port follows the same list (remote_cidr).
    const tosca = outputs(SPEC('spark { }\n  access { admin = [192.0.2.0/24] }')).tosca;
    const lbEndpoint = ((tosca['topology_template'] as Obj)['node_templates'] as Obj)['mesos_lb_server'];
    expect(JSON.stringify(lbEndpoint)).to.include('"source":8081,"remote_cidr":"192.0.2.0/24"');
    expect(JSON.stringify(((outputs(SPEC('spark { }')).tosca['topology_template'] as Obj)['node_templates'] as Obj))).to.not.include('"source":8081');
    const text = JSON.stringify(res);
    expect(text).to.include(`version: ${ROLES['spark-mesos'].version}`);
    expect(text).to.include('name: indigo-dc.spark-mesos');
  });
});

describe('services: hadoop', () => {
  it('plans the master role on the masters and the slave role on every pool, all naming the first master', () => {
    const m = specModel(SPEC('hadoop { }', 'masters 3\n  agents 2\n  agents "gpu" 1'));
    const first: VarExpr = { kind: 'groupAddress', group: 'masters', index: 0 };
    expect(vars(plan(m, 'masters'), 'hadoop')).to.deep.equal({
      hadoop_type_of_node: { kind: 'literal', value: 'master' },
      hadoop_master: first,
      hadoop_mirrors: { kind: 'literal', value: [HADOOP_MIRROR] },
    });
    for (const p of planCluster(m).filter((x) => x.group.kind === 'agents')) {
      expect(vars(p, 'hadoop'), p.group.id).to.deep.include({ hadoop_type_of_node: { kind: 'literal', value: 'slave' }, hadoop_master: first });
    }
    expect(services(specModel(SPEC(''))).hadoop.enabled).to.equal(false);
    expect(services(specModel(SPEC('hadoop { enabled = false }'))).hadoop.enabled).to.equal(false);
  });

  it('opens the HDFS and YARN ports inside the cluster only, never to the world', () => {
    const m = specModel(SPEC('hadoop { }'));
    expect(ports(plan(m, 'masters'))).to.include.members(['tcp/9000-9000 cluster', 'tcp/50070-50070 cluster', 'tcp/8088-8088 cluster', 'tcp/8030-8033 cluster']);
    expect(ports(plan(m, 'agents'))).to.include.members(['tcp/50010-50010 cluster', 'tcp/50020-50020 cluster', 'tcp/50075-50075 cluster']);
    for (const p of planCluster(m)) {
      expect(p.ports.filter((r) => [9000, 50070, 8088, 50010, 50075].includes(r.from ?? 0) && r.source !== 'cluster'), p.group.id).to.deep.equal([]);
    }
  });

  it('TOSCA: HadoopMaster on the masters\' Compute, a HadoopSlave per pool naming the first master; warns that the role runs unfixed', () => {
    const { tosca, codes } = outputs(SPEC('hadoop { }', 'masters 1\n  agents 2\n  agents "gpu" 1'));
    const nodes = tosca['topology_template']['node_templates'] as Obj;
    expect(nodes['hadoop_master']).to.deep.include({ type: 'tosca.nodes.indigo.HadoopMaster', requirements: [{ host: 'mesos_master_server' }] });
    expect(nodes['hadoop_master'].artifacts.hadoop_role.file).to.equal(artifactFile(ROLES.hadoop));
    for (const [name, host] of [['hadoop_slave', 'mesos_slave_server'], ['hadoop_slave_gpu', 'mesos_slave_gpu_server']]) {
      expect(nodes[name!], name).to.deep.include({ type: 'tosca.nodes.indigo.HadoopSlave', requirements: [{ host }] });
      expect(nodes[name!].properties.master_ip).to.deep.equal({ get_attribute: ['mesos_master_server', 'private_address', 0] });
    }
    expect(codes).to.include('CS3142');
  });

  it('HOT: hadoop_master is the first master\'s port address on every host (data Heat resolves)', () => {
    const { hot } = outputs(SPEC('hadoop { }', 'masters 3\n  agents 1'));
    const res = hot['resources'] as Obj;
    for (const group of ['masters', 'agents']) {
      // cloud-init: the group's user_data is a str_replace whose template names a placeholder per value
      const sr = res[`${group}_user_data`].properties.value.str_replace as { template: string; params: Obj };
      const slot = /"clusterc_in_hadoop_master": (@CLUSTERC_V\d+@)/.exec(sr.template)?.[1];
      expect(slot, group).to.be.a('string');
      expect(sr.params[slot!], group).to.deep.equal([{ get_attr: ['master_0_port', 'fixed_ips', 0, 'ip_address'] }]);
      expect(sr.template, group).to.include('"clusterc_in_hadoop_type_of_node": ["' + (group === 'masters' ? 'master' : 'slave') + '"]');
      expect(sr.template, group).to.include('name: indigo-dc.hadoop');
    }
  });
});
