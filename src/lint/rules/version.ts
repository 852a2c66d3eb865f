// TOSCA Simple Profile 1.1-1.3: keys that a later version introduced (versions.ts VERSIONED_KEYS: workflows,
// key_schema, notifications) are unknown to the grammar a file declares when that is older; reported as
// LT1001 (unknown-key) with the version that has the key. Only the places where those keys belong are
// looked at (no walk over the whole file). Functions of later versions are checked in rules/functions.ts; a
// normative type of a later version gets a help naming that version (`unknownTypeHelp`).
import type { RuleContext } from '../context.js';
import { laterNormativeLevel, SECTION_KIND, type TypeKind } from '../scope.js';
import { helpFor } from '../suggest.js';
import { isYMap, own, type DataPath } from '../source.js';
import { VERSIONED_KEYS, versionOfLevel } from '../versions.js';

/** Reports keys newer than the file's version where they would belong. */
export function checkVersionedKeys(ctx: RuleContext): void {
  const level = ctx.scope.version.level;
  const keys = VERSIONED_KEYS.filter((k) => k.since > level);
  if (keys.length === 0) return;
  const at = (map: unknown, path: DataPath) => {
    if (!isYMap(map)) return;
    for (const vk of keys) {
      if (!Object.prototype.hasOwnProperty.call(map, vk.key) || !vk.where(path)) continue;
      ctx.report('LT1001', [...path, vk.key], { key: vk.key, where: path.length === 0 ? 'the top level' : `\`${String(path[path.length - 1])}\`` }, {
        key: true,
        notes: [`\`${vk.key}\` is ${vk.section}; this file declares \`${ctx.scope.version.id}\``],
        help: `declare \`tosca_definitions_version: ${versionOfLevel(vk.since)}\` to use it`,
      });
    }
  };
  const topo = own(ctx.root, 'topology_template');
  at(topo, ['topology_template']);
  const table = (t: unknown, path: DataPath) => {
    if (isYMap(t)) for (const [n, d] of Object.entries(t)) at(d, [...path, n]);
  };
  table(own(topo, 'inputs'), ['topology_template', 'inputs']);
  for (const section of Object.keys(SECTION_KIND)) {
    const sec = own(ctx.root, section);
    if (!isYMap(sec)) continue;
    for (const [n, d] of Object.entries(sec)) {
      const base = [section, n];
      if (section === 'interface_types') at(d, base);
      table(own(d, 'properties'), [...base, 'properties']);
      table(own(d, 'attributes'), [...base, 'attributes']);
      table(own(d, 'interfaces'), [...base, 'interfaces']);
    }
  }
}

/**
 * The help of an unknown type reference: when `name` is a normative type of a later Simple Profile version, a
 * note saying so and a help naming that version; otherwise the did-you-mean among `candidates`.
 */
export function unknownTypeHelp(ctx: RuleContext, kind: TypeKind, name: string, candidates: Iterable<string>): { notes?: string[]; help?: string } {
  const level = laterNormativeLevel(kind, name, ctx.scope.version);
  if (level === undefined) return helpFor(name, candidates);
  return {
    notes: [`\`${name}\` is a normative type of \`${versionOfLevel(level)}\`; this file declares \`${ctx.scope.version.id}\``],
    help: `declare \`tosca_definitions_version: ${versionOfLevel(level)}\` to use it`,
  };
}
