// TOSCA Simple Profile 1.0 §3.6.1-3.6.10 (type definitions) and §3.5.4-3.5.6 (capability, requirement,
// artifact definitions): every type a definition refers to exists with the right kind — capability types of
// capability definitions, requirement capability/node/relationship, valid_source_types, valid_target_types,
// artifact and interface types, group members, policy targets (LT2005 unknown-type).
import type { RuleContext } from '../context.js';
import type { TypeKind } from '../scope.js';
import { isYMap, own, type DataPath } from '../source.js';
import { unknownTypeHelp } from './version.js';

/** Reports LT2005 when `name` is not a type of `kind` (and the scope is complete). */
export function checkTypeRef(ctx: RuleContext, kind: TypeKind, name: unknown, path: DataPath): void {
  if (typeof name !== 'string' || ctx.scope.lookup(kind, name) || ctx.scope.incomplete) return;
  ctx.report('LT2005', path, { kind, name }, unknownTypeHelp(ctx, kind, name, ctx.scope.names(kind)));
}

function nameList(ctx: RuleContext, kind: TypeKind, list: unknown, path: DataPath): void {
  if (Array.isArray(list)) list.forEach((n, i) => checkTypeRef(ctx, kind, n, [...path, i]));
}

/** Interfaces section of a type: each interface `type` is an interface type. */
export function checkInterfaces(ctx: RuleContext, ifaces: unknown, path: DataPath): void {
  if (!isYMap(ifaces)) return;
  for (const [n, d] of Object.entries(ifaces)) checkTypeRef(ctx, 'interface', own(d, 'type'), [...path, n, 'type']);
}

/** Artifacts section: each artifact `type` is an artifact type. */
export function checkArtifactTypes(ctx: RuleContext, arts: unknown, path: DataPath): void {
  if (!isYMap(arts)) return;
  for (const [n, d] of Object.entries(arts)) checkTypeRef(ctx, 'artifact', own(d, 'type'), [...path, n, 'type']);
}

/** Checks the type references inside every type definition of the file. */
export function checkTypeRefs(ctx: RuleContext): void {
  const each = (section: string, f: (name: string, def: unknown, path: DataPath) => void) => {
    const sec = own(ctx.root, section);
    if (isYMap(sec)) for (const [n, d] of Object.entries(sec)) f(n, d, [section, n]);
  };
  each('node_types', (_n, def, path) => {
    const caps = own(def, 'capabilities');
    if (isYMap(caps)) {
      for (const [cn, cd] of Object.entries(caps)) {
        const p = [...path, 'capabilities', cn];
        if (typeof cd === 'string') checkTypeRef(ctx, 'capability', cd, p);
        else {
          checkTypeRef(ctx, 'capability', own(cd, 'type'), [...p, 'type']);
          nameList(ctx, 'node', own(cd, 'valid_source_types'), [...p, 'valid_source_types']);
        }
      }
    }
    const reqs = own(def, 'requirements');
    if (Array.isArray(reqs)) {
      reqs.forEach((r, i) => {
        if (!isYMap(r)) return;
        for (const [rn, rd] of Object.entries(r)) {
          const p = [...path, 'requirements', i, rn];
          if (typeof rd === 'string') {
            checkTypeRef(ctx, 'capability', rd, p);
            continue;
          }
          checkTypeRef(ctx, 'capability', own(rd, 'capability'), [...p, 'capability']);
          checkTypeRef(ctx, 'node', own(rd, 'node'), [...p, 'node']);
          const rel = own(rd, 'relationship');
          if (typeof rel === 'string') checkTypeRef(ctx, 'relationship', rel, [...p, 'relationship']);
          else {
            checkTypeRef(ctx, 'relationship', own(rel, 'type'), [...p, 'relationship', 'type']);
            checkInterfaces(ctx, own(rel, 'interfaces'), [...p, 'relationship', 'interfaces']);
          }
        }
      });
    }
    checkInterfaces(ctx, own(def, 'interfaces'), [...path, 'interfaces']);
    checkArtifactTypes(ctx, own(def, 'artifacts'), [...path, 'artifacts']);
  });
  each('capability_types', (_n, def, path) => nameList(ctx, 'node', own(def, 'valid_source_types'), [...path, 'valid_source_types']));
  each('relationship_types', (_n, def, path) => {
    nameList(ctx, 'capability', own(def, 'valid_target_types'), [...path, 'valid_target_types']);
    checkInterfaces(ctx, own(def, 'interfaces'), [...path, 'interfaces']);
  });
  each('group_types', (_n, def, path) => {
    nameList(ctx, 'node', own(def, 'members'), [...path, 'members']);
    checkInterfaces(ctx, own(def, 'interfaces'), [...path, 'interfaces']);
  });
}
