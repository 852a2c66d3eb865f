// HOT bootstrap: the metadata guard of the agents (issue 16 item 7d). Containers that Marathon and
// Mesos start on an agent could otherwise read the cloud's metadata service at 169.254.169.254,
// which serves the server's user_data (the cluster values, secrets of that group included) to any
// process of the VM. The guard is a systemd unit, started with Docker and at every boot, that puts
// one REJECT rule for that address first in Docker's DOCKER-USER chain (the chain Docker keeps for
// its users: every forwarded packet of a bridged container passes it, Docker never flushes it).
// It does not cover containers on the host network (Docker `--network host`, Mesos containerizer
// tasks without a network namespace) nor the host itself: their packets are not forwarded. README
// "Safety" says so. Invariant: static text, no spec value.
import { DOCKER_UNIT } from '../../../services/index.js';

/** Where the unit is installed. */
export const METADATA_GUARD_UNIT_PATH = '/etc/systemd/system/clusterc-metadata-guard.service';

/** The cloud metadata service address (OpenStack Nova and EC2 compatible). */
export const METADATA_ADDRESS = '169.254.169.254/32';

/**
 * The shell command the unit runs: creates DOCKER-USER when Docker has not yet (Docker keeps an
 * existing chain and appends its RETURN), then inserts the rule at the top unless it is there.
 * Idempotent: running it again leaves exactly one rule.
 */
export const METADATA_GUARD_COMMAND = [
  'iptables -w -N DOCKER-USER 2>/dev/null || true',
  `iptables -w -C DOCKER-USER -d ${METADATA_ADDRESS} -j REJECT --reject-with icmp-port-unreachable 2>/dev/null || iptables -w -I DOCKER-USER 1 -d ${METADATA_ADDRESS} -j REJECT --reject-with icmp-port-unreachable`,
].join('; ');

/** The systemd unit: after Docker, restarted with it, enabled for every boot. */
export const METADATA_GUARD_UNIT = [
  '# clusterc: keep containers away from the cloud metadata service (169.254.169.254), which serves',
  '# this server\'s user_data to any process that reaches it. See the clusterc README, "Safety".',
  '[Unit]',
  'Description=clusterc metadata guard: containers may not reach 169.254.169.254',
  `After=${DOCKER_UNIT}`,
  `PartOf=${DOCKER_UNIT}`,
  '',
  '[Service]',
  'Type=oneshot',
  'RemainAfterExit=yes',
  `ExecStart=/bin/sh -c '${METADATA_GUARD_COMMAND}'`,
  '',
  '[Install]',
  `WantedBy=multi-user.target ${DOCKER_UNIT}`,
  '',
].join('\n');

/** The play's post_tasks on an agent group: install the unit, enable and start it. */
export function metadataGuardTasks(): unknown[] {
  return [
    {
      name: 'keep containers away from the cloud metadata service (169.254.169.254)',
      copy: { dest: METADATA_GUARD_UNIT_PATH, content: METADATA_GUARD_UNIT, owner: 'root', group: 'root', mode: '0644' },
    },
    {
      name: 'apply the metadata guard now and at every boot',
      systemd: { name: 'clusterc-metadata-guard.service', enabled: true, state: 'started', daemon_reload: true },
    },
  ];
}
