// Golden HOT topology of the HA fixture model (spec text) (test/cases/hot/mesos-ha/), in both modes. The
// bootstrap documents (user_data scripts, playbooks; tested in test/emit/hot/bootstrap/) are
// replaced by a marker naming their group, so the goldens show the topology only: parameters,
// security group rules, ports, servers, groups, VIP, wait conditions or deployments, outputs.
import { DiagnosticCollector } from '../../../src/diagnostics/collector.js';
import { buildHot, HOT_TOP_ORDER, type HotMode } from '../../../src/emit/hot/index.js';
import { toCanonicalYaml, type YamlValue } from '../../../src/emit/yaml.js';
import { expectGolden } from '../../support/golden.js';
import { loweredHaModel } from './support.js';

const BOOTSTRAP_KEYS = new Set(['user_data', 'config', 'input_values']);

/** Replaces bootstrap documents by `<bootstrap: ...>` markers. */
function topologyOnly(v: YamlValue, key = ''): YamlValue {
  if (BOOTSTRAP_KEYS.has(key) && v !== null && typeof v === 'object' && !('get_resource' in v) && !('get_attr' in v)) {
    return `<bootstrap ${key}: ${Array.isArray(v) ? 'list' : Object.keys(v).join(', ')}>`;
  }
  if (key === 'config' && typeof v === 'string') return `<bootstrap config: ${v.split('\n').length} lines>`;
  // The user_data every server of a group shares (the OS::Heat::Value `<group>_user_data`).
  if (key === 'value' && v !== null && typeof v === 'object' && 'str_replace' in v) return '<bootstrap user_data: str_replace>';
  if (Array.isArray(v)) return v.map((x) => topologyOnly(x));
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, topologyOnly(x, k)]));
  return v;
}

describe('HOT emitter golden topology', () => {
  for (const mode of ['cloud-init', 'software-config'] as const satisfies readonly HotMode[]) {
    it(`matches test/cases/hot/mesos-ha/${mode}.hot.yaml`, () => {
      const doc = buildHot(loweredHaModel(), { mode }, new DiagnosticCollector());
      const text = toCanonicalYaml(topologyOnly(doc as YamlValue), { topOrder: HOT_TOP_ORDER, header: ['golden: HOT topology of the HA fixture model; bootstrap documents elided'] });
      expectGolden(`test/cases/hot/mesos-ha/${mode}.hot.yaml`, text);
    });
  }
});
