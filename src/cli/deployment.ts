// `clusterc status | outputs | logs | delete ID`: one deployment of the INDIGO PaaS Orchestrator.
// status prints the status word (and the reason, when there is one) on stdout; outputs the TOSCA
// outputs; logs the deployment log; delete starts the delete and, with --wait, waits until the
// orchestrator drops the record (it never shows DELETE_COMPLETE). Errors are CS41xx diagnostics.
import { DiagnosticCollector } from '../diagnostics/collector.js';
import type { Deployment } from '../orchestrator/api.js';
import { connect, reportFailure, reportWait, targetUrl, waitWithProgress, type ConnectOptions, type WaitCliOptions } from './orchestrator-env.js';
import { exitCodeOf, printDiagnostics } from './io.js';

/** Which command runs. */
export type DeploymentCommand = 'status' | 'outputs' | 'logs' | 'delete';

/** Options of the four commands. */
export type DeploymentCliOptions = ConnectOptions & WaitCliOptions;

/** An output value as one line: strings as they are, anything else as JSON. */
function valueText(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function printStatus(d: Deployment, json: boolean): void {
  if (json) {
    process.stdout.write(JSON.stringify({ uuid: d.id, status: d.status, statusReason: d.statusReason, task: d.task, creationTime: d.creationTime, updateTime: d.updateTime, cloudProviderName: d.cloudProviderName }, null, 2) + '\n');
    return;
  }
  process.stdout.write(`${d.status}\n`);
  if (d.statusReason !== '') process.stdout.write(`${d.statusReason}\n`);
}

function printOutputs(d: Deployment, json: boolean): void {
  if (json) {
    process.stdout.write(JSON.stringify(d.outputs, null, 2) + '\n');
    return;
  }
  const names = Object.keys(d.outputs).sort();
  const width = Math.max(0, ...names.map((n) => n.length));
  for (const n of names) process.stdout.write(`${n.padEnd(width)}  ${valueText(d.outputs[n])}\n`);
  if (names.length === 0) process.stderr.write(`deployment ${d.id} has no outputs yet (${d.status})\n`);
}

/** Runs one of the commands; returns the exit code. */
export async function runDeployment(command: DeploymentCommand, id: string, opts: DeploymentCliOptions): Promise<number> {
  const diag = new DiagnosticCollector();
  const client = connect(opts, diag);
  let code: number | undefined;
  if (client) {
    const json = opts.format === 'json';
    try {
      if (command === 'status') printStatus(await client.get(id), json);
      else if (command === 'outputs') printOutputs(await client.get(id), json);
      else if (command === 'logs') {
        const log = await client.log(id);
        process.stdout.write(log.endsWith('\n') || log === '' ? log : log + '\n');
      } else {
        await client.delete(id);
        process.stderr.write(`deleting deployment ${id}\n`);
        if (opts.wait) code = reportWait(await waitWithProgress(client, id, opts), id, opts, diag, `deployment ${id} is deleted`);
      }
    } catch (e) {
      reportFailure(e, diag, targetUrl(opts), id);
    }
  }
  // With --format json the answer is on stdout: diagnostics (also json, also stdout) only when there are some.
  const quiet = opts.format === 'json' && diag.diagnostics.length === 0;
  const printed = quiet ? 0 : exitCodeOf(printDiagnostics(diag.diagnostics, new Map(), opts));
  return code ?? printed;
}
