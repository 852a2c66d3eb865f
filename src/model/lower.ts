// Lowering: AST → cluster model. Resolves names, applies defaults, converts units and runs the
// meaning checks; runs on partial ASTs too so one run reports as much as possible.
import type { DiagnosticCollector } from '../diagnostics/collector.js';
import type { SpecFile } from '../spec/ast.js';
import type { ClusterModel } from './model.js';

/** Lowers every cluster of `ast`. PLACEHOLDER until lowering lands. */
export function lowerSpec(_ast: SpecFile, _diag: DiagnosticCollector): ClusterModel[] {
  return [];
}
