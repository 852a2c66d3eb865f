// node-types/: the TOSCA definitions the emitter targets. Compares them with the upstream files
// in ../shared/upstream (INDIGO custom_types.yaml @40fa4d6 and tosca-parser 2.6.0's normative
// definitions): for every type we define, derived_from, every property's type, entry type and
// required-ness, capabilities and requirements agree. Also checks that every type the emitter
// emits is defined here and that src/emit/tosca/node-types.generated.ts is up to date.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from 'chai';
import YAML from 'yaml';
import { DiagnosticCollector } from '../../../src/diagnostics/collector.js';
import { buildTosca } from '../../../src/emit/tosca/index.js';
import { TYPE_TABLES } from '../../../src/emit/tosca/node-types.generated.js';
import { GENERATED_PATH, readNodeTypeFiles, renderNodeTypesModule } from '../../../src/tools/gen-node-types.js';
import { ROOT } from '../../support/golden.js';
import { sharedDir, skipOrFail } from '../../support/shared.js';
import { haModel, upstreamShapeModel } from './fixtures.js';

type Obj = Record<string, any>;
const SECTIONS = ['data_types', 'capability_types', 'artifact_types', 'relationship_types', 'interface_types', 'node_types'] as const;


function load(path: string): Obj {
  // custom_types.yaml repeats a key (Docker `constraints`, line 1307): read it as PyYAML does, last wins.
  return YAML.parse(readFileSync(path, 'utf8'), { version: '1.1', uniqueKeys: false }) as Obj;
}

/** The comparable summary of a property definition map. */
function propSummary(props: Obj | undefined): Obj {
  const out: Obj = {};
  for (const [k, p] of Object.entries(props ?? {})) {
    out[k] = { type: p?.type, entry: p?.entry_schema?.type, required: p?.required === undefined ? true : Boolean(p.required) };
  }
  return out;
}

function capSummary(caps: Obj | undefined): Obj {
  return Object.fromEntries(Object.entries(caps ?? {}).map(([k, c]) => [k, typeof c === 'string' ? c : c?.type]));
}

function reqSummary(reqs: unknown): Obj {
  const out: Obj = {};
  for (const r of Array.isArray(reqs) ? reqs : []) for (const [k, d] of Object.entries(r as Obj)) out[k] = { capability: d?.capability, node: d?.node, relationship: d?.relationship };
  return out;
}

function compareFile(ours: Obj, upstream: Obj, skip: ReadonlySet<string> = new Set()): void {
  let compared = 0;
  for (const sec of SECTIONS) {
    for (const [name, def] of Object.entries((ours[sec] ?? {}) as Obj)) {
      if (skip.has(name)) continue;
      const up = Object.values(upstream).map((s) => (s && typeof s === 'object' ? (s as Obj)[name] : undefined)).find((x) => x !== undefined);
      expect(up, `${name} exists upstream`).to.not.equal(undefined);
      expect(def.derived_from, `${name} derived_from`).to.equal(up.derived_from);
      expect(propSummary(def.properties), `${name} properties`).to.deep.equal(propSummary(up.properties));
      expect(capSummary(def.capabilities), `${name} capabilities`).to.deep.equal(capSummary(up.capabilities));
      expect(reqSummary(def.requirements), `${name} requirements`).to.deep.equal(reqSummary(up.requirements));
      expect(Object.keys(def.attributes ?? {}), `${name} attributes`).to.deep.equal(Object.keys(up.attributes ?? {}));
      expect(Object.keys(def.artifacts ?? {}), `${name} artifacts`).to.deep.equal(Object.keys(up.artifacts ?? {}));
      compared++;
    }
  }
  expect(compared).to.be.greaterThan(5);
}

describe('node-types/', () => {
  const shared = sharedDir();
  const custom = resolve(shared, 'upstream/tosca-types/custom_types.yaml');
  const normative = resolve(shared, 'upstream/tosca-parser/elements/TOSCA_definition_1_0.yaml');
  const available = existsSync(custom) && existsSync(normative);

  before(function () {
    if (available) return;
    skipOrFail(this, `upstream definitions not found under ${shared} (set CLUSTERC_SHARED)`);
  });

  it('indigo-mesos.yaml agrees with custom_types.yaml @40fa4d6 for every type it defines', () => {
    compareFile(load(resolve(ROOT, 'node-types/indigo-mesos.yaml')), load(custom));
  });

  // Two deliberate differences, both where tosca-parser's transcription departs from the spec text:
  // PortDef is `derived_from: integer`, and tosca.artifacts.Root has no `properties: {version: version}`.
  it('tosca-normative.yaml agrees with the TOSCA 1.0 normative definitions (except PortDef and artifacts.Root, as the spec text has them)', () => {
    compareFile(load(resolve(ROOT, 'node-types/tosca-normative.yaml')), load(normative), new Set(['tosca.datatypes.network.PortDef', 'tosca.artifacts.Root']));
  });
});

describe('node-types/ and the emitter', () => {
  it('defines every node and capability type the emitter uses', () => {
    for (const m of [haModel(), upstreamShapeModel()]) {
      const doc = buildTosca(m, {}, new DiagnosticCollector()) as Obj;
      for (const [name, n] of Object.entries(doc['topology_template']['node_templates'] as Obj)) {
        expect(TYPE_TABLES.nodeTypes, name).to.have.property(n.type);
      }
    }
    for (const t of Object.values(TYPE_TABLES.nodeTypes)) {
      for (const c of Object.values(t.capabilities)) expect(TYPE_TABLES.capabilityTypes).to.have.property(c);
      if (t.derivedFrom) expect(TYPE_TABLES.nodeTypes).to.have.property(t.derivedFrom);
    }
  });

  it(`${GENERATED_PATH} is up to date (node dist/src/tools/gen-node-types.js)`, () => {
    expect(readFileSync(resolve(ROOT, GENERATED_PATH), 'utf8')).to.equal(renderNodeTypesModule(readNodeTypeFiles(ROOT)));
  });
});
