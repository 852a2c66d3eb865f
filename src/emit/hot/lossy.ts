// Checks and lossy-emit warnings of the HOT emitter (CS3202, CS3204-CS3208): spec features the
// single-file HOT output cannot express, reported once per feature at the spec text that asked
// for it, each saying what the output does instead (kompose checkUnsupportedKey); each service entry
// reports its own (src/services, hot.lossy).
import { tick } from '../../diagnostics/codes/define.js';
import type { DiagnosticCollector } from '../../diagnostics/collector.js';
import type { ClusterModel } from '../../model/model.js';
import { hostGroups } from '../../model/model.js';
import { SERVICES, serviceModel } from '../../services/index.js';
import type { HotMode } from './context.js';

/** Reports the errors and warnings of the model for the HOT target. */
export function reportLossy(m: ClusterModel, mode: HotMode, diag: DiagnosticCollector): void {
  for (const g of [m.masters, m.loadBalancers]) {
    if (g?.size.kind === 'fixed' && g.size.count.kind === 'input') {
      diag.report('CS3202', g.size.count.origin ?? g.size.origin ?? g.origin, { group: g.id.replace(/_/g, ' ') }, {
        label: 'an input here',
        help: `write a literal count, e.g. \`${g.id} 3\`; the heat output unrolls one port and server per host`,
      });
    }
  }
  for (const e of SERVICES) e.hot?.lossy?.(serviceModel(m.services, e), { m, mode, diag });
  for (const g of m.agentPools) {
    if (g.public) {
      diag.report('CS3205', g.origin, { group: tick(g.id) }, { help: 'reach the agents through the load balancers, or make the masters or load balancers public instead' });
    }
    if (mode === 'software-config' && g.size.kind === 'range') {
      diag.report('CS3207', g.size.origin ?? g.origin, { group: tick(g.id) }, {
        help: 'use `--hot-mode cloud-init`, or run `openstack stack update --existing` after each scale-up',
      });
    }
  }
  for (const g of hostGroups(m)) {
    if (g.disk) {
      diag.report('CS3206', g.disk.origin ?? g.origin, { group: tick(g.id) }, { help: 'choose a flavor whose root disk is large enough' });
    }
  }
  if (m.cloud.os.distribution.toLowerCase() !== 'ubuntu') {
    diag.report('CS3208', m.cloud.origin ?? m.origin, { os: `${m.cloud.os.distribution} ${m.cloud.os.version}`.trim() }, {
      help: 'use a stock ubuntu cloud image (22.04 or 24.04)',
    });
  }
}
