// Public API of the role catalog: the one table of indigo-dc Ansible roles (catalog.ts) and the
// per-group plan built from a cluster model (plan.ts). Emitters import from here only.
export type { GroupPlan, PortClass, PortRule, Reach, RoleEntry, RoleInvocation, VarExpr } from './types.js';
export type { GalaxyRequirement, RoleId } from './catalog.js';
export { ROLES, ROLE_LIST, ROLE_INPUTS, galaxyRequirements, artifactFile } from './catalog.js';
export { installedRole, imGalaxyDependency, installedRoleName, type InstalledRole } from './im-artifact.js';
export { planCluster, planGroup, rolesOfPlan, DOCKER_BRIDGE_IP_CIDR, PLAY_WIDE_VARS } from './plan.js';
