// How the INDIGO PaaS Orchestrator's Infrastructure Manager turns a TOSCA artifact of type
// tosca.artifacts.AnsibleGalaxy.role into an installed role, re-stated from the consumers' code so
// that the emitter, the linter and the tests judge an artifact `file:` exactly as they do:
//
// 1. grycap/im IM/tosca/Tosca.py:1791-1822 (_add_ansible_roles) passes the file unchanged, and
//    IM/CtxtAgentBase.py:543-561 (install_ansible_roles) builds one requirements entry from it:
//      parts = file.split("|")  → more than one part: {src: parts[0], name: parts[1]}; else {src: file}
//      parts = url.split(",")   → more than one part: {src: parts[0], version: parts[1]}  (the name is DROPPED)
//    then runs `ansible-galaxy install -c -r <file>` (a git src also makes it install git first).
// 2. ansible-galaxy (ansible-core 2.14 lib/ansible/playbook/role/requirement.py:52-65 and 100-111)
//    names a dict entry without `name` after its src: a github.com http URL not ending in .tar.gz
//    gets `git+` prepended, the `scm+` prefix is split off, and the name is the last path segment
//    without `.git`/`.tar.gz` (a bare Galaxy name stays as it is).
//
// Consequences: `git+<repo>,<commit>,<name>` installs `ansible-role-<x>` (name lost, so the INDIGO
// artifact playbooks' `include_role: indigo-dc.<x>` fails), and no form keeps both a commit and a
// name through step 1 except an archive URL with the commit in its path: `<archive>.tar.gz|<name>`.

/** The requirements entry the IM writes for one artifact file (CtxtAgentBase.py:546-559). */
export interface ImGalaxyDependency {
  readonly src: string;
  readonly name?: string;
  readonly version?: string;
}

/** The IM's requirements entry for an artifact `file:` string. */
export function imGalaxyDependency(file: string): ImGalaxyDependency {
  const bar = file.split('|');
  let url = file;
  let dep: ImGalaxyDependency = { src: file };
  if (bar.length > 1) {
    url = bar[0]!;
    dep = { src: url, name: bar[1]! };
  }
  const comma = url.split(',');
  if (comma.length > 1) dep = { src: comma[0]!, version: comma[1]! };
  return dep;
}

/** ansible-galaxy RoleRequirement.repo_url_to_role_name (requirement.py:52-65). */
function repoUrlToRoleName(url: string): string {
  if (!url.includes('://') && !url.includes('@')) return url;
  let trailing = url.split('/').at(-1)!;
  if (trailing.endsWith('.git')) trailing = trailing.slice(0, -4);
  if (trailing.endsWith('.tar.gz')) trailing = trailing.slice(0, -7);
  if (trailing.includes(',')) trailing = trailing.split(',')[0]!;
  return trailing;
}

/** The name ansible-galaxy installs a requirements entry under (requirement.py:100-111). */
export function installedRoleName(dep: ImGalaxyDependency): string {
  if (dep.name !== undefined) return dep.name;
  let src = dep.src;
  if (src.includes('github.com') && src.includes('http') && !src.includes('+') && !src.endsWith('.tar.gz')) src = `git+${src}`;
  if (src.includes('+')) src = src.slice(src.indexOf('+') + 1);
  return repoUrlToRoleName(src);
}

/** What a role artifact installs once the IM and ansible-galaxy have read it. */
export interface InstalledRole {
  /** The role directory name, which `include_role` / `roles:` must use. */
  readonly name: string;
  /** The pinned commit when the source is a GitHub archive of a commit, else the version asked for (a Galaxy release, a branch) or undefined (the default branch or latest release). */
  readonly version: string | undefined;
  /** True when the content cannot move: an archive of a full commit id. */
  readonly pinned: boolean;
}

const COMMIT_ARCHIVE = /^https:\/\/github\.com\/[^/]+\/[^/]+\/archive\/([0-9a-f]{40})\.tar\.gz$/;

/** Reads an artifact `file:` string the way the IM and ansible-galaxy do. */
export function installedRole(file: string): InstalledRole {
  const dep = imGalaxyDependency(file);
  const commit = COMMIT_ARCHIVE.exec(dep.src)?.[1];
  return { name: installedRoleName(dep), version: commit ?? dep.version, pinned: commit !== undefined };
}
