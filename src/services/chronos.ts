// Chronos: the cron-like framework on the masters (role indigo-dc.chronos). On unless
// `enabled = false`; marathon-lb proxies its UI while Marathon runs. TOSCA: `enable_chronos` of the
// INDIGO master node.
import { frameworkBlock, lowerFramework, planFramework, uiPort, type FrameworkFacts, type FrameworkModel } from './framework.js';
import { defineService, type ServiceEntry } from './types.js';

const FACTS: FrameworkFacts = { name: 'chronos', what: 'Chronos', http: 4400, https: 4443 };

/** The chronos service. */
export const chronos: ServiceEntry<'chronos', FrameworkModel> = defineService({
  key: 'chronos',
  block: frameworkBlock(FACTS),
  lower: (cx) => lowerFramework(cx, FACTS, () => cx.earlier('marathon').enabled),
  uses: (svc) => [['chronos.username', svc.username], ['chronos.password', svc.password]],
  plan: (svc, cx) => planFramework(svc, FACTS, cx),
  endpoint: (svc) =>
    svc.enabled ? { output: 'chronos_endpoint', scheme: svc.ssl ? 'https' : 'http', port: uiPort(svc, FACTS), description: 'Chronos web UI and API' } : undefined,
  tosca: {
    contribute(svc, _g, kind, cx) {
      if (kind !== 'master') return {};
      const on = svc.enabled;
      return {
        properties: {
          enable_chronos: on,
          chronos_enable_ssl: on ? svc.ssl : undefined,
          chronos_username: on ? cx.value(svc.username, 'the chronos username') : undefined,
          chronos_password: on ? cx.value(svc.password, 'the chronos password') : undefined,
        },
        artifacts: { chronos_agent_role: 'chronos' },
      };
    },
    keystore: (svc) => (svc.enabled && svc.ssl ? 'Chronos' : undefined),
    unusedReason: (svc) => (svc.enabled ? undefined : 'Chronos is disabled, the INDIGO master does not run it'),
  },
  hot: {
    unusedReason: (svc) => (svc.enabled ? undefined : 'Chronos is disabled, its role is left out'),
  },
});
