// `--dump ast`: the AST as YAML. PLACEHOLDER until the parser lands.
import type { SpecFile } from './ast.js';

/** Renders the AST as YAML text, spans as `line:col-line:col`. */
export function dumpAst(ast: SpecFile, _text: string): string {
  return JSON.stringify(ast) + '\n';
}
