// CS32xx: HOT emitter warnings and errors (src/emit/hot).
// CS3201-CS3249 belong to the topology emitter (parameters, resources, outputs); CS3250 and up
// to the bootstrap (src/emit/hot/bootstrap). Lossy-emit warnings name the feature and what the
// HOT output does instead, and are configurable (`--allow NAME`); errors are not.
import { defineCodes, tick } from './define.js';

export const HOT_CODES = defineCodes({
  CS3201: {
    name: 'hot-unsupported-version',
    severity: 'error',
    message: (a: { version: string }) => `heat template version ${tick(a.version)} cannot express this template`,
    explain: `The HOT output uses str_replace with JSON-encoded values (ReplaceJson, HOT 2015-10-15 and
later), OS::Heat::SoftwareDeploymentGroup and list_join. Heat 19 knows the versions 2013-05-23 to
2021-04-16 and the release names newton to wallaby; the versions before 2015-10-15 lack these
functions, and any other string is not a HOT version at all. Pick 2015-10-15 or later with
--hot-version (the default is 2018-08-31, Rocky).`,
  },
  CS3202: {
    name: 'hot-count-input',
    severity: 'error',
    message: (a: { group: string }) => `the number of ${a.group} cannot be an input in the heat output`,
    explain: `The HOT output gives every master and every load balancer its own port and server
resource (master_0_port, master_0, ...), so that the master addresses are known, and passed to every
host, before any host boots; a ResourceGroup whose count is a parameter cannot provide that. A
count chosen at deployment time therefore cannot be honoured for masters or load balancers: write a
literal count in the spec. Agent pools may take their count from an input.`,
  },
  CS3203: {
    name: 'hot-flavor-parameter',
    severity: 'warning',
    configurable: true,
    message: (a: { group: string; param: string }) =>
      `${a.group} have no flavor; the heat output asks for it in the parameter ${tick(a.param)}`,
    explain: `OS::Nova::Server needs a flavor; Heat cannot choose one from cpus and memory. When a
host group gives cpus/memory (or nothing) but no flavor, the HOT output adds a required parameter
<group>_flavor whose description names the cpus and memory asked for, and the stack creator picks a
matching flavor. Set flavor in the group to silence this, or allow with --allow hot-flavor-parameter.`,
  },
  CS3204: {
    name: 'hot-idle-timeout',
    severity: 'warning',
    configurable: true,
    message: (a: { timeout: string }) =>
      `the elasticity idle timeout ${tick(a.timeout)} cannot be expressed in heat; the elastic pools get scale-up and scale-down webhooks instead`,
    explain: `CLUES (TOSCA ElasticCluster) powers an agent off after it has been idle for the idle
timeout. Heat autoscaling has no notion of an idle Mesos agent: an OS::Heat::AutoScalingGroup only
changes size when one of its OS::Heat::ScalingPolicy resources is signalled. The HOT output starts
each elastic pool at its minimum size and publishes the scale-up and scale-down webhooks
(<pool>_scale_up_url, <pool>_scale_down_url) as stack outputs, for an Aodh alarm, a monitoring
system or an operator to call. Allow with --allow hot-idle-timeout.`,
  },
  CS3205: {
    name: 'hot-public-agents',
    severity: 'warning',
    configurable: true,
    message: (a: { group: string }) =>
      `public ${a.group} cannot get floating IPs in the heat output; they stay on the private network`,
    explain: `Agent pools are OS::Heat::ResourceGroup or OS::Heat::AutoScalingGroup resources whose
members are single OS::Nova::Server resources (the output is one self-contained file, without nested
templates), so each member cannot get its own OS::Neutron::FloatingIP. Public agents are therefore
reachable only through the load balancers (marathon-lb) or from inside the cluster.
Allow with --allow hot-public-agents.`,
  },
  CS3206: {
    name: 'hot-disk-size',
    severity: 'warning',
    configurable: true,
    message: (a: { group: string }) =>
      `the disk size of ${a.group} cannot be expressed in heat; the hosts get the root disk of their flavor`,
    explain: `The HOT output boots every server from its image with the flavor's root disk; it does not
create boot volumes. Choose a flavor whose disk is large enough, or allow with --allow hot-disk-size.`,
  },
  CS3207: {
    name: 'hot-elastic-software-config',
    severity: 'warning',
    configurable: true,
    message: (a: { group: string }) =>
      `agents that a scale-up adds to ${a.group} are not configured in software-config mode until the next stack update`,
    explain: `In software-config mode the roles run through an OS::Heat::SoftwareDeploymentGroup whose
servers are the members of the pool's OS::Heat::AutoScalingGroup at the time the stack is created
or updated. A scale-up signal resizes the group only, so new agents stay unconfigured until
\`openstack stack update --existing\` re-evaluates the deployment. cloud-init mode (the default) has
no such gap: every new server configures itself at boot. Allow with --allow hot-elastic-software-config.`,
  },
  CS3208: {
    name: 'hot-non-ubuntu-image',
    severity: 'warning',
    configurable: true,
    message: (a: { os: string }) =>
      `the heat bootstrap installs ansible with apt; the operating system ${tick(a.os)} may not have it`,
    explain: `The user_data script (cloud-init mode) and the setup script (software-config mode)
install Ansible, git and PyYAML with apt-get, as on the stock Ubuntu cloud images. On an image of
another distribution the setup fails and, in cloud-init mode, reports the failure to the wait
condition, so the stack fails visibly. Use an Ubuntu image, or allow with --allow hot-non-ubuntu-image.`,
  },
  CS3209: {
    name: 'hot-template-too-large',
    severity: 'warning',
    configurable: true,
    message: (a: { size: number; limit: number }) =>
      `the heat template is ${a.size} bytes, above heat's default \`max_template_size\` of ${a.limit} bytes`,
    explain: `Heat refuses templates larger than its max_template_size setting (524288 bytes by
default) with "Template size exceeds maximum allowed size". Every group carries one copy of its
bootstrap script (shared by its servers through an OS::Heat::Value) and every master and load
balancer its own port and server, so a spec with many pools or hosts can pass the limit. Merge
agent pools, or ask the cloud operator to raise max_template_size. Allow with --allow
hot-template-too-large.`,
  },
  CS3250: {
    name: 'nova-user-data-too-large',
    severity: 'error',
    message: (a: { group: string; size: number; limit: number }) =>
      `the user_data of the \`${a.group}\` servers is at least ${a.size} bytes base64-encoded, above nova's limit of ${a.limit}`,
    explain: `Nova refuses to boot a server whose user_data, base64-encoded, is longer than 65535 bytes;
no setting raises it. In cloud-init mode a group's user_data lists the addresses of the hosts its
roles talk to (every master for ZooKeeper, Mesos and Marathon, and so on), so it grows with their
number. The size reported is a lower bound (every address as short as \`1.1.1.1\`, every parameter
empty): the stack would certainly fail. Use fewer hosts, or \`--hot-mode software-config\`, where the
values travel as software deployment inputs instead of user_data.`,
  },
  CS3251: {
    name: 'hot-too-many-resources',
    severity: 'warning',
    configurable: true,
    message: (a: { count: number; limit: number }) =>
      `the heat stack would hold ${a.count} resources, above heat's default \`max_resources_per_stack\` of ${a.limit}`,
    explain: `Heat refuses to create a stack with more resources than its max_resources_per_stack
setting (1000 by default; members of a ResourceGroup or AutoScalingGroup count). Each master and
load balancer is a port, a server and, when public, a floating IP. Use fewer hosts, or ask the cloud
operator to raise max_resources_per_stack. Allow with --allow hot-too-many-resources.`,
  },
  CS3280: {
    name: 'hot-unused-input',
    severity: 'note',
    configurable: true,
    message: (a: { attribute: string; input: string; reason: string }) =>
      `${tick(a.attribute)} is an input the HOT output does not use (${a.reason}); parameter ${tick(a.input)} is not declared there`,
    explain: `Every parameter of the HOT output is read by a get_param: a parameter that nothing reads would
be asked for by \`openstack stack create\` and do nothing. When a spec attribute is given as
\`input\` (or \`secret\`) but the HOT output has no place for it (cpus and memory, which the flavor
decides; the credentials of a disabled service, whose role is left out), the parameter is left out
of the HOT output and this note names the attribute. The TOSCA output may still use it. Allow with
--allow hot-unused-input.`,
  },
  CS3320: {
    name: 'hot-world-open-port',
    severity: 'note',
    configurable: true,
    message: (a: { group: string; ports: string; why: string }) =>
      `the HOT output opens ${a.ports} of ${tick(a.group)} to anywhere (0.0.0.0/0): ${a.why}`,
    explain: `Every port the Heat template opens to 0.0.0.0/0 is named by this note, one note per host group,
so that what the internet can reach is never a surprise. By default only marathon-lb's application
ports (80, 443) on public load balancers are; SSH and the Mesos, Marathon and Chronos UIs and APIs are
open only to the CIDRs of the spec's \`access\` block (\`access { ssh = [...]  admin = [...]  apps = [...] }\`),
nobody when it names none. \`access.admin = [0.0.0.0/0]\` makes the note say the spec asked for it.
Allow with --allow hot-world-open-port.`,
  },
});
