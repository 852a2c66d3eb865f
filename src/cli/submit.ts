// `clusterc submit SPEC`: compiles the spec's TOSCA output, takes the input values from
// `--inputs FILE` (the <cluster>.tosca.inputs.json `compile` writes, filled in) and `--parameter
// NAME=VALUE`, checks them against the template's inputs, and creates the deployment with
// POST /deployments. Prints the deployment uuid on stdout; with --wait, waits for a final state.
import YAML from 'yaml';
import { compile } from '../compile.js';
import { DiagnosticCollector } from '../diagnostics/collector.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { tick } from '../diagnostics/codes/define.js';
import { inputDefinitions, resolveParameters, splitParameter } from '../orchestrator/parameters.js';
import { CliError, exitCodeOf, printDiagnostics, readTextFile } from './io.js';
import { connect, reportFailure, reportWait, targetUrl, waitWithProgress, type ConnectOptions, type WaitCliOptions } from './orchestrator-env.js';

/** Options of `submit`. */
export interface SubmitOptions extends ConnectOptions, WaitCliOptions {
  readonly cluster?: string;
  readonly inputs?: string;
  readonly parameter?: string[];
  readonly group?: string;
  readonly callback?: string;
  readonly timeoutMins?: string;
  readonly toscaTypesUrl?: string;
}

/** Reads the inputs file; reports CS4010 when it is not a JSON object. */
function readInputsFile(path: string, diag: DiagnosticCollector): Record<string, unknown> {
  const text = readTextFile(path);
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    diag.report('CS4010', undefined, { reason: `${path}: ${(e as Error).message}` });
    return {};
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    diag.report('CS4010', undefined, { reason: `${path} holds ${Array.isArray(v) ? 'an array' : String(v === null ? 'null' : typeof v)}` });
    return {};
  }
  return v as Record<string, unknown>;
}

/** Runs `submit`; returns the exit code. */
export async function runSubmit(file: string, opts: SubmitOptions): Promise<number> {
  const params: [string, string][] = [];
  for (const p of opts.parameter ?? []) {
    const kv = splitParameter(p);
    if (!kv) throw new CliError(`--parameter expects NAME=VALUE, got \`${p}\``);
    params.push(kv);
  }
  const timeoutMins = opts.timeoutMins !== undefined ? Number(opts.timeoutMins) : undefined;
  if (timeoutMins !== undefined && !(Number.isInteger(timeoutMins) && timeoutMins >= 1)) {
    throw new CliError(`--timeout-mins expects a whole number of minutes, at least 1, got \`${opts.timeoutMins}\``);
  }
  if (opts.callback !== undefined && !/^https?:/.test(opts.callback)) throw new CliError('--callback expects an http:// or https:// url');

  const text = readTextFile(file);
  const sources = new Map([[file, text]]);
  const r = compile(text, file, { targets: ['tosca'], tosca: opts.toscaTypesUrl !== undefined ? { toscaTypesUrl: opts.toscaTypesUrl } : {} });
  const diag = new DiagnosticCollector();
  const finish = (extra: readonly Diagnostic[] = [], code?: number) => {
    const printed = printDiagnostics([...r.diagnostics, ...extra], sources, opts);
    return code ?? exitCodeOf(printed);
  };
  if (r.diagnostics.some((d) => d.severity === 'error')) return finish();
  const names = r.files.map((f) => f.cluster);
  const chosen = opts.cluster !== undefined ? r.files.find((f) => f.cluster === opts.cluster) : r.files.length === 1 ? r.files[0] : undefined;
  if (!chosen) {
    if (opts.cluster !== undefined) throw new CliError(`the spec has no cluster ${tick(opts.cluster)} (it has ${names.map(tick).join(', ')})`);
    diag.report('CS4014', undefined, { names: names.map(tick).join(', ') });
    return finish(diag.diagnostics);
  }
  const defs = inputDefinitions(YAML.parse(chosen.content, { version: '1.1' }));
  const fromFile = opts.inputs !== undefined ? readInputsFile(opts.inputs, diag) : {};
  const parameters = diag.hasErrors ? {} : resolveParameters(defs, fromFile, params, diag);
  if (diag.hasErrors) return finish(diag.diagnostics);

  const client = connect(opts, diag);
  if (!client) return finish(diag.diagnostics);
  let code: number | undefined;
  try {
    const d = await client.create({
      template: chosen.content,
      parameters,
      ...(opts.group !== undefined ? { userGroup: opts.group } : {}),
      ...(opts.callback !== undefined ? { callback: opts.callback } : {}),
      ...(timeoutMins !== undefined ? { timeoutMins } : {}),
    });
    process.stdout.write(`${d.id}\n`);
    process.stderr.write(`submitted ${chosen.cluster} as deployment ${d.id} (${d.status})\n`);
    if (opts.wait) {
      const w = await waitWithProgress(client, d.id, opts);
      if (w.kind === 'gone') diag.report('CS4104', undefined, { id: d.id }, { notes: ['it was deleted while it was being created'] });
      else code = reportWait(w, d.id, opts, diag, '');
      if (!diag.hasErrors && code === undefined) process.stderr.write(`its outputs: clusterc outputs ${d.id}\n`);
    }
  } catch (e) {
    reportFailure(e, diag, targetUrl(opts));
  }
  return finish(diag.diagnostics, code);
}
