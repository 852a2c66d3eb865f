// The context every semantic rule (rules/*.ts) receives: the linted file, its scope of visible types,
// the reader (for artifact files) and a path-based report function. Spans are computed only when a
// rule reports, so a clean file costs no span lookups.
import type { DiagnosticCollector, ReportExtra } from '../diagnostics/collector.js';
import type { ArgsOf, Code } from '../diagnostics/codes.js';
import type { SourceReader } from './reader.js';
import type { Scope } from './scope.js';
import { spanAt, type DataPath, type ParsedFile, type YMap } from './source.js';

/** What a rule sees. */
export interface RuleContext {
  readonly pf: ParsedFile;
  /** The file's top-level map (rules run only when the file parsed to a map). */
  readonly root: YMap;
  readonly scope: Scope;
  readonly reader: SourceReader;
  /** Reports `code` at `path` (at its key when `key` is true). */
  report<C extends Code>(code: C, path: DataPath, args: ArgsOf<C>, extra?: ReportExtra & { key?: boolean }): void;
}

/** A semantic rule. */
export type Rule = (ctx: RuleContext) => void;

/** Builds the context for `pf`. */
export function makeContext(pf: ParsedFile, root: YMap, scope: Scope, reader: SourceReader, diag: DiagnosticCollector): RuleContext {
  return {
    pf,
    root,
    scope,
    reader,
    report(code, path, args, extra = {}) {
      const { key, ...rest } = extra;
      diag.report(code, spanAt(pf, path, key === true), args, { path, ...rest });
    },
  };
}
