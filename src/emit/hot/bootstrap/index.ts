// Public API of the HOT bootstrap (issue 5 parts 2 and 3): how each host of a group configures
// itself, in cloud-init mode (user_data script + wait condition) or software-config mode
// (SoftwareConfig group ansible + a setup script). The topology emitter (src/emit/hot) calls these
// per group and wires the results into servers and deployments. Pure: no file system, no spec.
export type { HotRefs, HotValue } from './types.js';
export { cloudInitUserData } from './cloud-init.js';
export { softwareConfig, type SoftwareConfigParts } from './software-config.js';
