// Docker: the container runtime every other role runs its containers with. Not invoked by the plan:
// every role pulls indigo-dc.docker in through its meta/main.yml `dependencies` (as the upstream HOT
// playbooks rely on) and galaxyRequirements() installs it pinned. TOSCA: the `docker_agent_role`
// artifact of every INDIGO Mesos node, overridden with the pinned commit.
import type { ServiceBase } from '../model/model.js';
import { defineService, type ServiceEntry } from './types.js';

/** The systemd unit the roles' Docker runs as (a host guard orders itself after it). */
export const DOCKER_UNIT = 'docker.service';

/** The docker service. */
export const docker: ServiceEntry<'docker', ServiceBase> = defineService({
  key: 'docker',
  lower: (cx) => ({ enabled: true, hosts: cx.cluster.ids.all, origin: undefined }),
  tosca: {
    contribute: () => ({ artifacts: { docker_agent_role: 'docker' } }),
  },
});
