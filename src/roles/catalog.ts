// The role catalog: the one table of indigo-dc Ansible roles that both emitters install and run,
// so the TOSCA artifacts and the HOT software configs / cloud-init bootstrap cannot disagree about
// which role, which version, which source. Facts come from ../shared/indigo-reference.md §4 and the
// verbatim role files in ../shared/upstream/ansible-role-*/{defaults,meta}/main.yml.
//
// Pinning: every role is pinned to the HEAD commit listed in ../shared/upstream/SOURCES.md, i.e. the
// exact commit whose defaults/main.yml the tests in test/roles/ verify the variables against. Galaxy
// releases are not used: the newest tags (mesos v2.1.0 2018-07-27, marathon-lb v2.2.0, ...) predate
// those HEADs, the mesos-cluster requirements.yml pins `v1.0.0-deep` (a tag whose defaults we do not
// hold), and setup.sh of the upstream HOT templates installs unpinned roles. A git commit is the only
// pin that cannot move under us and matches what we checked.
import type { GroupKind } from '../model/model.js';
import type { RoleEntry } from './types.js';

/** Ids of the roles in the catalog. */
export type RoleId =
  | 'docker'
  | 'consul'
  | 'zookeeper'
  | 'mesos'
  | 'marathon'
  | 'chronos'
  | 'marathon-lb'
  | 'keepalived'
  | 'calico'
  | 'spark-mesos'
  | 'hadoop';

const DOCKER = 'indigo-dc.docker';

function entry(id: RoleId, commit: string, groups: readonly GroupKind[], dependencies: readonly string[]): RoleEntry {
  return {
    id,
    galaxy: `indigo-dc.${id}`,
    version: commit,
    src: `https://github.com/indigo-dc/ansible-role-${id}.git`,
    groups,
    dependencies,
  };
}

const ALL: readonly GroupKind[] = ['masters', 'agents', 'load_balancers'];

/**
 * Every role, keyed by id, in install order (dependencies first). Commits: SOURCES.md "ref = commit"
 * column (HEAD of each indigo-dc/ansible-role-* repository); dependencies: meta/main.yml.
 */
export const ROLES: Readonly<Record<RoleId, RoleEntry>> = {
  // meta/main.yml: `dependencies: []`; every other role depends on it. HEAD targets Ubuntu 20.04/22.04.
  docker: entry('docker', 'ca272590a1d8ad6fae3d2b5deea9b98640a393d4', ALL, []),
  // meta/main.yml:19-22: depends on indigo-dc.docker with docker_dns / docker_dns_search.
  // Servers on the masters, agents everywhere else (reference §4 host recipe).
  consul: entry('consul', '00214b0fab4539e122b13340a1f704ede82e5a37', ALL, [DOCKER]),
  zookeeper: entry('zookeeper', '028856bab1d13f9907d25d81e8b997e9086ee9d4', ['masters'], [DOCKER]),
  // master mode on the masters, slave mode on the agents (mesos_install_mode).
  mesos: entry('mesos', 'c03f79e4382041515fc4f6c8267644a2bebb2443', ['masters', 'agents'], [DOCKER]),
  marathon: entry('marathon', 'b4046a92f21cecba3b7be9eb85f30e0c2f3ba8c4', ['masters'], [DOCKER]),
  chronos: entry('chronos', '2e23323b7ada4cda428f337333e683996da6f882', ['masters'], [DOCKER]),
  'marathon-lb': entry('marathon-lb', '61beaaea9266cfbe598ab6a393cb0eca97b42ae5', ['load_balancers'], [DOCKER]),
  keepalived: entry('keepalived', '627f55a194aed0eb3b90882487bad4ecd484726c', ['load_balancers'], [DOCKER]),
  // Calico runs wherever containers run when the spec asks for it (grammar/LOWERING.md: every group).
  // It talks to an existing etcd cluster (the spec's etcd_endpoints), so indigo-dc.etcd is not needed.
  calico: entry('calico', '13dca370698c212cc7820704047ed622c721126f', ALL, [DOCKER]),
  // Spark on Mesos (issue 12): a Marathon app (Zeppelin or the MesosClusterDispatcher) posted from the
  // masters. The pin is the `master` branch the INDIGO type names (`indigo-dc.spark-mesos,master`,
  // custom_types.yaml SparkMesos), 37672ae (2017-09-06); the repository indigo-dc/spark-mesos is the
  // Docker image, not the role. meta/main.yml has no `dependencies`.
  'spark-mesos': entry('spark-mesos', '37672ae53f12716c4a069a5fd0da1ec7fc5b2f8f', ['masters'], []),
  // Hadoop 2.7 (issue 12): namenode + resource manager on the masters, datanode + node manager on the
  // agents. The pin is the `master` branch of indigo-dc/ansible-role-hadoop that HadoopMaster/HadoopSlave
  // name (`indigo-dc.hadoop,master`), 59f895c (2017-09-04). meta/main.yml: `dependencies: []`.
  hadoop: entry('hadoop', '59f895c4fe668e345cd6afca80d5bf9c0feb9ed8', ['masters', 'agents'], []),
};

/** Every role of the catalog, in install order (the order of ROLES). */
export const ROLE_LIST: readonly RoleEntry[] = Object.values(ROLES);

/**
 * Variables the plan sets that are NOT keys of the role's defaults/main.yml, each with where upstream
 * reads it. test/roles/catalog.test.ts fails if the plan sets a variable that is neither a default
 * nor listed here.
 */
export const ROLE_INPUTS: Readonly<Record<RoleId, Readonly<Record<string, string>>>> = {
  docker: {
    // Not a key of defaults/main.yml; read as an optional lookup (`| default(None)`).
    docker_bridge_ip_cidr: 'ansible-role-docker defaults/main.yml:6 `bip: "{{ docker_bridge_ip_cidr | default(None) }}"`',
  },
  consul: {
    consul_mode: 'reference §4 indigo-dc.consul "Required: consul_mode: server | agent"; HOT mesoscluster.yaml:251/341 `consul_mode: "server"/"agent"`',
    consul_servers: 'ansible-role-consul defaults/main.yml:13-14,20-21 (`consul_servers is defined` → consul_servers_list, consul_join_ip)',
    docker_bridge_ip_cidr:
      'ansible-role-consul defaults/main.yml:34 `docker_bridge_ip: "{{ docker_bridge_ip_cidr.split(\'/\')[0] }}"` and meta/main.yml:21 (docker_dns); no default',
  },
  zookeeper: {
    zookeeper_host_list: 'ansible-role-zookeeper defaults/main.yml:10-11,17-18 (`zookeeper_host_list is defined` → zookeeper_servers_list, zookeeper_id)',
  },
  mesos: {
    mesos_install_mode: 'reference §4 indigo-dc.mesos "Required: mesos_install_mode: master | slave"; HOT mesoscluster.yaml:253/342',
    zookeeper_peers: 'ansible-role-mesos defaults/main.yml:7-8 (`zookeeper_peers is defined` → zookeeper_peers_nodes)',
    mesos_masters_list: 'ansible-role-mesos defaults/main.yml:42-43 (`mesos_masters_list is defined` → mesos_master_nodes)',
  },
  marathon: {
    zookeeper_peers: 'ansible-role-marathon defaults/main.yml:8-9 (`zookeeper_peers is defined` → zookeeper_peers_nodes)',
    marathon_password: 'ansible-role-marathon defaults/main.yml:42 `#marathon_password: "secr3t" --> MANDATORY PARAM`',
  },
  chronos: {
    zookeeper_peers: 'ansible-role-chronos defaults/main.yml:7-8 (`zookeeper_peers is defined` → zookeeper_peers_nodes)',
    chronos_password: 'ansible-role-chronos defaults/main.yml:28 `#chronos_password: "secr3t" --> MANDATORY PARAM`',
  },
  'marathon-lb': {
    marathon_lb_marathon_servers: 'ansible-role-marathon-lb defaults/main.yml:20 (commented out; else inventory group marathon_servers, reference §4); TOSCA mesos_lb_install.yml passes master_ips (reference §1.5)',
    marathon_lb_chronos_servers: 'ansible-role-marathon-lb defaults/main.yml:21 (commented out; else group chronos_servers); TOSCA mesos_lb_install.yml passes master_ips',
    marathon_lb_mesos_servers: 'ansible-role-marathon-lb defaults/main.yml:22 (commented out; else group mesos_masters); TOSCA mesos_lb_install.yml passes master_ips',
  },
  keepalived: {
    keepalived_virtual_ip: 'reference §4 indigo-dc.keepalived "Required: keepalived_virtual_ip (no default)" (container env KEEPALIVED_VIRTUAL_IP); HOT mesoscluster.yaml LB input_values',
    load_balancers_list: 'ansible-role-keepalived defaults/main.yml:4-5,11-12 (`load_balancers_list is defined` → load_balancers, first_load_balancer_ip)',
  },
  calico: {
    etcd_peers: 'ansible-role-calico defaults/main.yml:10-11,19-20 (`etcd_peers is defined` → etcd_endpoints, docker_cluster_store)',
    etcd_client_port: 'ansible-role-calico defaults/main.yml:11,20 use it without defining it (ansible-role-etcd defaults/main.yml:18 defines 2379)',
    etcd_peer_url_scheme: 'ansible-role-calico defaults/main.yml:11 uses it without defining it (ansible-role-etcd defaults/main.yml:30)',
  },
  'spark-mesos': {
    marathon_password: 'ansible-role-spark-mesos tasks/main.yml:11,31,52 (`password: "{{marathon_password}}"`), not in defaults/main.yml; TOSCA SparkMesos property marathon_password (required)',
    zookeeper_peers: 'ansible-role-spark-mesos defaults/main.yml:10-11 (`zookeeper_peers is defined` → zookeeper_peers_nodes); TOSCA SparkMesos property zookeeper_peers (required)',
  },
  hadoop: {
    hadoop_master: 'ansible-role-hadoop templates/core-site.xml:5, templates/yarn-site.xml:13,16 (`{{ hadoop_master }}`), not in defaults/main.yml; TOSCA artifacts/hadoop/hadoop_*_install.yml pass it',
  },
};

/** One entry of an ansible-galaxy requirements file (role pinned to a git commit). */
export interface GalaxyRequirement {
  /** Git URL of the role repository. */
  readonly src: string;
  readonly scm: 'git';
  /** The pinned commit. */
  readonly version: string;
  /** Installed name, so playbooks and meta dependencies find it as `indigo-dc.<id>`. */
  readonly name: string;
}

/**
 * The requirements-file entries for these roles plus every role their meta dependencies pull in,
 * deduplicated, in catalog order (so indigo-dc.docker comes first). Listing the dependency pinned
 * and first matters: ansible-galaxy installs the entries in order and skips a meta dependency that
 * is already installed, so docker is installed at our commit instead of the unpinned Galaxy release.
 */
export function galaxyRequirements(roles: readonly RoleEntry[]): GalaxyRequirement[] {
  const wanted = new Set<string>();
  const add = (galaxy: string): void => {
    if (wanted.has(galaxy)) return;
    const r = ROLE_LIST.find((e) => e.galaxy === galaxy);
    if (r === undefined) throw new Error(`role \`${galaxy}\` is not in the role catalog`);
    wanted.add(galaxy);
    for (const d of r.dependencies ?? []) add(d);
  };
  for (const r of roles) add(r.galaxy);
  return ROLE_LIST.filter((r) => wanted.has(r.galaxy)).map((r) => ({
    src: r.src ?? `https://github.com/indigo-dc/ansible-role-${r.id}.git`,
    scm: 'git',
    version: r.version,
    name: r.galaxy,
  }));
}

/**
 * The TOSCA artifact `file:` string of a role (tosca.artifacts.AnsibleGalaxy.role): the GitHub archive
 * of the pinned commit, then `|` and the Galaxy name, the one form that keeps both the commit and the
 * name through the Infrastructure Manager's parsing (see im-artifact.ts, IM/CtxtAgentBase.py:546-559).
 * ansible-galaxy installs an archive URL as a role (requirement.py: a `.tar.gz` src is not a git
 * repository), so the orchestrator runs exactly the commit the HOT output runs.
 */
export function artifactFile(role: RoleEntry): string {
  const repo = /^https:\/\/github\.com\/([^/]+\/[^/]+?)(?:\.git)?$/.exec(role.src ?? '')?.[1];
  if (repo === undefined || !/^[0-9a-f]{40}$/.test(role.version)) throw new Error(`role \`${role.galaxy}\` is not pinned to a GitHub commit`);
  return `https://github.com/${repo}/archive/${role.version}.tar.gz|${role.galaxy}`;
}
