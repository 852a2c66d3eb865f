// The part of the bootstrap both HOT modes share: the Debian packages, ansible-core in a virtual
// environment, the collections, and the pinned roles (src/roles/platform.ts says which and why).
// Static text only: no spec value ever reaches it.
import { ANSIBLE_CORE_VERSION, ANSIBLE_VENV, BOOTSTRAP_PACKAGES, COLLECTIONS } from '../../../roles/platform.js';
import { ROLES_DIR, WORK_DIR } from './documents.js';

/** Where the bootstrap installs the collections (in Ansible's default collections path). */
export const COLLECTIONS_DIR = '/usr/share/ansible/collections';

/** The ansible-core commands the bootstrap runs. */
export const ANSIBLE_BIN = `${ANSIBLE_VENV}/bin`;

/**
 * Bash lines that install what the play needs: apt packages, ansible-core from PyPI into
 * ANSIBLE_VENV (linked into /usr/local/bin so heat-config-ansible runs the same ansible-playbook),
 * the collections and the pinned roles (three tries each, downloads fail transiently). `fail` is the
 * command that ends the script with an error (`false` under set -e, or `exit 1`).
 */
export function installLines(fail: string): string[] {
  const retry = (cmd: string): string[] => [
    'for clusterc_try in 1 2 3; do',
    `  if ${cmd}; then break; fi`,
    `  if [ "$clusterc_try" = 3 ]; then ${fail}; fi`,
    '  sleep 20',
    'done',
  ];
  const collections = COLLECTIONS.map((c) => `'${c.name}:${c.version}'`).join(' ');
  return [
    'export DEBIAN_FRONTEND=noninteractive',
    'clusterc_apt() { apt-get -o DPkg::Lock::Timeout=600 -o Acquire::Retries=5 "$@"; }',
    'clusterc_apt update -q',
    `clusterc_apt install -y -q ${BOOTSTRAP_PACKAGES.join(' ')}`,
    `if [ ! -x ${ANSIBLE_BIN}/ansible-playbook ]; then`,
    `  python3 -m venv --system-site-packages ${ANSIBLE_VENV}`,
    ...retry(`${ANSIBLE_BIN}/pip install -q 'ansible-core==${ANSIBLE_CORE_VERSION}'`).map((l) => `  ${l}`),
    'fi',
    `for clusterc_bin in ansible ansible-playbook ansible-galaxy; do ln -sf ${ANSIBLE_BIN}/$clusterc_bin /usr/local/bin/$clusterc_bin; done`,
    ...retry(`${ANSIBLE_BIN}/ansible-galaxy collection install -p ${COLLECTIONS_DIR} ${collections}`),
    ...retry(`${ANSIBLE_BIN}/ansible-galaxy role install --force -p ${ROLES_DIR} -r ${WORK_DIR}/requirements.yml`),
  ];
}
