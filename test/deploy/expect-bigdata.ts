// test/deploy: the checks of the data-analytics services (issue 12) on one server, beside
// expect.ts: Spark's Marathon app as indigo-dc.spark-mesos posts it (the recorded `uri` calls: URL,
// credentials, the app definition with the spec's settings and passwords), that no password of it
// reaches the boot log, and Hadoop's rendered configuration (ansible-role-hadoop templates/) and the
// daemons its handlers start. Each check names the role file that produces the value.
import type { ClusterModel, Param } from '../../src/model/model.js';
import type { Services } from '../../src/services/index.js';
import { HADOOP_MIRROR, HADOOP_VERSION, HDFS_PORT } from '../../src/services/hadoop.js';
import { SPARK_APPS } from '../../src/services/spark.js';
import type { Mode } from './boot.js';
import type { ServerResult } from './sandbox.js';
import type { Stack } from './template.js';

type Rec = Record<string, unknown>;
type Kind = 'masters' | 'agents' | 'load_balancers';

/** The failed checks of Spark and Hadoop on one server (`kind` of host). */
export function checkBigData(m: ClusterModel, stack: Stack, kind: Kind, mode: Mode, r: ServerResult): string[] {
  const fail: string[] = [];
  const eq = (what: string, got: unknown, want: unknown): void => {
    if (JSON.stringify(got) !== JSON.stringify(want)) fail.push(`${what}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
  };
  const value = (p: Param<string | number | boolean>): string => String(p.kind === 'literal' ? p.value : stack.params[p.input]);
  const s = m.services as unknown as Services;
  const masters = stack.addresses[m.masters.id] ?? [];
  const zk = masters.map((a) => `${a}:2181`).join(',');
  // Optional until every phase reads the registry (a model without the entries has neither).
  const spark = s.spark as Services['spark'] | undefined;
  const hadoop = s.hadoop as Services['hadoop'] | undefined;

  if (spark?.enabled === true && kind === 'masters') {
    const app = SPARK_APPS[spark.app];
    const marathon = s.marathon;
    // tasks/main.yml:6-69: GET the app, then POST (404) or PUT (200; the stub answers 200), at the
    // Marathon port that matches the protocol indigo-dc.marathon's facts choose (tasks/facts.yml:12-15).
    const base = marathon.ssl ? 'https://marathon.service.consul:8443' : 'http://marathon.service.consul:8080';
    const uris = r.records.filter((x) => x['module'] === 'uri' && String((x['args'] as Rec)['url']).includes('marathon.service.consul')).map((x) => x['args'] as Rec);
    const put = uris.find((a) => a['method'] === 'PUT' || a['method'] === 'POST');
    eq('spark-mesos requests (tasks/main.yml: GET, then PUT of the existing app)', uris.map((a) => `${String(a['method'])} ${String(a['url'])}`), [
      `GET ${base}/v2/apps/${app}`,
      `PUT ${base}/v2/apps/${app}`,
    ]);
    eq('spark-mesos Marathon credentials (tasks/main.yml:10-11)', [put?.['url_username'], put?.['url_password']], [value(marathon.username), value(marathon.password)]);
    eq('spark-mesos Content-Type (compat fix spark-mesos-uri-headers)', (put?.['headers'] as Rec | undefined)?.['Content-Type'], 'application/json');
    const raw = put?.['body'];
    const body = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Rec | undefined;
    const env = (body?.['env'] ?? {}) as Rec;
    eq('spark app id (templates/<app>.json)', body?.['id'], `/${app}`);
    eq('spark SPARK_EXECUTOR_MEM', env['SPARK_EXECUTOR_MEM'], `${spark.executorMemoryMiB}m`);
    eq('spark SPARK_DRIVER_MEM', env['SPARK_DRIVER_MEM'], `${spark.driverMemoryMiB}m`);
    eq('spark SPARK_DRIVER_CORES', env['SPARK_DRIVER_CORES'], value(spark.driverCores));
    const unlimited = (p: Param<number>): string => (value(p) === '-1' ? '' : value(p));
    if (spark.app === 'zeppelin') {
      // templates/apache-zeppelin.json:17-38 (strings JSON-encoded by compat fix spark-mesos-json-strings).
      eq('zeppelin MASTER', env['MASTER'], `mesos://zk://${zk}/mesos`);
      eq('zeppelin ADMIN_PASSWORD (the spec password, not the role default)', env['ADMIN_PASSWORD'], value(spark.password));
      eq('zeppelin HDFS_URI', env['HDFS_URI'], spark.hdfsUri === 'cluster' ? `hdfs://${masters[0]}:${HDFS_PORT}` : value(spark.hdfsUri));
      for (const [k, p] of [['KEYSTONE_AUTH_URL', spark.swift.authUrl], ['SWIFT_REGION', spark.swift.region], ['SWIFT_TENANT', spark.swift.tenant],
        ['SWIFT_USERNAME', spark.swift.username], ['SWIFT_PASSWORD', spark.swift.password], ['SWIFT_PROVIDER', spark.swift.provider]] as const) {
        eq(`zeppelin ${k}`, env[k], value(p));
      }
      eq('zeppelin SPARK_CORES_MAX (-1: no limit)', env['SPARK_CORES_MAX'], unlimited(spark.coresMax));
      eq('zeppelin SPARK_EXECUTOR_CORES (-1: every core)', env['SPARK_EXECUTOR_CORES'], unlimited(spark.executorCores));
      eq('zeppelin marathon-lb port (portDefinitions)', body?.['portDefinitions'], [{ port: 8081 }]);
    } else {
      // templates/spark-dispatcher.json:6 (the dispatcher's command line), :14-21.
      const cmd = String(body?.['cmd'] ?? '');
      if (!cmd.includes(`--master mesos://zk://${zk}/mesos --zk ${zk} `)) fail.push(`spark dispatcher cmd does not name the masters' ZooKeeper: ${cmd}`);
      eq('dispatcher SPARK_CORES_MAX', env['SPARK_CORES_MAX'], value(spark.coresMax));
      eq('dispatcher marathon-lb ports (portDefinitions)', body?.['portDefinitions'], [{ port: 7070 }, { port: 7077 }]);
    }
    // The role's debug tasks printed the app definition and Marathon's answers (compat fixes spark-mesos-debug-*).
    const log = (mode === 'cloud-init' ? r.read('/var/log/clusterc-bootstrap.log') : r.read('/var/log/heat-agent.log')) ?? '';
    for (const [what, p] of [['zeppelin password', spark.password], ['swift password', spark.swift.password]] as const) {
      const v = value(p);
      if (v !== '' && log.includes(v)) fail.push(`the ${what} is in the boot log`);
    }
  }

  if (hadoop?.enabled === true && kind !== 'load_balancers') {
    const conf = (f: string): string => r.read(`/opt/hadoop-${HADOOP_VERSION}/etc/hadoop/${f}`) ?? '';
    const master = kind === 'masters';
    eq('hadoop download (tasks/install.yml:31, hadoop_mirrors)', r.records.filter((x) => x['module'] === 'get_url').map((x) => (x['args'] as Rec)['url']), [`${HADOOP_MIRROR}/hadoop-${HADOOP_VERSION}.tar.gz`]);
    if (!conf('core-site.xml').includes(`<value>hdfs://${masters[0]}:${HDFS_PORT}</value>`)) fail.push(`hadoop core-site.xml fs.default.name is not hdfs://${masters[0]}:${HDFS_PORT} (templates/core-site.xml:5)`);
    const rm = /yarn\.resourcemanager\.hostname<\/name>\s*<value>([^<]*)<\/value>/.exec(conf('yarn-site.xml'))?.[1];
    eq('hadoop yarn.resourcemanager.hostname (templates/yarn-site.xml)', rm, master ? '0.0.0.0' : masters[0]);
    if (!/ip-hostname-check<\/name>\s*<value>false</.test(conf('hdfs-site.xml'))) fail.push('hadoop hdfs-site.xml keeps the datanode reverse-DNS check (compat fix hadoop-datanode-registration)');
    if (!conf('hadoop-env.sh').includes('export JAVA_HOME=/usr/lib/jvm/java-8-openjdk-amd64')) fail.push('hadoop hadoop-env.sh has no JAVA_HOME (tasks/install.yml lineinfile)');
    // handlers/main.yml: the daemons of the node type, started by the release's scripts.
    const runs = r.records.filter((x) => typeof x['binary'] === 'string' && String(x['binary']).startsWith(`/opt/hadoop-${HADOOP_VERSION}/`))
      .map((x) => [String(x['binary']).slice(`/opt/hadoop-${HADOOP_VERSION}/`.length), ...(x['argv'] as string[])].join(' '));
    const started = runs.filter((x) => / start /.test(`${x} `)).sort();
    eq('hadoop daemons started (handlers/main.yml)', started, master
      ? ['sbin/hadoop-daemon.sh --script hdfs start namenode', 'sbin/yarn-daemon.sh start resourcemanager']
      : ['sbin/hadoop-daemon.sh --script hdfs start datanode', 'sbin/yarn-daemon.sh start nodemanager']);
    if (master && !runs.includes('bin/hdfs namenode -format')) fail.push('hadoop: the namenode was not formatted (tasks/configure.yml)');
  }
  return fail;
}
