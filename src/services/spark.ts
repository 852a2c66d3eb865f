// Spark on Mesos (issue 12): a Marathon app posted from the masters by indigo-dc.spark-mesos,
// either Apache Zeppelin (notebooks, `app = "zeppelin"`) or Spark's MesosClusterDispatcher
// (`app = "dispatcher"`); the Spark executors run as Mesos tasks on the agents. Role facts:
// ansible-role-spark-mesos 37672ae defaults/main.yml, tasks/main.yml, templates/*.json. TOSCA: the
// INDIGO type tosca.nodes.indigo.SparkMesos hosted on the master node (custom_types.yaml; its
// create playbook artifacts/mesos/spark_mesos_setup.yml maps the properties onto the role variables).
import { tick } from '../diagnostics/codes/define.js';
import type { DiagnosticCollector } from '../diagnostics/collector.js';
import type { Span } from '../diagnostics/span.js';
import type { YamlValue } from '../emit/yaml.js';
import type { Param, ServiceBase } from '../model/model.js';
import { artifactFile, ROLES } from '../roles/catalog.js';
import type { VarExpr } from '../roles/types.js';
import { closest } from '../model/suggest.js';
import { bool, lit, literal, param, password, str } from './helpers.js';
import { defineService, type ServiceEntry } from './types.js';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

/** The apps the role can deploy: spec name → the role's `spark_mesos_deploy_app` (defaults/main.yml:18). */
export const SPARK_APPS = { zeppelin: 'apache-zeppelin', dispatcher: 'spark-dispatcher' } as const;
/** A Spark app by its spec name. */
export type SparkApp = keyof typeof SPARK_APPS;

/**
 * The ports marathon-lb serves the app on (the apps' `portDefinitions`, HAPROXY_GROUP external):
 * Zeppelin 8081 (defaults/main.yml:27 spark_mesos_zeppelin_port), the dispatcher 7070 (submissions)
 * and 7077 (web UI) (defaults/main.yml:23-24).
 */
export const SPARK_PORTS = { zeppelin: [8081], dispatcher: [7070, 7077] } as const;

/** Where the Spark apps read and write data. */
export interface SparkSwift {
  readonly authUrl: Param<string>;
  readonly region: Param<string>;
  readonly tenant: Param<string>;
  readonly username: Param<string>;
  readonly password: Param<string>;
  readonly provider: Param<string>;
}

/** The spark service in the model. */
export interface SparkModel extends ServiceBase {
  readonly app: SparkApp;
  /** Zeppelin's admin password (empty literal for the dispatcher, which has none). */
  readonly password: Param<string>;
  /** `hdfs://host:port` of the data, or `cluster` for the cluster's own HDFS (`hadoop` block). */
  readonly hdfsUri: Param<string> | 'cluster';
  readonly swift: SparkSwift;
  /** Spark properties; cores -1 = unlimited (the role's convention), memory in whole MiB. */
  readonly coresMax: Param<number>;
  readonly executorCores: Param<number>;
  readonly executorMemoryMiB: number;
  readonly driverCores: Param<number>;
  readonly driverMemoryMiB: number;
}

const cores = (doc: string): { type: 'integer'; param: true; min: number; max: number; doc: string } => ({ type: 'integer', param: true, min: 1, max: 4096, doc });
const memory = (doc: string): { type: 'size'; param: false; min: number; max: number; doc: string; default: number } => ({ type: 'size', param: false, min: 32 * MiB, max: 1024 * GiB, doc, default: GiB });

/** The spark service. */
export const spark: ServiceEntry<'spark', SparkModel> = defineService({
  key: 'spark',
  block: {
    name: 'spark',
    attrs: {
      enabled: bool('run Spark (on when the block is written)', true),
      app: str('the Marathon app: "zeppelin" (notebooks) or "dispatcher" (spark-submit --deploy-mode cluster)', false, 'zeppelin'),
      password: password('Zeppelin admin password'),
      hdfs_uri: str('HDFS URI of the data (`hdfs://host:port`); default: the cluster\'s HDFS when a `hadoop` block is written, else none'),
      swift_auth_url: str('Keystone URL of the Swift object store'),
      swift_region: str('Swift region'),
      swift_tenant: str('Swift tenant (project)'),
      swift_username: str('Swift user name'),
      swift_password: password('Swift password'),
      swift_provider: str('Swift provider name in the Hadoop Swift configuration', true, 'Test'),
      cores_max: cores('most CPU cores one application takes across the cluster (default: no limit)'),
      executor_cores: cores('CPU cores of each executor (default: every core of the offer)'),
      executor_memory: memory('memory of each executor'),
      driver_cores: { ...cores('CPU cores of the driver'), default: 1 },
      driver_memory: memory('memory of the driver'),
    },
  },
  lower(cx) {
    const s = cx.block;
    const enabled = s.present && s.bool('enabled');
    const app = lowerApp(s.plain('app'), cx.diag);
    const pw: Param<string> =
      s.param<string>('password') ?? (enabled && app === 'zeppelin' ? cx.implicitPassword('Zeppelin admin password') : literal(''));
    const text = (attr: string, dflt = ''): Param<string> => s.param<string>(attr) ?? literal(dflt);
    const num = (attr: string, dflt: number): Param<number> => s.param<number>(attr) ?? literal(dflt);
    const mib = (attr: string): number => Math.floor(Number(s.plain(attr)?.value ?? GiB) / MiB);
    const hadoop = cx.earlier('hadoop');
    if (enabled) {
      cx.afterAll((services) => {
        if (services.marathon.enabled) return;
        cx.diag.report('CS2100', s.origin!, {}, { label: 'needs Marathon', help: 'remove `enabled = false` from `marathon`, or remove the `spark` block' });
      });
    }
    return {
      enabled,
      // The role runs on the masters; the app's ports are served by marathon-lb on the load
      // balancers, its executors run on the agents.
      hosts: enabled ? cx.cluster.ids.all : [],
      origin: s.origin,
      app,
      password: pw,
      hdfsUri: s.param<string>('hdfs_uri') ?? (hadoop.enabled ? 'cluster' : literal('')),
      swift: {
        authUrl: text('swift_auth_url'),
        region: text('swift_region'),
        tenant: text('swift_tenant'),
        username: text('swift_username'),
        password: text('swift_password'),
        provider: text('swift_provider', 'Test'),
      },
      coresMax: num('cores_max', -1),
      executorCores: num('executor_cores', -1),
      executorMemoryMiB: mib('executor_memory'),
      driverCores: num('driver_cores', 1),
      driverMemoryMiB: mib('driver_memory'),
    };
  },
  uses: (svc) => [
    ['spark.password', svc.password],
    ...(svc.hdfsUri === 'cluster' ? [] : [['spark.hdfs_uri', svc.hdfsUri] as const]),
    ['spark.swift_auth_url', svc.swift.authUrl],
    ['spark.swift_region', svc.swift.region],
    ['spark.swift_tenant', svc.swift.tenant],
    ['spark.swift_username', svc.swift.username],
    ['spark.swift_password', svc.swift.password],
    ['spark.swift_provider', svc.swift.provider],
    ['spark.cores_max', svc.coresMax],
    ['spark.executor_cores', svc.executorCores],
    ['spark.driver_cores', svc.driverCores],
  ],
  plan(svc, cx) {
    const kind = cx.group.kind;
    if (kind === 'masters') {
      const marathon = cx.m.services.marathon;
      cx.invoke('spark-mesos', {
        spark_mesos_deploy_app: lit(SPARK_APPS[svc.app]),
        // tasks/main.yml:8-11 reach Marathon at `<marathon_protocol>://marathon.service.consul:<marathon_port>`.
        // indigo-dc.marathon, earlier in the same play, sets the fact marathon_protocol (https with SSL,
        // tasks/facts.yml:12-15), which outranks any variable but role parameters: the port must match
        // it (the role default 8080 with https fails). With SSL the app goes to Marathon's HTTPS port.
        marathon_protocol: lit(marathon.ssl ? 'https' : 'http'),
        marathon_port: lit(marathon.ssl ? 8443 : 8080),
        marathon_username: param(marathon.username),
        marathon_password: param(marathon.password),
        zookeeper_peers: { kind: 'groupAddresses', group: cx.m.masters.id },
        ...(svc.app === 'zeppelin' ? { spark_mesos_zeppelin_admin_password: param(svc.password) } : {}),
        spark_mesos_hdfs_uri: hdfsUri(svc, cx.m.masters.id),
        spark_mesos_swift_auth_url: param(svc.swift.authUrl),
        spark_mesos_swift_region: param(svc.swift.region),
        spark_mesos_swift_tenant: param(svc.swift.tenant),
        spark_mesos_swift_username: param(svc.swift.username),
        spark_mesos_swift_password: param(svc.swift.password),
        spark_mesos_swift_provider: param(svc.swift.provider),
        spark_mesos_cores_max: param(svc.coresMax),
        spark_mesos_executor_cores: param(svc.executorCores),
        // Spark memory strings (`1024m`); the role's defaults are `1G` (defaults/main.yml:42-43).
        spark_mesos_executor_memory: lit(`${svc.executorMemoryMiB}m`),
        spark_mesos_driver_cores: param(svc.driverCores),
        spark_mesos_driver_memory: lit(`${svc.driverMemoryMiB}m`),
      });
    } else if (kind === 'load_balancers' && cx.on(cx.m.services.marathonLb)) {
      // Zeppelin has its admin password: users reach it. The dispatcher takes submissions with no
      // authentication at all (MesosClusterDispatcher REST server): inside the cluster only.
      for (const port of SPARK_PORTS[svc.app]) {
        cx.open({
          protocol: 'tcp', from: port, to: port, audience: svc.app === 'zeppelin' ? 'users' : 'cluster', class: 'admin',
          description: svc.app === 'zeppelin' ? 'zeppelin via marathon-lb' : `spark dispatcher ${port === 7070 ? 'submissions' : 'web UI'} via marathon-lb`,
        });
      }
    } else if (kind === 'agents') {
      // The driver, executors and block managers listen on random ports (spark.driver.port,
      // spark.blockManager.port default 0: the ephemeral range) and talk to each other.
      cx.open({ protocol: 'tcp', from: 32768, to: 60999, audience: 'cluster', class: 'service', description: 'spark driver and executors' });
    }
  },
  tosca: {
    nodes(svc, cx) {
      if (!svc.enabled) return {};
      const masters = cx.names(cx.m.masters);
      const v = (p: Param<string | number | boolean>, what: string): YamlValue => cx.value(p, what);
      const node: Record<string, YamlValue> = {
        type: 'tosca.nodes.indigo.SparkMesos',
        properties: {
          marathon_password: v(cx.m.services.marathon.password, 'the marathon password'),
          // The type says string; the role iterates a list (defaults/main.yml:11), as upstream passes it
          // (tosca-types examples/spark_mesos_cluster.yaml).
          zookeeper_peers: { get_attribute: [masters.server, 'private_address'] },
          spark_mesos_deploy_app: SPARK_APPS[svc.app],
          spark_hdfs_uri: svc.hdfsUri === 'cluster' ? { concat: ['hdfs://', { get_attribute: [masters.server, 'private_address', 0] }, ':9000'] } : v(svc.hdfsUri, 'the spark hdfs_uri'),
          spark_swift_auth_url: v(svc.swift.authUrl, 'the spark swift_auth_url'),
          spark_swift_region: v(svc.swift.region, 'the spark swift_region'),
          spark_swift_tenant: v(svc.swift.tenant, 'the spark swift_tenant'),
          spark_swift_username: v(svc.swift.username, 'the spark swift_username'),
          spark_swift_password: v(svc.swift.password, 'the spark swift_password'),
          spark_swift_provider: v(svc.swift.provider, 'the spark swift_provider'),
          spark_cores_max: v(svc.coresMax, 'the spark cores_max'),
          spark_executor_cores: v(svc.executorCores, 'the spark executor_cores'),
          // spark_mesos_setup.yml turns `N MB` into `Nm` (regex_replace(' +(.*)B', '\\1') | lower):
          // always given, as the type's defaults (`0 GB`, driver cores -1) are not valid for Spark.
          spark_executor_mem: `${svc.executorMemoryMiB} MB`,
          spark_driver_mem: `${svc.driverMemoryMiB} MB`,
          spark_driver_cores: v(svc.driverCores, 'the spark driver_cores'),
        },
        artifacts: { spark_mesos_role: { file: artifactFile(ROLES['spark-mesos']), type: 'tosca.artifacts.AnsibleGalaxy.role' } },
        // Hosted on the Mesos master node (SparkMesos requires the tosca.capabilities.indigo.MesosMaster host).
        requirements: [{ host: masters.software }],
      };
      return { spark: node };
    },
    lossy(svc, cx) {
      if (!svc.enabled) return;
      const origin = svc.origin ?? cx.m.origin;
      if (svc.app === 'zeppelin') cx.diag.report('CS3140', origin, {}, { label: 'not representable in tosca', help: 'deploy the HOT output, or `app = "dispatcher"`' });
      const user = cx.m.services.marathon.username;
      if (user.kind !== 'literal' || user.value !== 'admin') {
        cx.diag.report('CS3141', user.origin ?? origin, {}, { label: 'not representable in tosca', help: 'keep the Marathon `username` `"admin"` for Spark in TOSCA' });
      }
    },
    unusedReason: (svc, attribute) =>
      !svc.enabled
        ? 'Spark is disabled'
        : attribute !== 'spark.password'
          ? undefined
          : svc.app === 'zeppelin'
            ? 'the INDIGO SparkMesos type has no Zeppelin password, CS3140'
            : 'the Spark dispatcher has no password',
  },
  hot: {
    unusedReason: (svc, attribute) =>
      !svc.enabled ? 'Spark is disabled, its role is left out' : attribute === 'spark.password' && svc.app !== 'zeppelin' ? 'the Spark dispatcher has no password' : undefined,
  },
});

/** The `app` attribute: one of SPARK_APPS (CS2101 otherwise, with did-you-mean). */
function lowerApp(written: { value: unknown; span: Span } | undefined, diag: DiagnosticCollector): SparkApp {
  if (written === undefined) return 'zeppelin';
  const v = String(written.value);
  if (v in SPARK_APPS) return v as SparkApp;
  const names = Object.keys(SPARK_APPS);
  const near = closest(v, names);
  diag.report('CS2101', written.span, { app: v }, { label: 'not a Spark app', help: near ? `did you mean ${tick(near)}?` : `use ${names.map((n) => `"${n}"`).join(' or ')}` });
  return 'zeppelin';
}

/** The HDFS URI the apps get: the spec's, or the namenode of the cluster's own HDFS (first master). */
function hdfsUri(svc: SparkModel, masters: string): VarExpr {
  if (svc.hdfsUri !== 'cluster') return param(svc.hdfsUri);
  return { kind: 'concat', parts: [lit('hdfs://'), { kind: 'groupAddress', group: masters, index: 0 }, lit(':9000')] };
}
