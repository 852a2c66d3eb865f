// HOT bootstrap, software-config mode (as upstream INDIGO: OS::Heat::SoftwareConfig group
// ansible + a group script config that installs the roles), for images with the Heat agents.
//
// Safety: heat-config-ansible (openstack/heat-agents, hook-ansible.py) writes every input to
// `<working dir>/<config id>_variables.json` and runs `ansible-playbook --extra-vars @<that
// file>`. Extra vars from JSON cannot carry the `!unsafe` tag portably (`__ansible_unsafe`
// objects are honoured by some ansible-core releases only), so a Jinja string in an extra var
// WOULD be evaluated wherever it is referenced. We therefore never reference the inputs as
// variables: they are named `clusterc_in_*`, which no role reads, and the playbook's first
// pre-task runs a Python program (argv, no shell, program text itself `!unsafe`) that reads the
// hook's JSON file directly and writes the vars file with every string tagged `!unsafe`; the
// next pre-task loads it with include_vars. The playbook text holds no spec value.
import type { ClusterModel } from '../../../model/model.js';
import type { GroupPlan } from '../../../roles/index.js';
import { installedRoles } from './cloud-init.js';
import { compatProgram } from './compat.js';
import { DATA_PREFIX, ROLES_DIR, WORK_DIR, playbookYaml, requirementsYaml } from './documents.js';
import { installLines } from './install.js';
import { layoutGroup } from './layout.js';
import type { HotRefs, HotValue } from './types.js';

/** What the topology engineer needs for one group's SoftwareConfig/SoftwareDeployment(s). */
export interface SoftwareConfigParts {
  /** `config` of the OS::Heat::SoftwareConfig (group ansible): the playbook. */
  readonly config: string;
  /** `inputs` of that SoftwareConfig. */
  readonly inputs: { name: string; type?: string }[];
  /** `input_values` of its deployment(s). */
  readonly inputValues: Record<string, HotValue>;
  /** `config` of the setup OS::Heat::SoftwareConfig (group script) that installs Ansible and the roles. */
  readonly setupConfig: string;
}

/** The software-config parts of one group. */
export function softwareConfig(plan: GroupPlan, m: ClusterModel, refs: HotRefs): SoftwareConfigParts {
  const layout = layoutGroup(plan, m, refs);
  const inputs = layout.slots.map((s) => ({ name: DATA_PREFIX + s.key, type: s.type }));
  const inputValues: Record<string, HotValue> = {};
  for (const s of layout.slots) inputValues[DATA_PREFIX + s.key] = s.value;
  const config = playbookYaml(plan, layout, { convertHookVariables: true });
  const requirements = requirementsYaml(plan);
  if (requirements.split('\n').includes('CLUSTERC_REQUIREMENTS_EOF')) throw new Error('requirements contain the heredoc delimiter');
  const compat = compatProgram(installedRoles(plan));
  if (compat.split('\n').includes('CLUSTERC_COMPAT_EOF')) throw new Error('the compat program contains the heredoc delimiter');
  const setupConfig = [
    '#!/bin/bash',
    `# clusterc setup of group ${plan.group.id}: ansible-core, its collections and the pinned indigo-dc roles, so that`,
    '# the heat-config-ansible hook can run the group playbook. Heat marks the deployment FAILED on a',
    '# non-zero exit status.',
    'set -Eeuo pipefail',
    'umask 077',
    `mkdir -p ${WORK_DIR}`,
    `cat > ${WORK_DIR}/requirements.yml <<'CLUSTERC_REQUIREMENTS_EOF'`,
    requirements.trimEnd(),
    'CLUSTERC_REQUIREMENTS_EOF',
    ...installLines('exit 1'),
    `cat > ${WORK_DIR}/compat.py <<'CLUSTERC_COMPAT_EOF'`,
    compat.trimEnd(),
    'CLUSTERC_COMPAT_EOF',
    `python3 ${WORK_DIR}/compat.py ${ROLES_DIR}`,
    '',
  ].join('\n');
  return { config, inputs, inputValues, setupConfig };
}
