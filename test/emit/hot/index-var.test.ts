// Issue 16 item 8: Heat's ResourceGroup replaces its index variable (`%index%` by default) in every
// string of the resolved resource_def (heat/engine/resources/openstack/heat/resource_group.py
// _handle_repl_val: str.replace, no escape), the shared user_data included once get_attr resolves it.
// A spec string holding `%index%` must reach the servers unchanged: the pool then uses another
// index_var, and each server still gets its own index in its name.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import YAML from 'yaml';
import { compile } from '../../../src/compile.js';
import { conformanceAvailable, runHeatValidate } from '../../conformance/harness.js';
import { skipOrFail } from '../../support/shared.js';

/** Heat's _handle_repl_val: the variable replaced in every string value (keys untouched). */
function replaceIndex(v: unknown, variable: string, index: string): unknown {
  if (typeof v === 'string') return v.split(variable).join(index);
  if (Array.isArray(v)) return v.map((x) => replaceIndex(x, variable, index));
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, replaceIndex(x, variable, index)]));
  return v;
}

// The two strings reach the pool's resource_def: the flavor and the image (no free spec string
// reaches an agent's user_data any more: the Consul names are DNS-like, CS2064).
function spec(flavor: string, image: string): string {
  return [
    'cluster "idx" {',
    '  cloud { image = "ubuntu-22.04" network = "n" key_name = "k" }',
    '  masters 1 { flavor = "m1" }',
    `  agents 3 { flavor = "${flavor}" image = "${image}" }`,
    '}',
  ].join('\n') + '\n';
}

function hot(text: string): { text: string; doc: any } {
  const r = compile(text, 'idx.cluster', { targets: ['hot'] });
  expect(r.diagnostics.filter((d) => d.severity === 'error')).to.deep.equal([]);
  const f = r.files.find((x) => x.target === 'hot')!;
  return { text: f.content, doc: YAML.parse(f.content) };
}

describe('emit/hot ResourceGroup index variable', function () {
  this.timeout(120000);

  it('keeps `%index%` in spec strings: another index_var, each server still numbered', () => {
    const { doc } = hot(spec('m1.%index%', 'ubuntu-22.04-%index%'));
    const group = doc.resources.agents.properties;
    expect(group.index_var).to.equal('%clusterc_index%');
    expect(group.resource_def.properties.name).to.equal('idx-agent-%clusterc_index%');
    for (const i of ['0', '1', '2']) {
      const def = replaceIndex(group.resource_def, group.index_var, i) as any;
      expect(def.properties.name).to.equal(`idx-agent-${i}`);
      expect(def.properties.flavor).to.equal('m1.%index%');
      expect(def.properties.image).to.equal('ubuntu-22.04-%index%');
    }
  });

  it('picks a variable that no string holds', () => {
    const { doc } = hot(spec('m1.%index%', 'ubuntu-22.04-%clusterc_index%'));
    expect(doc.resources.agents.properties.index_var).to.equal('%clusterc_index_2%');
  });

  it('leaves the default `%index%` (no index_var) when no string holds it', () => {
    const { doc } = hot(spec('m1.large', 'ubuntu-22.04'));
    expect(doc.resources.agents.properties).to.not.have.property('index_var');
    expect(doc.resources.agents.properties.resource_def.properties.name).to.equal('idx-agent-%index%');
  });

  it('passes Heat\'s validation with an index_var', function () {
    const avail = conformanceAvailable();
    if (avail.heat !== null) skipOrFail(this, `conformance harness unavailable: ${avail.heat}`);
    const dir = mkdtempSync(join(tmpdir(), 'clusterc-idx-'));
    try {
      const p = join(dir, 'idx.hot.yaml');
      writeFileSync(p, hot(spec('m1.%index%', 'ubuntu-22.04-%index%')).text);
      const [r] = runHeatValidate([p]);
      expect(r!.errors.join('; ')).to.equal('');
      expect(r!.ok).to.equal(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
