// Build-time conversion of the embedded normative type files (normative/*.ts, verbatim YAML) into plain data
// (normative/normative.generated.ts), so `clusterc lint` does not parse 45 KB of YAML at every start. Used by
// src/tools/gen-lint-validator.ts and by the freshness test; never imported by `clusterc lint` itself.
import { DiagnosticCollector } from '../diagnostics/collector.js';
import { NORMATIVE_MEC_1_0_0_YAML } from './normative/mec-1-0-0.js';
import { NORMATIVE_NFV_1_0_0_YAML } from './normative/nfv-1-0-0.js';
import { NORMATIVE_SIMPLE_ALL_YAML, NORMATIVE_SIMPLE_1_1_YAML, NORMATIVE_SIMPLE_1_2_YAML, NORMATIVE_SIMPLE_1_3_YAML } from './normative/simple-1-1-to-1-3.js';
import { NORMATIVE_TOSCA_1_0_YAML } from './normative/tosca-definition-1-0.js';
import { parseYamlFile } from './source.js';

/** The text of src/lint/normative/normative.generated.ts. */
export function generateNormativeModule(): string {
  const data: Record<string, unknown> = {};
  for (const [k, text] of Object.entries({ tosca10: NORMATIVE_TOSCA_1_0_YAML, simpleAll: NORMATIVE_SIMPLE_ALL_YAML, simple11: NORMATIVE_SIMPLE_1_1_YAML, simple12: NORMATIVE_SIMPLE_1_2_YAML, simple13: NORMATIVE_SIMPLE_1_3_YAML, nfv: NORMATIVE_NFV_1_0_0_YAML, mec: NORMATIVE_MEC_1_0_0_YAML })) {
    const diag = new DiagnosticCollector();
    const pf = parseYamlFile(`<${k}>`, text, diag);
    if (diag.diagnostics.length > 0 || pf.value === undefined) throw new Error(`normative ${k} does not read cleanly`);
    data[k] = pf.value;
  }
  const json = JSON.stringify(data);
  return `// generated from src/lint/normative/*.ts by \`node dist/src/tools/gen-lint-validator.js\`; do not edit\n\n/** The normative type files as plain data (tosca10, simpleAll, simple11-13, nfv, mec). */\nexport const NORMATIVE_DATA: Readonly<Record<'tosca10' | 'simpleAll' | 'simple11' | 'simple12' | 'simple13' | 'nfv' | 'mec', unknown>> = JSON.parse(${JSON.stringify(json)});\n`;
}
