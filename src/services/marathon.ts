// Marathon: the long-running-services framework on the masters (role indigo-dc.marathon). On unless
// `enabled = false`; marathon-lb on the load balancers runs only while it does. The INDIGO master node
// installs Marathon whatever the spec says, so TOSCA keeps its credentials (CS3111 when disabled).
import { tick } from '../diagnostics/codes/define.js';
import { frameworkBlock, lowerFramework, planFramework, uiPort, type FrameworkFacts, type FrameworkModel } from './framework.js';
import { defineService, type ServiceEntry } from './types.js';

const FACTS: FrameworkFacts = { name: 'marathon', what: 'Marathon', http: 8080, https: 8443 };

/** The marathon service. */
export const marathon: ServiceEntry<'marathon', FrameworkModel> = defineService({
  key: 'marathon',
  block: frameworkBlock(FACTS),
  lower: (cx) => lowerFramework(cx, FACTS, (enabled) => enabled),
  uses: (svc) => [['marathon.username', svc.username], ['marathon.password', svc.password]],
  plan: (svc, cx) => planFramework(svc, FACTS, cx),
  endpoint: (svc, target) =>
    target === 'hot' && !svc.enabled ? undefined : { output: 'marathon_endpoint', scheme: svc.ssl ? 'https' : 'http', port: uiPort(svc, FACTS), description: 'Marathon web UI and API' },
  tosca: {
    contribute(svc, _g, kind, cx) {
      const creds = { marathon_username: cx.value(svc.username, 'the marathon username'), marathon_password: cx.value(svc.password, 'the marathon password') };
      if (kind === 'master') return { properties: { marathon_enable_ssl: svc.ssl, ...creds }, artifacts: { marathon_agent_role: 'marathon' } };
      return kind === 'load_balancer' ? { properties: creds } : {};
    },
    lossy(svc, cx) {
      const pw = svc.password;
      if (!svc.enabled) {
        cx.diag.report('CS3111', svc.origin ?? cx.m.origin, {}, {
          label: 'not representable in tosca',
          ...(pw.kind === 'input' ? { notes: [`Marathon still needs a password: the TOSCA output asks for input ${tick(pw.input)}`] } : {}),
        });
      }
      // indigo-dc.marathon signs its certificate with the CA in its files/ (key published) and makes the
      // host trust it; the HOT output replaces it (compat fix marathon-own-ca), TOSCA runs the role as is.
      // The INDIGO master installs Marathon even when disabled (CS3111), so this holds whenever ssl is on.
      if (svc.ssl) cx.diag.report('CS3163', svc.origin ?? cx.m.nameSpan, {}, { label: 'per-host CA in the HOT output only' });
    },
    keystore: (svc) => (svc.enabled && svc.ssl ? 'Marathon' : undefined),
    // The INDIGO master's marathon_password property is required even when Marathon is disabled:
    // a disabled Marathon without a password gets a secret input instead of the empty password.
    prepare(svc, cx) {
      if (svc.enabled || svc.password.kind !== 'literal' || svc.password.value !== '') return svc;
      const description = 'Marathon password (the INDIGO master installs Marathon even when the spec disables it)';
      return { ...svc, password: cx.secretInput('marathon_password', description, svc.password.origin) };
    },
  },
  hot: {
    unusedReason: (svc) => (svc.enabled ? undefined : 'Marathon is disabled, its role is left out'),
  },
});
