// CS2xxx: meaning errors found while lowering the AST into the cluster model (src/model).
// One code per problem kind; messages name the offending thing in backticks and never
// suggest a fix (fixes go in `help`). Compile errors here are not configurable.
import { defineCodes, tick } from './define.js';

export const MODEL_CODES = defineCodes({
  CS2001: {
    name: 'unknown-block',
    severity: 'error',
    message: (a: { name: string; where: string }) => `unknown block ${tick(a.name)} in ${a.where}`,
    explain: `A block name is not part of the cluster-spec vocabulary at this place. At the top of a
cluster the blocks are cloud, masters, agents (alias slaves), load_balancers, mesos, marathon, chronos,
zookeeper, consul, calico, rexray, elasticity, spark, hadoop and access; the other blocks take attributes only. The help line
suggests the closest known name; a misspelt block at the top of a cluster (\`mastres 3 { }\`) is
then checked as the block it is close to, so its body is still checked and "no masters" does not
follow. See grammar/README.md, "Blocks and attributes".`,
  },
  CS2002: {
    name: 'unknown-attribute',
    severity: 'error',
    message: (a: { name: string; block: string }) => `unknown attribute ${tick(a.name)} in ${tick(a.block)}`,
    explain: `An attribute name is not known in the block that contains it. Each block accepts a fixed
set of attributes (see grammar/README.md, "Blocks and attributes"). The help line suggests the closest
known attribute, or names the block where the attribute belongs when it exists elsewhere, e.g. \`vip\`
belongs in \`load_balancers\`.`,
  },
  CS2003: {
    name: 'attribute-used-as-block',
    severity: 'error',
    message: (a: { name: string }) => `${tick(a.name)} is an attribute, not a block`,
    explain: `The name is a known attribute of the enclosing block but it was written as a block
(\`name { ... }\` or \`name 3\`). Attributes are written \`name = value\`.`,
  },
  CS2004: {
    name: 'block-used-as-attribute',
    severity: 'error',
    message: (a: { name: string }) => `${tick(a.name)} is a block, not an attribute`,
    explain: `The name is a known block but it was written as an attribute (\`name = value\`).
Blocks are written \`name { ... }\`, host groups with a count: \`masters 3 { ... }\`. \`masters = 3\` is
checked as \`masters 3\`, so this is the only error it causes.`,
  },
  CS2005: {
    name: 'wrong-value-type',
    severity: 'error',
    message: (a: { name: string; expected: string; found: string }) =>
      `${tick(a.name)} expects ${a.expected}, found ${a.found}`,
    explain: `The value of an attribute has the wrong type, e.g. \`memory = "lots"\` (memory is a size
such as \`4 GB\`) or \`cpus = 2 GB\` (cpus is a whole number). The expected type of every attribute is
listed in grammar/README.md. Sizes need a unit (B, KB, MB, GB, TB, KiB, MiB, GiB, TiB), durations
too (s, min, h, d). The default of \`input(DEFAULT)\` must have the attribute's type as well.`,
  },
  CS2006: {
    name: 'duplicate-attribute',
    severity: 'error',
    message: (a: { name: string }) => `duplicate attribute ${tick(a.name)}`,
    explain: `An attribute is given twice in the same block. Only one value can be used, so the
compiler refuses to guess; the secondary label shows the first occurrence. Remove one of them.`,
  },
  CS2007: {
    name: 'duplicate-block',
    severity: 'error',
    message: (a: { what: string }) => `duplicate ${a.what}`,
    explain: `A block appears twice in the same cluster. Several agent pools are allowed only when
each has its own label (\`agents "gpu" 0..4 { }\`); two unnamed pools, or two pools with the same label
(\`slaves\` is the same as \`agents\`), are duplicates. Merge the blocks or give the pools labels.`,
  },
  CS2008: {
    name: 'duplicate-cluster',
    severity: 'error',
    message: (a: { name: string }) => `duplicate cluster name ${tick(a.name)}`,
    explain: `Two clusters in one file have the same name. Each cluster is written to
out/<name>.tosca.yaml and out/<name>.hot.yaml, so names must be unique. Rename one of them.`,
  },
  CS2009: {
    name: 'invalid-cluster-name',
    severity: 'error',
    message: (a: { name: string }) => `invalid cluster name ${tick(a.name)}`,
    explain: `A cluster name becomes a file name (out/<name>.tosca.yaml) and a prefix of cloud
resource names, so it must start with a lowercase letter and contain only lowercase letters, digits
and hyphens: [a-z][a-z0-9-]*, at most 63 characters.`,
  },
  CS2010: {
    name: 'missing-masters',
    severity: 'error',
    message: (a: { name: string }) => `cluster ${tick(a.name)} has no masters`,
    explain: `Every Mesos cluster needs at least one master (Mesos master, Marathon, Chronos,
ZooKeeper and the Consul servers run there). Add a \`masters N { ... }\` block; 3 masters give a
ZooKeeper quorum that survives the loss of one.`,
  },
  CS2011: {
    name: 'count-below-minimum',
    severity: 'error',
    message: (a: { group: string; count: number }) => `${tick(a.group)} needs at least 1 host, found ${a.count}`,
    explain: `A fixed host count (or the default of \`input(N)\`) is below 1 for a group that needs
hosts: masters, load balancers and an agent pool with a fixed count. An agent pool that may shrink to
zero hosts is written as a range: \`agents 0..4\`.`,
  },
  CS2012: {
    name: 'reversed-range',
    severity: 'error',
    message: (a: { min: number; max: number }) => `range ${a.min}..${a.max} is reversed`,
    explain: `A host range \`N..M\` needs N <= M: N is the number of agents that always run, M the
most the pool may grow to. \`5..2\` describes no size at all; write \`2..5\`.`,
  },
  CS2013: {
    name: 'empty-range',
    severity: 'error',
    message: (_a: object) => `range \`0..0\` allows no hosts`,
    explain: `The range \`0..0\` lets the pool grow to zero hosts, so it never runs anything. Give a
maximum above zero (\`0..4\`) or remove the pool.`,
  },
  CS2014: {
    name: 'range-not-allowed',
    severity: 'error',
    message: (a: { group: string }) => `${tick(a.group)} cannot have a range`,
    explain: `Only agent pools are elastic. Masters hold the ZooKeeper quorum and the load balancers
hold the virtual IP, so both need a fixed count (\`masters 3\`), or an input (\`masters input(3)\`).`,
  },
  CS2015: {
    name: 'even-masters',
    severity: 'warning',
    message: (a: { count: number }) => `an even number of masters (${a.count}) gives no extra fault tolerance`,
    explain: `ZooKeeper and the Mesos masters need a majority (quorum) to work: with 2 masters the
quorum is 2, so losing either stops the cluster, and 4 masters tolerate one failure just like 3.
Use an odd number: 1, 3 or 5.`,
  },
  CS2016: {
    name: 'vip-needs-two-load-balancers',
    severity: 'error',
    message: (_a: object) => 'a `vip` needs at least two load balancers',
    explain: `The virtual IP is moved by keepalived between load balancers when one fails. With a
single load balancer there is nothing to fail over to. Declare \`load_balancers 2\` or more (a fixed
count, or an input with a default of at least 2), or remove the vip.`,
  },
  CS2017: {
    name: 'invalid-vip',
    severity: 'error',
    message: (_a: object) => '`vip` must be an IPv4 address',
    explain: `The keepalived virtual IP is one IPv4 address written without quotes, e.g.
\`vip = 10.0.0.100\`. A CIDR, a string or an input is not accepted: the address must be known when the
template is built so it can be checked against the subnet and allowed on the load balancers' ports.`,
  },
  CS2018: {
    name: 'vip-outside-subnet',
    severity: 'error',
    message: (a: { vip: string; subnet: string }) => `vip ${tick(a.vip)} is not a usable address of the subnet ${tick(a.subnet)}`,
    explain: `The virtual IP must be an address of the private subnet given in \`cloud.subnet\`,
otherwise the load balancers' ports cannot carry it. It may not be the network or broadcast address.`,
  },
  CS2019: {
    name: 'calico-without-etcd',
    severity: 'error',
    message: (_a: object) => 'calico needs an etcd cluster',
    explain: `Calico stores its state in etcd (the indigo-dc.calico role adds --cluster-store
etcd://... to Docker). clusterc does not deploy etcd, so \`calico\` needs
\`etcd_endpoints = ["host:2379", ...]\` with at least one endpoint.`,
  },
  CS2020: {
    name: 'elasticity-without-range',
    severity: 'error',
    message: (_a: object) => 'an `elasticity` block needs an agent pool with a range',
    explain: `Elasticity scales agent pools between the bounds of a range (\`agents 2..10\`). No
agent pool has a range, so there is nothing to scale. Give a pool a range or remove the block.`,
  },
  CS2021: {
    name: 'literal-password',
    severity: 'warning',
    message: (a: { name: string }) => `${tick(a.name)} is a literal password`,
    explain: `A password written in the spec ends up in plain text in the generated templates, in
version control and in the orchestrator's records. Write \`password = secret\` instead: it becomes a
hidden input that is supplied at deployment time and never written into an output file.`,
  },
  CS2022: {
    name: 'count-not-allowed',
    severity: 'error',
    message: (a: { block: string }) => `${tick(a.block)} takes no count`,
    explain: `Only host groups (masters, agents, load_balancers) take a count or range after their
name. Service and settings blocks such as \`cloud\` or \`marathon\` are written \`name { ... }\`.`,
  },
  CS2023: {
    name: 'label-not-allowed',
    severity: 'error',
    message: (a: { block: string }) => `${tick(a.block)} takes no label`,
    explain: `Only agent pools take a label (\`agents "gpu" 0..4\`), because only they may appear
several times. Masters and load balancers are one group each; service blocks appear once.`,
  },
  CS2024: {
    name: 'non-integer-count',
    severity: 'error',
    message: (a: { raw: string }) => `host count ${tick(a.raw)} is not a whole number`,
    explain: `A host count or range bound is a number of machines, so it must be a whole number
such as \`3\` or \`2..10\`.`,
  },
  CS2025: {
    name: 'value-out-of-range',
    severity: 'error',
    message: (a: { name: string; min: string; max: string }) =>
      `${tick(a.name)} must be between ${a.min} and ${a.max}`,
    explain: `A number is outside the range that makes sense for it: cpus 1 to 1024, memory 64 MiB
to 64 TiB, disk 1 GB to 1 PB, host counts up to 1000, idle_timeout 1 minute to 30 days. Values beyond
these are almost always typos (a missing unit, an extra zero) and would fail at deployment time.`,
  },
  CS2026: {
    name: 'invalid-os',
    severity: 'error',
    message: (a: { os: string }) => `invalid operating system ${tick(a.os)}`,
    explain: `\`cloud.os\` describes what the image runs, for the TOSCA \`os\` capability. It is
"<distribution> <version>", e.g. "ubuntu 22.04", "debian 12", "centos 7", "rocky 9"; the distribution is
one of ubuntu, debian, centos, rhel, rocky, almalinux, fedora and the version is numeric (22.04, 12).`,
  },
  CS2027: {
    name: 'invalid-pool-label',
    severity: 'error',
    message: (a: { label: string }) => `invalid agent pool label ${tick(a.label)}`,
    explain: `A pool label becomes part of resource and input names (\`agents_gpu\`,
\`agents_gpu_memory\`), so it must start with a lowercase letter and contain only lowercase letters,
digits and hyphens, at most 32 characters (hyphens become underscores in the pool id).`,
  },
  CS2028: {
    name: 'duplicate-input',
    severity: 'error',
    message: (a: { name: string }) => `two inputs are named ${tick(a.name)}`,
    explain: `Input names are derived from where \`input\` or \`secret\` is used: cloud attributes by
their own name (\`key_name\`), others as <block>[_<label>]_<attribute> (\`agents_gpu_memory\`). Two
uses produced the same name, which would make one deployment value feed two unrelated places.`,
  },
  CS2029: {
    name: 'missing-count',
    severity: 'error',
    message: (a: { group: string }) => `${tick(a.group)} needs a host count`,
    explain: `A host group says how many hosts it has right after its name: \`masters 3\`,
\`agents 2..10\`, \`load_balancers input(2)\`.`,
  },
  CS2030: {
    name: 'input-not-allowed',
    severity: 'error',
    message: (a: { name: string }) => `${tick(a.name)} cannot be an input`,
    explain: `Some values shape the generated templates themselves (which services run, the VIP,
the subnet, elasticity bounds, Consul names, the OS), so they must be written in the spec and cannot be
left to deployment time with \`input\` or \`secret\`.`,
  },
  CS2031: {
    name: 'empty-string',
    severity: 'error',
    message: (a: { name: string }) => `${tick(a.name)} cannot be empty`,
    explain: `An empty string names nothing: an empty flavor, image, network or user name would only
fail at deployment time, far from the spec. Give a value, or leave the attribute out to get its
default (\`description\` may be empty).`,
  },
  CS2060: {
    name: 'unsupported-platform',
    severity: 'error',
    message: (a: { os: string }) => `${tick(a.os)} is not a platform clusterc can deploy`,
    explain: `The bootstrap installs ansible-core ${'2.14'} and runs the pinned indigo-dc roles on the hosts; the
supported platforms are the images where that is tested to work (README "Supported platforms"):

  Ubuntu 22.04 (jammy): Python 3.10, ansible-core 2.14.18 from PyPI in /opt/clusterc/ansible,
  community.docker 3.x and community.general 8.x from Galaxy, the roles at the catalog's commits.

Ubuntu 24.04 ships Python 3.12, on which ansible-core 2.14 does not run; Ubuntu 20.04's Python 3.8 is too
old for it; the roles install with apt and target Ubuntu, so Debian, CentOS, Rocky, AlmaLinux, RHEL and
Fedora images are not supported. Use an Ubuntu 22.04 image and leave \`os\` out (it defaults to
"ubuntu 22.04").`,
  },
  CS2061: {
    name: 'image-os-mismatch',
    severity: 'error',
    message: (a: { image: string; looks: string; os: string }) =>
      `image ${tick(a.image)} looks like ${a.looks}, but the hosts are configured for ${a.os}`,
    explain: `Without an \`os\` setting clusterc assumes the image is Ubuntu 22.04 and writes an apt-based
bootstrap for it. An image whose name says another distribution or release (\`centos-7\`,
\`ubuntu-24.04\`, \`debian-12\`) would boot and then fail. Use an Ubuntu 22.04 image. If the name is
misleading and the image really is Ubuntu 22.04, write \`os = "ubuntu 22.04"\` in the \`cloud\` block:
an explicit \`os\` is taken as the truth.`,
  },
  CS2062: {
    name: 'rexray-unavailable',
    severity: 'error',
    message: (_a: object) => 'RexRay volumes cannot be installed on any supported platform',
    explain: `indigo-dc.mesos installs REX-Ray, dvdcli and the Mesos DVDI isolator from dl.bintray.com
(ansible-role-mesos defaults/main.yml:75 rexray_pkg_url, tasks/install-dvdi_mod.yml), which stopped serving
files in 2021, so every agent would fail at boot; the role's config template also hard-codes the cinder
driver and the isolator list it builds renders wrongly on current Ansible. clusterc therefore refuses the
\`rexray\` block instead of producing a cluster whose agents cannot start. Remove it; give applications
storage another way (Marathon local persistent volumes, or volumes attached outside the cluster).`,
  },
  CS2063: {
    name: 'calico-unavailable',
    severity: 'error',
    message: (_a: object) => 'Calico networking cannot work on any supported platform',
    explain: `indigo-dc.calico (2016) configures Calico 0.19 as a Docker libnetwork plugin that needs Docker's
\`--cluster-store\` (ansible-role-calico tasks/main.yml), which Docker 23 removed; indigo-dc.docker installs
the current Docker CE, and the role's own handler name does not match the docker role's. clusterc refuses
the \`calico\` block instead of producing a cluster whose containers have no network. Remove it:
containers use Docker's bridge networking and Marathon's port mappings.`,
  },
  CS2040: {
    name: 'count-as-attribute',
    severity: 'error',
    message: (a: { group: string; name: string }) => `the host count of ${tick(a.group)} is written as ${tick(a.name)}`,
    explain: `A host group's count (or range, or input) comes right after its name, not inside the braces:

    masters { count = 3 }     # error
    masters 3 { }             # ok
    agents "gpu" 0..4 { }     # a range, for an elastic pool

The block is checked as if the count were in its place.`,
  },
  CS2041: {
    name: 'duplicate-output',
    severity: 'error',
    message: (a: { file: string }) => `two clusters would both write ${tick(a.file)}`,
    explain: `Each cluster is written to <out-dir>/<name>.tosca.yaml and <name>.hot.yaml. Two clusters with
the same name in different files given to one \`check\` or \`compile\` would overwrite each other's
output, so the command refuses both (within one file the error is CS2008). Rename one of them.`,
  },
  CS2064: {
    name: 'bad-consul-name',
    severity: 'error',
    message: (a: { name: string; value: string; what: string }) => `consul ${a.name} ${tick(a.value)} is not ${a.what}`,
    explain: `The Consul datacenter and domain become arguments of the consul agent (\`-dc\`, \`-domain\`) and
the DNS domain dnsmasq forwards to Consul. Consul accepts a datacenter of letters, digits, \`-\` and \`_\`,
and a domain of DNS labels joined by dots; anything else (a space, a quote, an empty string) would split the
command line or never resolve. Examples: \`datacenter = "bari"\`, \`domain = "consul"\`.`,
  },
  CS2070: {
    name: 'password-default',
    severity: 'error',
    message: (a: { name: string }) => `${tick(a.name)} is a password and takes no default`,
    explain: `A password attribute (the \`password\` of mesos, marathon, chronos and rexray) always becomes
a hidden input, whether it is written \`input\` or \`secret\`. A default such as \`password = input("pw")\`
would be written into both generated templates, in version control and in the orchestrator's records,
so clusterc refuses it. Write \`password = secret\` (or \`input\`) and supply the value at deployment time.`,
  },
  CS2071: {
    name: 'mesos-http-unauthenticated',
    severity: 'warning',
    configurable: true,
    message: (_a: object) => 'the Mesos master port 5050 is reachable from outside the cluster with no authentication',
    explain: `With \`authenticate_http = false\` the Mesos masters serve their HTTP API and web UI on port
5050 without asking for credentials. On public masters that port is open to the CIDRs of
\`access.admin\`, and so it is on public load balancers, whose marathon-lb proxies it: anyone there who
can reach a floating IP can read the cluster state, kill frameworks and tasks, and reserve resources.
Remove \`authenticate_http = false\` (authentication is on by default), make the masters and load
balancers private (\`public = false\`), empty \`access.admin\` (the default), or allow it with
--allow mesos-http-unauthenticated.`,
  },
  CS2072: {
    name: 'plaintext-framework-auth',
    severity: 'warning',
    configurable: true,
    message: (a: { service: string; port: number }) =>
      `${a.service} sends its Basic-auth password in clear text on port ${a.port}, reachable from outside the cluster`,
    explain: `Mesos serves its HTTP API and UI on port 5050 in plain HTTP only (the pinned roles configure no
TLS for it): with \`authenticate_http\` on (the default) every request carries the Basic-auth
password in clear text, so opening 5050 beyond the cluster with \`access.admin\` warns at that list.
With \`ssl = false\` Marathon serves plain HTTP on port 8080 and Chronos on port 4400 instead of
HTTPS on 8443 and 4443. Both ask for HTTP Basic authentication, which carries the username and password
in every request, readable by anyone on the path; on public masters, and on public load balancers whose
marathon-lb proxies the UIs, the port is open to the CIDRs of \`access.admin\`. Remove \`ssl = false\`
(TLS is on by default), make the masters and load balancers private (\`public = false\`), empty
\`access.admin\` (the default: the admin ports are then reachable from within the cluster only), or
allow it with --allow plaintext-framework-auth.`,
  },
  CS2080: {
    name: 'cidr-host-bits',
    severity: 'error',
    message: (a: { cidr: string; network: string }) => `${tick(a.cidr)} is not a network: its address has bits set outside the prefix (the network is ${tick(a.network)})`,
    explain: `An \`access\` list names networks (\`192.0.2.0/24\`). A CIDR whose address has bits set beyond its
prefix (\`192.0.2.7/24\`) is ambiguous: Neutron normalises it to the network (192.0.2.0/24, the whole
range) on some releases and refuses it on others, and the INDIGO IM passes it to the cloud as
written. Write the network address (\`192.0.2.0/24\`), or the single address as \`192.0.2.7/32\`.`,
  },
  CS2100: {
    name: 'spark-needs-marathon',
    severity: 'error',
    message: (_a: object) => 'Spark runs as a Marathon app, and Marathon is disabled',
    explain: `indigo-dc.spark-mesos deploys Zeppelin or the Spark dispatcher by posting an app to Marathon
(ansible-role-spark-mesos tasks/main.yml), so a cluster with \`spark\` needs Marathon. Remove
\`enabled = false\` from the \`marathon\` block, or remove the \`spark\` block.`,
  },
  CS2101: {
    name: 'unknown-spark-app',
    severity: 'error',
    message: (a: { app: string }) => `unknown Spark app ${tick(a.app)}`,
    explain: `The \`app\` of \`spark\` chooses the Marathon app indigo-dc.spark-mesos deploys: \`"zeppelin"\`
(Apache Zeppelin notebooks, behind its admin password, served by marathon-lb on port 8081) or
\`"dispatcher"\` (Spark's MesosClusterDispatcher for \`spark-submit --deploy-mode cluster\`, ports 7070 and
7077, reachable from inside the cluster only, as it has no authentication). The role knows no other app.`,
  },
});
