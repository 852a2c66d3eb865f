// test/deploy: boots one server of a stack in its sandbox, the way its image would: cloud-init
// runs the RAW user_data as a script (/var/lib/cloud/instance/scripts/part-001, output to
// /var/log/cloud-init-output.log); with software-config, the Heat agent applies the server's
// deployments in order: group `script` as heat-config-script runs it (the config is an
// executable file), group `ansible` as heat-config-ansible runs it (openstack/heat-agents
// hook-ansible.py: in /var/lib/heat-config/heat-config-ansible, `<id>_playbook.yaml` and
// `<id>_variables.json` holding heat_config_id, every input and heat_outputs_path, then
// `ansible-playbook -i localhost, <playbook> --extra-vars @<variables>`).
import { runServer, type ServerResult } from './sandbox.js';
import { SUBNET, type ServerBoot } from './template.js';

/** The two HOT modes. */
export type Mode = 'cloud-init' | 'software-config';

const ANSIBLE_DIR = '/var/lib/heat-config/heat-config-ansible';
const SCRIPT_DIR = '/var/lib/heat-config/heat-config-script';
const PART = '/var/lib/cloud/instance/scripts/part-001';

/** Single-quotes a word for bash. */
function q(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Boots `server` in a fresh sandbox with the role checkouts of `roles`. */
export function bootServer(server: ServerBoot, mode: Mode, stubs: string, roles: string): Promise<ServerResult> {
  const files: Record<string, { text: string; mode?: number }> = {};
  let command: string[];
  if (mode === 'cloud-init') {
    if (server.userData === undefined) throw new Error(`${server.resource} has no RAW user_data`);
    files[PART] = { text: server.userData, mode: 0o700 };
    command = ['/bin/bash', '-c', `${PART} >>/var/log/cloud-init-output.log 2>&1`];
  } else {
    if (server.deployments.length === 0) throw new Error(`${server.resource} has no software deployments`);
    const steps: string[] = ['set -e'];
    server.deployments.forEach((d, i) => {
      const id = `0f6a4f3e-0000-4000-8000-${String(i + 1).padStart(12, '0')}`;
      if (d.group === 'script') {
        files[`${SCRIPT_DIR}/${id}`] = { text: d.config, mode: 0o700 };
        steps.push(`echo "== deployment ${d.name} (script)"`, `${SCRIPT_DIR}/${id}`);
      } else if (d.group === 'ansible') {
        const variables: Record<string, unknown> = { heat_config_id: id };
        for (const input of d.inputs) variables[input.name] = input.value;
        // The inputs Heat derives for every deployment (heat/engine/resources/openstack/heat/software_deployment.py).
        Object.assign(variables, {
          deploy_server_id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
          deploy_action: 'CREATE',
          deploy_stack_id: 'stack/00000000-0000-4000-8000-000000000000',
          deploy_resource_name: d.name,
          deploy_signal_transport: 'CFN_SIGNAL',
        });
        variables['heat_outputs_path'] = `/var/run/heat-config/heat-config-ansible/${id}`;
        files[`${ANSIBLE_DIR}/${id}_playbook.yaml`] = { text: d.config };
        files[`${ANSIBLE_DIR}/${id}_variables.json`] = { text: JSON.stringify(variables) };
        steps.push(
          `echo "== deployment ${d.name} (ansible)"`,
          `mkdir -p /var/run/heat-config/heat-config-ansible`,
          `cd ${ANSIBLE_DIR}`,
          `ansible-playbook -i localhost, ${q(`${ANSIBLE_DIR}/${id}_playbook.yaml`)} --extra-vars ${q(`@${ANSIBLE_DIR}/${id}_variables.json`)}`,
          'cd /',
        );
      } else {
        throw new Error(`${server.resource}: deployment ${d.name} has group ${d.group}, which test/deploy does not run`);
      }
    });
    files['/var/lib/clusterc-test/agent.sh'] = { text: steps.join('\n') + '\n', mode: 0o700 };
    command = ['/bin/bash', '-c', '/var/lib/clusterc-test/agent.sh >>/var/log/heat-agent.log 2>&1'];
  }
  return runServer({ hostname: server.hostname, address: server.address, prefix: SUBNET.prefix, gateway: SUBNET.gateway, files, command }, stubs, roles);
}
