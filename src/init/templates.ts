// Starter specs for `clusterc init`: commented, and compiled by the tests with no error. The
// minimal one is one master and two agents; `--ha` adds three masters, an elastic agent pool, two
// load balancers with a keepalived VIP and the service blocks. The cluster name is the only hole.

/** The starter spec for cluster `name` (a valid cluster name, checked by the caller). */
export function starterSpec(name: string, ha: boolean): string {
  return ha ? haSpec(name) : minimalSpec(name);
}

function minimalSpec(name: string): string {
  return `# ${name}.cluster: a Mesos cluster spec (language reference: grammar/README.md).
# Compile it with \`clusterc compile ${name}.cluster\`; check it with \`clusterc check\`.
cluster "${name}" {
  description = "Mesos cluster with one master and two agents"

  cloud {
    image    = "ubuntu-22.04"           # the image every host boots (a stock Ubuntu cloud image)
    network  = "private-net"            # the private network of the hosts (HOT output only)
    key_name = input                    # asked for at deployment time
  }

  masters 1 {                           # Mesos, Marathon, Chronos, ZooKeeper, Consul servers
    flavor = "m1.medium"                # HOT uses the flavor; TOSCA uses cpus and memory
    cpus   = 2
    memory = 4 GB
  }

  agents 2 {                            # where the tasks run
    flavor = "m1.large"
    cpus   = 4
    memory = 8 GB
  }

  # Marathon and Chronos are on by default; their passwords become secret inputs.
}
`;
}

function haSpec(name: string): string {
  return `# ${name}.cluster: a highly available Mesos cluster (language reference: grammar/README.md).
# Compile it with \`clusterc compile ${name}.cluster\`; check it with \`clusterc check\`.
cluster "${name}" {
  description = "HA Mesos cluster with elastic agents and a load balancer VIP"
  version     = "1.0.0"                 # the TOSCA template_version

  cloud {
    image          = "ubuntu-22.04"
    network        = "private-net"
    subnet         = 10.0.0.0/24        # lets clusterc check the vip below
    public_network = "public"           # floating IPs come from here
    key_name       = input
  }

  masters 3 {                           # an odd number: ZooKeeper needs a quorum
    flavor = "m1.large"
    cpus   = 2
    memory = 4 GB
  }

  agents 2..10 {                        # a range: elastic (CLUES in TOSCA, autoscaling in HOT)
    flavor = "m1.xlarge"
    cpus   = 4
    memory = 8 GB
  }

  load_balancers 2 {                    # marathon-lb behind a keepalived virtual IP
    flavor = "m1.small"
    vip    = 10.0.0.100
  }

  marathon { username = "admin"  password = secret }  # secret: a hidden input, never a literal
  chronos  { password = secret }
  consul   { datacenter = "dc1" }
}
`;
}
