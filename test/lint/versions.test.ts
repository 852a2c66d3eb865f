// The normative types of every supported version, as scope.ts layers them (tosca-parser's 1.0 set, then what
// Simple Profile 1.1, 1.2 and 1.3 add or change, then NFV/MEC): each version's set is closed (every parent and
// every type a definition names is a type of that set, but for two slips in tosca-parser's NFV/MEC files), and the types a version introduces are absent below it.
import { expect } from 'chai';
import { laterNormativeLevel, normative, type TypeKind } from '../../src/lint/scope.js';
import { isYMap, own } from '../../src/lint/source.js';
import { isPrimitive } from '../../src/lint/values.js';
import { VERSIONS } from '../../src/lint/versions.js';

const v = (id: string) => {
  const x = VERSIONS.get(id);
  if (!x) throw new Error(id);
  return x;
};

describe('lint: normative types per version', () => {
  for (const version of VERSIONS.values()) {
    it(`${version.id}: every parent and referenced type exists in the same version`, () => {
      const types = normative(version);
      const has = (kind: TypeKind, name: unknown) => typeof name === 'string' && (types.get(kind)?.has(name) || (kind === 'data' && isPrimitive(name, version.level)));
      const missing: string[] = [];
      for (const [kind, table] of types) {
        for (const [name, e] of table) {
          if (name !== e.name) continue; // aliases
          const parent = own(e.def, 'derived_from');
          if (parent !== undefined && !has(kind, parent)) missing.push(`${name} derived_from ${String(parent)}`);
          const caps = own(e.def, 'capabilities');
          if (isYMap(caps)) for (const [c, d] of Object.entries(caps)) if (!has('capability', typeof d === 'string' ? d : own(d, 'type'))) missing.push(`${name}.capabilities.${c}`);
          const reqs = own(e.def, 'requirements');
          if (Array.isArray(reqs)) {
            for (const r of reqs) {
              for (const [rn, rd] of Object.entries(isYMap(r) ? r : {})) {
                if (own(rd, 'capability') !== undefined && !has('capability', own(rd, 'capability'))) missing.push(`${name}.requirements.${rn}.capability`);
                if (own(rd, 'node') !== undefined && !has('node', own(rd, 'node'))) missing.push(`${name}.requirements.${rn}.node`);
              }
            }
          }
          const props = own(e.def, 'properties');
          if (isYMap(props)) for (const [p, d] of Object.entries(props)) if (typeof own(d, 'type') === 'string' && !has('data', own(d, 'type'))) missing.push(`${name}.properties.${p}`);
        }
      }
      // tosca-parser's own NFV and MEC files have two dangling references (kept verbatim).
      const p = version.profile;
      const upstream = p === 'simple' ? [] : [`tosca.nodes.${p}.VL.ELine.capabilities.virtual_linkable`, `tosca.relationships.${p}.ForwardsTo derived_from tosca.relationships.root`];
      expect(missing).to.deep.equal(upstream);
    });
  }

  it('introduces each later type at its level and not below', () => {
    const cases: [TypeKind, string, number][] = [
      ['capability', 'tosca.capabilities.Compute', 11],
      ['capability', 'tosca.capabilities.Storage', 11],
      ['data', 'tosca.datatypes.TimeInterval', 11],
      ['node', 'tosca.nodes.Storage.ObjectStorage', 11],
      ['node', 'tosca.nodes.Abstract.Compute', 12],
      ['data', 'tosca.datatypes.json', 12],
      ['artifact', 'tosca.artifacts.template', 13],
    ];
    for (const [kind, name, level] of cases) {
      expect(laterNormativeLevel(kind, name, v('tosca_simple_yaml_1_0')), name).to.equal(level);
      expect(normative(v(`tosca_simple_yaml_1_${level - 10}`)).get(kind)?.has(name), name).to.equal(true);
      expect(normative(v(`tosca_simple_yaml_1_${level - 11}`)).get(kind)?.has(name), name).to.equal(false);
    }
    // tosca-parser's 1.0 names stay in every version (it reads 1.x files with them).
    expect(normative(v('tosca_simple_yaml_1_3')).get('node')?.has('tosca.nodes.BlockStorage')).to.equal(true);
  });

  it('changes tosca.nodes.Compute, Container.Application and the Compute capability where the spec does', () => {
    const def = (id: string, kind: TypeKind, name: string) => normative(v(id)).get(kind)?.get(name)?.def;
    expect(own(def('tosca_simple_yaml_1_1', 'node', 'tosca.nodes.Compute'), 'derived_from')).to.equal('tosca.nodes.Root');
    expect(own(def('tosca_simple_yaml_1_2', 'node', 'tosca.nodes.Compute'), 'derived_from')).to.equal('tosca.nodes.Abstract.Compute');
    expect(own(def('tosca_simple_yaml_1_1', 'capability', 'tosca.capabilities.Compute'), 'derived_from')).to.equal('tosca.capabilities.Root');
    expect(own(def('tosca_simple_yaml_1_2', 'capability', 'tosca.capabilities.Compute'), 'derived_from')).to.equal('tosca.capabilities.Container');
    const reqNames = (id: string) => (own(def(id, 'node', 'tosca.nodes.Container.Application'), 'requirements') as object[]).flatMap((r) => Object.keys(r));
    expect(reqNames('tosca_simple_yaml_1_0')).to.deep.equal(['host']);
    expect(reqNames('tosca_simple_yaml_1_1')).to.deep.equal(['host', 'storage', 'network']);
    // The short name follows the final definition.
    expect(normative(v('tosca_simple_yaml_1_2')).get('node')?.get('Compute')?.def).to.equal(def('tosca_simple_yaml_1_2', 'node', 'tosca.nodes.Compute'));
  });
});
