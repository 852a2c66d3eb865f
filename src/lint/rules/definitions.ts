// TOSCA Simple Profile 1.0 §3.5.8 (property definitions), §3.5.10 (attribute definitions), §3.5.2
// (constraint clauses), §3.6.6 (data types): every property, attribute, input and entry_schema type exists
// (LT2003 unknown-data-type), every default and constraint value fits the declared type (LT2004), and every
// default satisfies the property's constraints (LT2023).
import type { RuleContext } from '../context.js';
import { SECTION_KIND } from '../scope.js';
import { isYMap, own, type DataPath } from '../source.js';
import { helpFor } from '../suggest.js';
import { checkValue, constraintViolations, entryType, isPrimitive, primitivesOf, VERSIONED_PRIMITIVES } from '../values.js';
import { versionOfLevel } from '../versions.js';
import { unknownTypeHelp } from './version.js';

/** Checks every property/attribute definition in type definitions and topology inputs. */
export function checkDefinitions(ctx: RuleContext): void {
  for (const section of Object.keys(SECTION_KIND)) {
    const sec = own(ctx.root, section);
    if (!isYMap(sec)) continue;
    for (const [name, def] of Object.entries(sec)) {
      const base: DataPath = [section, name];
      defs(ctx, own(def, 'properties'), [...base, 'properties'], true);
      defs(ctx, own(def, 'attributes'), [...base, 'attributes'], false);
      const caps = own(def, 'capabilities');
      if (isYMap(caps)) {
        for (const [cn, cd] of Object.entries(caps)) {
          defs(ctx, own(cd, 'properties'), [...base, 'capabilities', cn, 'properties'], true);
          defs(ctx, own(cd, 'attributes'), [...base, 'capabilities', cn, 'attributes'], false);
        }
      }
    }
  }
  defs(ctx, own(own(ctx.root, 'topology_template'), 'inputs'), ['topology_template', 'inputs'], true);
}

function defs(ctx: RuleContext, table: unknown, path: DataPath, withConstraints: boolean): void {
  if (!isYMap(table)) return;
  for (const [pname, pdef] of Object.entries(table)) {
    if (!isYMap(pdef)) continue;
    const p = [...path, pname];
    const type = own(pdef, 'type');
    if (typeof type !== 'string') continue;
    if (!typeExists(ctx, type, [...p, 'type'])) continue;
    const es = own(pdef, 'entry_schema');
    const et = entryType(es);
    if (et !== undefined) typeExists(ctx, et, typeof es === 'string' ? [...p, 'entry_schema'] : [...p, 'entry_schema', 'type']);
    // `default:` with no value is null, which tosca-parser treats as "no default".
    if (own(pdef, 'default') !== undefined && own(pdef, 'default') !== null) {
      if (valueFits(ctx, own(pdef, 'default'), type, es, [...p, 'default'], 'default value') && withConstraints) {
        for (const v of constraintViolations(own(pdef, 'default'), pdef, ctx.scope)) {
          ctx.report('LT2023', [...p, 'default', ...v.path], { what: v.path.length === 0 ? 'default value' : `default value at \`${v.path.join('.')}\``, constraint: v.constraint });
        }
      }
    }
    if (withConstraints) constraints(ctx, own(pdef, 'constraints'), type, es, [...p, 'constraints']);
  }
}

/** Reports LT2003 unless `type` is primitive or a known data type; returns whether it exists. */
function typeExists(ctx: RuleContext, type: string, path: DataPath): boolean {
  const level = ctx.scope.version.level;
  if (isPrimitive(type, level) || ctx.scope.lookup('data', type)) return true;
  if (ctx.scope.incomplete) return false;
  const since = VERSIONED_PRIMITIVES.get(type);
  if (since !== undefined) {
    // A primitive of a later version (scalar-unit.bitrate is 1.3 §3.3.6.7), not a misspelling.
    ctx.report('LT2003', path, { name: type }, { notes: [`\`${type}\` is a ${versionOfLevel(since)} type; this file declares \`${ctx.scope.version.id}\``], help: `declare \`tosca_definitions_version: ${versionOfLevel(since)}\` to use it` });
  } else ctx.report('LT2003', path, { name: type }, unknownTypeHelp(ctx, 'data', type, [...primitivesOf(level), ...ctx.scope.names('data')]));
  return false;
}

/** Reports LT2004 for each part of `value` that does not fit `type`; true when all of it fits. */
function valueFits(ctx: RuleContext, value: unknown, type: string, es: unknown, path: DataPath, what: string): boolean {
  const ms = checkValue(value, type, es, ctx.scope);
  for (const m of ms) {
    ctx.report('LT2004', [...path, ...m.path], { what: m.path.length === 0 ? what : `value at \`${m.path.join('.')}\``, type: m.type });
  }
  return ms.length === 0;
}

const LENGTH_OPS = new Set(['length', 'min_length', 'max_length']);
const VALUE_OPS = new Set(['equal', 'greater_than', 'greater_or_equal', 'less_than', 'less_or_equal']);

function constraints(ctx: RuleContext, list: unknown, type: string, es: unknown, path: DataPath): void {
  if (!Array.isArray(list)) return;
  list.forEach((c, i) => {
    if (!isYMap(c)) return;
    for (const [op, arg] of Object.entries(c)) {
      const p = [...path, i, op];
      if (VALUE_OPS.has(op)) valueFits(ctx, arg, type, es, p, `\`${op}\` constraint value`);
      else if (op === 'in_range') {
        if (!Array.isArray(arg) || arg.length !== 2) ctx.report('LT2004', p, { what: '`in_range` constraint', type: `list of two ${type}` });
        // On a `range` property the bounds limit both ends, so they are integers (tosca-parser's own
        // PortSpec: `source_range: {type: range, constraints: [in_range: [1, 65535]]}`).
        else arg.forEach((x, j) => (x === 'UNBOUNDED' ? undefined : valueFits(ctx, x, type === 'range' ? 'integer' : type, es, [...p, j], '`in_range` bound')));
      } else if (op === 'valid_values') {
        if (!Array.isArray(arg)) ctx.report('LT2004', p, { what: '`valid_values` constraint', type: `list of ${type}` });
        else arg.forEach((x, j) => valueFits(ctx, x, type, es, [...p, j], 'valid value'));
      } else if (LENGTH_OPS.has(op)) {
        if (!(typeof arg === 'number' && Number.isInteger(arg) && arg >= 0)) ctx.report('LT2004', p, { what: `\`${op}\` constraint value`, type: 'integer' });
      } else if (op === 'pattern') {
        if (typeof arg !== 'string') ctx.report('LT2004', p, { what: '`pattern` constraint value', type: 'string' });
      } else {
        ctx.report('LT1004', [...path, i, op], { key: op, allowed: 'a TOSCA constraint operator (equal, greater_than, in_range, valid_values, length, pattern, ...)' }, { key: true, ...helpFor(op, [...VALUE_OPS, ...LENGTH_OPS, 'in_range', 'valid_values', 'pattern']) });
      }
    }
  });
}
