// Lint phase 2 (structure): the converted YAML value → ajv validation against the TOSCA 1.0 JSON Schema
// (schema/tosca-1-0.schema.ts) → LT1xxx diagnostics. The validator is ajv standalone code generated at build time.
// Each ajv error is mapped back to a span through its instancePath (JSON Pointer → yaml node range):
// additionalProperties points at the offending key, required at the parent's key; messages name the key.
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { DiagnosticCollector } from '../diagnostics/collector.js';
import { didYouMean } from './suggest.js';
import { validate as generated } from './schema/validator.generated.js';
import { spanAt, type DataPath, type ParsedFile } from './source.js';

/**
 * The schema validator: ajv's standalone code generated at build time from TOSCA_1_0_SCHEMA
 * (src/tools/gen-lint-validator.ts; a test fails when it is stale), so no schema is compiled at
 * run time and ajv itself is not loaded.
 */
export function toscaValidator(): ValidateFunction {
  return generated as unknown as ValidateFunction;
}

/** Decodes a JSON Pointer (`/a/b~1c/0`) into path segments; numeric segments become indexes. */
export function pointerToPath(pointer: string, value: unknown): (string | number)[] {
  if (pointer === '') return [];
  const out: (string | number)[] = [];
  let cur: unknown = value;
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(cur) && /^\d+$/.test(seg)) {
      out.push(Number(seg));
      cur = cur[Number(seg)];
    } else {
      out.push(seg);
      cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[seg] : undefined;
    }
  }
  return out;
}

/** A readable name for the place at `path` (`node type \`x\``, `the top level`, ...). */
function describe(path: DataPath): string {
  const last = path[path.length - 1];
  if (path.length === 0) return 'the top level';
  if (path.length === 2 && typeof path[0] === 'string' && path[0].endsWith('_types')) return `${path[0].replace(/_types$/, '').replace(/_/g, ' ')} type ${tick(String(last))}`;
  if (typeof last === 'number') return `entry ${last} of ${tick(String(path[path.length - 2]))}`;
  return tick(String(last));
}

function tick(s: string): string {
  return '`' + s.replace(/`/g, "'") + '`';
}

/** Validates `pf.value` and reports LT1xxx diagnostics, at most one per data path. */
export function checkStructure(pf: ParsedFile, diag: DiagnosticCollector): void {
  const validate = toscaValidator();
  if (validate(pf.value)) return;
  const errors = pruneErrors(validate.errors ?? []);
  for (const e of errors) reportError(pf, e, diag);
}

/**
 * Keeps the most specific errors: for union shapes (`string | object`) ajv reports the failed `type`
 * alongside the object-branch errors; a `type` error at a path that also has deeper errors is dropped.
 */
function pruneErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const deeper = new Set<string>();
  for (const e of errors) if (e.keyword !== 'type') deeper.add(e.instancePath);
  return errors.filter((e) => !(e.keyword === 'type' && deeper.has(e.instancePath)) && e.keyword !== 'if');
}

function reportError(pf: ParsedFile, e: ErrorObject, diag: DiagnosticCollector): void {
  const path = pointerToPath(e.instancePath, pf.value);
  const params = e.params as Record<string, unknown>;
  const key = String(path[path.length - 1] ?? 'document');
  switch (e.keyword) {
    case 'additionalProperties': {
      const extra = String(params['additionalProperty']);
      const allowed = Object.keys(subSchemaProperties(e));
      const best = didYouMean(extra, allowed);
      diag.report('LT1001', spanAt(pf, [...path, extra], true), { key: extra, where: describe(path) }, {
        path: [...path, extra],
        ...(best ? { help: `did you mean \`${best}\`?` } : allowed.length > 0 ? { help: `allowed keys: ${allowed.join(', ')}` } : {}),
      });
      return;
    }
    case 'required': {
      const missing = String(params['missingProperty']);
      diag.report('LT1002', spanAt(pf, path, true), { key: missing, where: describe(path) }, { path, help: `add \`${missing}:\`` });
      return;
    }
    case 'enum': {
      const allowed = (params['allowedValues'] as unknown[]).map((v) => `\`${String(v)}\``).join(', ');
      diag.report('LT1004', spanAt(pf, path), { key, allowed }, { path });
      return;
    }
    case 'type': {
      const t = params['type'];
      const expected = (Array.isArray(t) ? t : [t]).map((x) => shapeName(String(x))).join(' or ');
      diag.report('LT1003', spanAt(pf, path), { key, expected }, { path });
      return;
    }
    case 'minProperties':
    case 'maxProperties':
      diag.report('LT1003', spanAt(pf, path), { key, expected: 'a map with exactly one key' }, { path });
      return;
    case 'minItems':
    case 'maxItems':
      diag.report('LT1003', spanAt(pf, path), { key, expected: 'a list of two bounds, e.g. `[1, UNBOUNDED]`' }, { path });
      return;
    default:
      diag.report('LT1003', spanAt(pf, path), { key, expected: `valid (${e.keyword})` }, { path });
  }
}

function shapeName(t: string): string {
  return t === 'object' ? 'a map' : t === 'array' ? 'a list' : t === 'null' ? 'empty' : `a ${t}`;
}

/** The `properties` of the schema that produced an additionalProperties error. */
function subSchemaProperties(e: ErrorObject): Record<string, unknown> {
  const parent = e.parentSchema as { properties?: Record<string, unknown> } | undefined;
  return parent?.properties ?? {};
}
