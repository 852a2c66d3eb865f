// CS31xx: TOSCA emitter warnings and errors (src/emit/tosca).
// The warnings are lossy-emit warnings: a spec feature that the INDIGO custom types (pinned
// commit 40fa4d6 of indigo-dc/tosca-types) cannot express. Each names the feature and what the
// TOSCA output does instead; all are configurable (`--allow NAME`). CS3110 is an error.
import { defineCodes, tick } from './define.js';

export const TOSCA_CODES = defineCodes({
  CS3101: {
    name: 'tosca-keepalived-vip',
    severity: 'warning',
    configurable: true,
    message: (a: { vip: string }) =>
      `the keepalived virtual IP ${tick(a.vip)} cannot be expressed in TOSCA; each load balancer gets its own address instead`,
    explain: `The INDIGO type tosca.nodes.indigo.MesosLoadBalancer installs marathon-lb only: no
keepalived role and no virtual IP property exist in the INDIGO custom types (a short-lived
keepalived_virtual_ip property was removed upstream in 2016). The TOSCA output therefore deploys the
load balancers without a shared virtual IP; clients must use the load balancers' own addresses
(output mesos_lb_ips). The HOT output does create the VIP. Allow with --allow tosca-keepalived-vip.`,
  },
  CS3102: {
    name: 'tosca-calico',
    severity: 'warning',
    configurable: true,
    message: (_a: Record<string, never>) => `calico networking cannot be expressed in TOSCA; containers use docker bridge networking instead`,
    explain: `No INDIGO Mesos type installs the indigo-dc.calico role or an etcd cluster, so the
TOSCA output leaves container networking at Docker's default bridge network. The HOT output installs
Calico. Allow with --allow tosca-calico.`,
  },
  CS3103: {
    name: 'tosca-rexray',
    severity: 'warning',
    configurable: true,
    message: (a: { driver: string }) =>
      `rexray volumes (driver ${tick(a.driver)}) cannot be expressed in TOSCA; agents get no persistent volume driver`,
    explain: `tosca.nodes.indigo.MesosSlave has no property for RexRay or its driver options, so the TOSCA
output deploys agents without a Docker volume driver: Marathon apps that ask for rexray volumes will
not start there. The HOT output configures RexRay. Allow with --allow tosca-rexray.`,
  },
  CS3104: {
    name: 'tosca-consul-naming',
    severity: 'warning',
    configurable: true,
    message: (a: { what: string }) =>
      `consul ${a.what} cannot be expressed in TOSCA; consul keeps its defaults instead`,
    explain: `The INDIGO Mesos types only switch Consul service discovery on or off
(enable_consul_sd); the playbooks they run do not pass a datacenter or a domain to indigo-dc.consul,
so the TOSCA output runs Consul with the role defaults (datacenter dc1, domain consul).
Allow with --allow tosca-consul-naming.`,
  },
  CS3105: {
    name: 'tosca-mesos-cluster-name',
    severity: 'warning',
    configurable: true,
    message: (a: { name: string }) =>
      `the mesos cluster name ${tick(a.name)} cannot be expressed in TOSCA; mesos uses the role default \`IndigoCluster\``,
    explain: `tosca.nodes.indigo.MesosMaster has no cluster name property; the Mesos role then uses its
default mesos_cluster_name (IndigoCluster). The HOT output passes the name.
Allow with --allow tosca-mesos-cluster-name.`,
  },
  CS3106: {
    name: 'tosca-availability-zone',
    severity: 'note',
    configurable: true,
    message: (a: { zone: string }) =>
      `the availability zone ${tick(a.zone)} is used by the HOT output only; in TOSCA the orchestrator chooses where hosts run`,
    explain: `The only INDIGO type that carries an availability zone is the placement policy
tosca.policies.indigo.Placement, which also requires the orchestrator's cloud_id: a value the spec
does not know. The TOSCA output leaves placement to the orchestrator's SLA choice.
Allow with --allow tosca-availability-zone.`,
  },
  CS3107: {
    name: 'tosca-network-names',
    severity: 'note',
    configurable: true,
    message: (a: { what: string }) =>
      `the ${a.what} is used by the HOT output only; in TOSCA the orchestrator chooses the networks`,
    explain: `INDIGO TOSCA topologies do not name cloud networks: hosts attach to the provider's
private network, and an endpoint with network_name PUBLIC gets a public address. The TOSCA output
therefore ignores network and public_network. Allow with --allow tosca-network-names.`,
  },
  CS3108: {
    name: 'tosca-key-name',
    severity: 'note',
    configurable: true,
    message: (_a: Record<string, never>) => `the ssh key pair name is used by the HOT output only; in TOSCA the orchestrator injects its own key`,
    explain: `tosca.nodes.indigo.Compute has no key pair name: the Infrastructure Manager creates the
hosts with a key it generates and returns with the deployment. The TOSCA output ignores key_name.
Allow with --allow tosca-key-name.`,
  },
  CS3109: {
    name: 'tosca-extra-elastic-pool',
    severity: 'warning',
    configurable: true,
    message: (a: { pool: string; first: string }) =>
      `only one elastic agent pool is possible in TOSCA; pool ${tick(a.pool)} is deployed with a fixed size instead (CLUES scales ${tick(a.first)})`,
    explain: `The ElasticCluster node (CLUES) manages exactly one worker-node type: its wn requirement
names one node, and the CLUES orchestrator plugin scales the Compute node hosting it. clusterc makes the
first agent pool with a range elastic; every further pool with a range is deployed with a fixed number
of hosts, its minimum, and is never scaled: a range \`0..N\` starts, and stays, with zero hosts (the
warning then says so). Give that pool a fixed count, or allow with --allow tosca-extra-elastic-pool.`,
  },
  CS3110: {
    name: 'tosca-jinja-in-literal',
    severity: 'error',
    message: (a: { what: string }) => `${a.what} contains a jinja delimiter that ansible would evaluate in the tosca output`,
    explain: `In the TOSCA target every property value reaches the INDIGO orchestrator's own Ansible run,
where Ansible evaluates Jinja ({{ }}, {% %}, {# #}) inside variable values and no !unsafe tag can be
attached. A literal string in the spec that contains one of these delimiters would be executed as a
template on the hosts, so clusterc refuses to compile it. Pass the value as an input instead: every
string input of the TOSCA output carries a pattern constraint that rejects these delimiters.`,
  },
  CS3115: {
    name: 'tosca-quote-in-literal',
    severity: 'error',
    message: (a: { what: string; char: string }) => `${a.what} contains ${tick(a.char)}, which the orchestrator cannot pass to the hosts`,
    explain: `The INDIGO orchestrator's Infrastructure Manager writes every string property and input of a node
into its Ansible recipe as \`name: "value"\` without escaping (grycap/im IM/tosca/Tosca.py): a \`"\` ends
the value early and a \`\\\` starts a YAML escape, so the deployment breaks or gets another value. A literal
string with either character is refused in the TOSCA target, and every string input carries a pattern
constraint that rejects them (and Jinja delimiters). The HOT target carries any string; to use such a value
there only, compile with --target hot.`,
  },
  CS3111: {
    name: 'tosca-marathon-always-installed',
    severity: 'warning',
    configurable: true,
    message: (_a: Record<string, never>) => `marathon cannot be disabled in TOSCA; the masters install it anyway`,
    explain: `tosca.nodes.indigo.MesosMaster always installs Marathon (it has enable_chronos but no
enable_marathon). The TOSCA output deploys Marathon on the masters even though the spec disables it.
Allow with --allow tosca-marathon-always-installed.`,
  },
  CS3112: {
    name: 'tosca-elastic-idle-timeout',
    severity: 'warning',
    configurable: true,
    message: (a: { timeout: string }) =>
      `the elastic idle timeout ${tick(a.timeout)} cannot be expressed in TOSCA; CLUES powers agents off after its own idle time instead`,
    explain: `tosca.nodes.indigo.ElasticCluster (CLUES) has no idle-time property: the ec3 playbook it
runs configures CLUES with its own default idle time. The TOSCA output therefore cannot carry the
spec's elasticity idle_timeout; the HOT output uses it for its scale-down alarm.
Allow with --allow tosca-elastic-idle-timeout.`,
  },
  CS3113: {
    name: 'tosca-type-roles-unpinned',
    severity: 'note',
    configurable: true,
    message: (a: { roles: string }) => `the orchestrator also installs roles of the INDIGO types that clusterc cannot pin: ${a.roles}`,
    explain: `The TOSCA output overrides the role artifacts of the Mesos types with the role catalog's pinned
commits, written as the GitHub archive of the commit followed by \`|\` and the role name: the one form that
keeps both through the Infrastructure Manager's parsing (IM/CtxtAgentBase.py:546-559 keeps only source and
version when the file has a comma, and ansible-galaxy then names the role after its repository). Roles
that the INDIGO types add by themselves are installed as the types name them, unpinned:
\`indigo-dc.nfs,master\` (Mesos masters and agents), \`indigo-dc.os_users\` (every Compute node, latest
Galaxy release) and, for an elastic pool, \`indigo-dc.clues,master\` and \`grycap.im,master\`. The IM
installs the roles of a host in no fixed order, so a role's meta dependency \`indigo-dc.docker\` may be
fetched from Galaxy before the pinned archive, which ansible-galaxy then skips as already installed. The
HOT output pins every role, dependencies first. Allow with --allow tosca-type-roles-unpinned.`,
  },
  CS3114: {
    name: 'tosca-keystore-defaults',
    severity: 'note',
    configurable: true,
    message: (a: { services: string }) => `${a.services} TLS keystores get the roles' published default passwords in TOSCA`,
    explain: `With ssl on, indigo-dc.marathon and indigo-dc.chronos protect the generated TLS keystore with
passwords that default to constants published in the roles (defaults/main.yml: marathon_key_password,
marathon_jks_password, ...). The INDIGO playbooks of the Mesos types pass none of them and the types have
no property for them, so the TOSCA output cannot change them. The HOT output generates them per cluster
(OS::Heat::RandomString). Allow with --allow tosca-keystore-defaults.`,
  },
  CS3120: {
    name: 'tosca-unused-input',
    severity: 'note',
    configurable: true,
    message: (a: { attribute: string; input: string; reason: string }) =>
      `${tick(a.attribute)} is an input the TOSCA output does not use (${a.reason}); input ${tick(a.input)} is not declared there`,
    explain: `Every input of the TOSCA output is read by a get_input: an input that nothing reads would be
asked for at deployment time and do nothing. When a spec attribute is given as \`input\` (or
\`secret\`) but the TOSCA output has no place for it (for example the credentials of a disabled
Chronos, which the INDIGO master does not run), the input is left out of the TOSCA output and this
note names the attribute. The HOT output may still use it. Allow with --allow tosca-unused-input.`,
  },
  CS3140: {
    name: 'tosca-zeppelin-password',
    severity: 'warning',
    configurable: true,
    message: (_a: object) => 'the Zeppelin admin password cannot be set in TOSCA: Zeppelin keeps the role default',
    explain: `tosca.nodes.indigo.SparkMesos has no property for Zeppelin's admin password and its playbook
(artifacts/mesos/spark_mesos_setup.yml) passes none, so the orchestrator's run keeps the role's published
default (ansible-role-spark-mesos defaults/main.yml spark_mesos_zeppelin_admin_password). The HOT output
sets the spec's \`password\`. Deploy the HOT output, or use \`app = "dispatcher"\`. Allow with
--allow tosca-zeppelin-password.`,
  },
  CS3141: {
    name: 'tosca-spark-marathon-user',
    severity: 'warning',
    configurable: true,
    message: (_a: object) => 'Spark reaches Marathon as user `admin` in TOSCA',
    explain: `tosca.nodes.indigo.SparkMesos takes the Marathon password but not the user name; the role then
authenticates as its default \`admin\` (ansible-role-spark-mesos defaults/main.yml marathon_username), which
fails when Marathon's \`username\` is another. The HOT output passes the spec's user name. Keep
\`username = "admin"\` in \`marathon\`, or deploy the HOT output. Allow with --allow tosca-spark-marathon-user.`,
  },
  CS3142: {
    name: 'tosca-hadoop-role',
    severity: 'warning',
    configurable: true,
    message: (_a: object) => 'the INDIGO Hadoop types run indigo-dc.hadoop as published, which needs Python 2 and a download that is gone',
    explain: `The orchestrator installs indigo-dc.hadoop at the pinned commit and runs it unchanged. That role
iterates its properties with \`dict.iteritems()\` (Python 2 only), filters with \`result|success\` (removed in
Ansible 2.9) and downloads Hadoop 2.7.4 from Apache mirrors (\`stable2\`) that carry only the current
release, and the types have no property to change the mirrors: on a current orchestrator the Hadoop
nodes fail. The HOT output runs the same role with the fixes of src/emit/hot/QUIRKS.md and the Apache
archive as its mirror. Deploy the HOT output for Hadoop. Allow with --allow tosca-hadoop-role.`,
  },
  CS3160: {
    name: 'tosca-world-open-port',
    severity: 'note',
    configurable: true,
    message: (a: { group: string; ports: string; why: string }) =>
      `the TOSCA output opens ${a.ports} of ${tick(a.group)} to anywhere (0.0.0.0/0): ${a.why}`,
    explain: `Every port the TOSCA output opens to 0.0.0.0/0 (an endpoint port without \`remote_cidr\`) is
named by this note, one note per host group. By default these are SSH on public hosts, which the
orchestrator's Infrastructure Manager uses to configure them (its address is not known to the spec),
and marathon-lb's application ports (80, 443); the Mesos, Marathon and Chronos UIs and APIs are open
only to the CIDRs of \`access.admin\`. \`access { ssh = [...]  admin = [...]  apps = [...] }\` narrows
each class; the IM must stay in \`access.ssh\` (note CS3162). Allow with --allow tosca-world-open-port.`,
  },
  CS3161: {
    name: 'tosca-ssh-always-open',
    severity: 'warning',
    configurable: true,
    message: (_a: object) => '`access.ssh` is empty, but the orchestrator opens SSH (22) to anywhere on public hosts in the TOSCA output',
    explain: `The INDIGO orchestrator's Infrastructure Manager configures the hosts over SSH. When a public
host's endpoint lists no port 22, the IM adds one open to 0.0.0.0/0 itself (grycap/im
IM/connectors/CloudConnector.py add_ssh_port, called for every public network), so an empty
\`access.ssh\` cannot be honoured in TOSCA (the HOT output honours it: nothing there needs SSH). Name
the IM's networks (and yours) in \`access.ssh\`, or allow it with --allow tosca-ssh-always-open.`,
  },
  CS3162: {
    name: 'tosca-ssh-needs-im',
    severity: 'note',
    configurable: true,
    message: (_a: object) => 'in the TOSCA output `access.ssh` must include the address of the orchestrator\'s IM',
    explain: `The INDIGO orchestrator's Infrastructure Manager configures every host over SSH, reaching the
public ones from its own address. With \`access.ssh\` naming networks, the TOSCA endpoints open port 22
to those networks only (\`remote_cidr\`), so the deployment hangs at contextualisation unless one of
them holds the IM's address (ask your PaaS operator). Allow with --allow tosca-ssh-needs-im.`,
  },
  CS3163: {
    name: 'tosca-published-ca',
    severity: 'note',
    configurable: true,
    message: (_a: object) => 'in TOSCA, Marathon\'s TLS certificate is signed by the CA published in indigo-dc.marathon, which the masters also trust',
    explain: `indigo-dc.marathon (tasks/enable_ssl.yml) signs Marathon's certificate with files/rootCA.crt and
files/rootCA.key from the role repository, whose private key anyone can download, and installs that CA
among the host's trusted anchors; no variable lets a playbook pass another CA. Anyone can therefore
forge a certificate that Marathon's clients and the masters themselves accept. The HOT output fixes
the role at boot (compat fix marathon-own-ca: each master generates its own CA, root only); the TOSCA
output runs the role as the orchestrator installs it and cannot. Reach Marathon over a trusted path
(or pin its certificate), or use the HOT output. Allow with --allow tosca-published-ca.`,
  },
});
