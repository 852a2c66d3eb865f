// The supported platforms: the images the HOT bootstrap can configure, with the Python they ship,
// the Ansible the bootstrap installs and the collections the pinned roles' modules live in. One table,
// read by the model check (an image outside it is an error, not a failed boot), the bootstrap (what
// to install) and the README's platform matrix.
//
// Why ansible-core 2.14: it is the release this project's machines run (Debian 12's ansible-core), so
// test/deploy runs the pinned roles under the same Ansible a real boot installs. It needs Python 3.9-3.11
// on the controller: Ubuntu 22.04's Python 3.10 fits; Ubuntu 24.04's 3.12 does not (2.16 would, and
// 2.16 removed `include:`, which the compatibility fixes replace anyway, but nothing here can test it).
// Ubuntu 22.04's own `ansible` package is 2.10.8, too old for the docker role's FQCNs and not what is
// tested, so the bootstrap installs ansible-core from PyPI into a virtual environment instead.

/** One supported image family. */
export interface Platform {
  readonly distribution: string;
  readonly version: string;
  readonly codename: string;
  /** The python3 the image ships (the controller and the module interpreter). */
  readonly python: string;
}

/** The images the bootstrap supports, in preference order (the first is the default `os`). */
export const PLATFORMS: readonly Platform[] = [{ distribution: 'ubuntu', version: '22.04', codename: 'jammy', python: '3.10' }];

/** ansible-core installed by the bootstrap into ANSIBLE_VENV, from PyPI. */
export const ANSIBLE_CORE_VERSION = '2.14.18';
/** Where the bootstrap creates the virtual environment of ansible-core. */
export const ANSIBLE_VENV = '/opt/clusterc/ansible';

/**
 * Collections the roles' short module names resolve to under ansible-core (its
 * config/ansible_builtin_runtime.yml routes `docker_container` to community.docker, `consul` and
 * `modprobe` to community.general), installed from Galaxy with version ranges that support
 * ansible-core 2.14 (community.docker 3.x: ansible-core >= 2.11; community.general 8.x: >= 2.13).
 */
export const COLLECTIONS: readonly { readonly name: string; readonly version: string }[] = [
  { name: 'community.docker', version: '>=3.4.0,<4.0.0' },
  { name: 'community.general', version: '>=8.0.0,<9.0.0' },
];

/**
 * Debian packages the bootstrap installs before the play: git (ansible-galaxy role install from git),
 * python3-venv (the ansible-core environment), python3-yaml (the vars writer), curl (the wait condition),
 * and the Python libraries the roles' modules import on the host: python3-docker and python3-requests
 * (community.docker), python3-consul (community.general.consul, which indigo-dc.consul tasks/consul.yml:1-2
 * and indigo-dc.marathon-lb tasks/main.yml:50 need; the role's own `pip: python-consul` fails where no pip
 * exists and PEP 668 refuses system installs).
 */
export const BOOTSTRAP_PACKAGES: readonly string[] = [
  'git', 'python3', 'python3-venv', 'python3-yaml', 'curl', 'python3-docker', 'python3-requests', 'python3-consul',
];

/** The supported platform of an `os` setting, or undefined. */
export function platformOf(os: { distribution: string; version: string }): Platform | undefined {
  return PLATFORMS.find((p) => p.distribution === os.distribution && p.version === os.version);
}
