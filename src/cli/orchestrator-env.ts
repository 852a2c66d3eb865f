// CLI support of the deployment commands (submit, status, outputs, logs, delete): the
// orchestrator URL, access token and CA from the environment orchent users already have
// (ORCHENT_URL, ORCHENT_TOKEN or oidc-agent via ORCHENT_AGENT_ACCOUNT, ORCHENT_CAFILE), the
// client, `--wait` with a progress line and Ctrl-C, and OrchestratorError → CS41xx diagnostics.
// The token is held in memory only: it is never printed, and answers are redacted.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { DiagnosticCollector } from '../diagnostics/collector.js';
import { isFailed, OrchestratorError, type Deployment, type OrchestratorClient } from '../orchestrator/api.js';
import { IndigoClient } from '../orchestrator/indigo-client.js';
import { waitForDeployment, type WaitResult } from '../orchestrator/wait.js';
import { CliError, reason, type OutputOptions } from './io.js';

/** Options every deployment command takes. */
export interface ConnectOptions extends OutputOptions {
  readonly url?: string;
  readonly requestTimeout?: string;
}

/** Options of `--wait`. */
export interface WaitCliOptions {
  readonly wait?: boolean;
  readonly pollInterval?: string;
  readonly waitTimeout?: string;
}

/** Exit code after Ctrl-C stopped a wait (128 + SIGINT). */
export const EXIT_INTERRUPTED = 130;

/** Parses `90`, `90s`, `1.5m`, `2h`, `250ms` into milliseconds; throws CliError otherwise. */
export function parseDuration(text: string, option: string): number {
  const m = /^([0-9]+(?:\.[0-9]+)?)(ms|s|m|min|h)?$/.exec(text.trim());
  const unit = m?.[2] ?? 's';
  const n = m ? Number(m[1]) * (unit === 'ms' ? 1 : unit === 's' ? 1000 : unit === 'h' ? 3_600_000 : 60_000) : NaN;
  if (!Number.isFinite(n) || n <= 0) throw new CliError(`${option} expects a duration such as \`30s\`, \`10m\` or \`2h\`, got \`${text}\``);
  return n;
}

/** Human form of a duration in milliseconds (`1h02m`, `3m05s`, `12s`). */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

/** The access token: ORCHENT_TOKEN, else `oidc-token $ORCHENT_AGENT_ACCOUNT`. Reports CS4002/CS4003. */
function accessToken(env: NodeJS.ProcessEnv, diag: DiagnosticCollector): string | undefined {
  const direct = env['ORCHENT_TOKEN']?.trim();
  if (direct) return direct;
  const account = env['ORCHENT_AGENT_ACCOUNT']?.trim();
  if (!account) {
    diag.report('CS4002', undefined, {}, { help: 'export ORCHENT_TOKEN=$(oidc-token ACCOUNT), or export ORCHENT_AGENT_ACCOUNT=ACCOUNT' });
    return undefined;
  }
  try {
    // stdout is the token: it stays in memory; only oidc-token's stderr may be shown.
    const out = execFileSync('oidc-token', [account], { encoding: 'utf8', timeout: 30_000, stdio: ['ignore', 'pipe', 'pipe'], env });
    const token = out.trim().split(/\r?\n/)[0]?.trim() ?? '';
    if (token !== '') return token;
    diag.report('CS4003', undefined, { account, reason: 'it printed no token' });
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: string; status?: number | null };
    const why = err.code === 'ENOENT' ? 'oidc-token is not installed (or not on PATH)'
      : err.code === 'ETIMEDOUT' ? 'oidc-token did not answer within 30 s'
      : (String(err.stderr ?? '').trim().split(/\r?\n/)[0] || `oidc-token exited with status ${err.status ?? '?'}`);
    diag.report('CS4003', undefined, { account, reason: why }, { help: 'start the agent and load the account: eval $(oidc-agent); oidc-add ACCOUNT' });
  }
  return undefined;
}

/** A token usable in an Authorization header (RFC 6750 b64token characters, and no control characters). */
function usableToken(token: string, diag: DiagnosticCollector): string | undefined {
  if (/^[\x21-\x7e]+$/.test(token)) return token;
  diag.report('CS4002', undefined, {}, { notes: ['the token has characters an access token cannot have (spaces or control characters); it is not shown'] });
  return undefined;
}

/** Builds the client from options and environment; undefined (with diagnostics) when something is missing. */
export function connect(opts: ConnectOptions, diag: DiagnosticCollector, env: NodeJS.ProcessEnv = process.env): OrchestratorClient | undefined {
  const url = (opts.url ?? env['ORCHENT_URL'] ?? '').trim();
  if (!/^https?:\/\/[^/\s]+/.test(url)) {
    diag.report('CS4001', undefined, {}, url !== '' ? { notes: [`\`${url}\` is not an http:// or https:// url`] } : {});
  }
  let ca: string | undefined;
  const cafile = env['ORCHENT_CAFILE']?.trim();
  if (cafile) {
    try {
      ca = readFileSync(cafile, 'utf8');
    } catch (e) {
      diag.report('CS4004', undefined, { file: cafile, reason: reason(e) });
    }
  }
  const timeoutMs = opts.requestTimeout !== undefined ? parseDuration(opts.requestTimeout, '--request-timeout') : 60_000;
  if (diag.hasErrors) return undefined;
  const found = accessToken(env, diag);
  const token = found === undefined ? undefined : usableToken(found, diag);
  if (token === undefined) return undefined;
  return new IndigoClient({ url, token, timeoutMs, ...(ca !== undefined ? { ca } : {}) });
}

/** Reports an OrchestratorError as its CS41xx diagnostic; rethrows anything else. */
export function reportFailure(e: unknown, diag: DiagnosticCollector, url: string, id?: string): void {
  if (!(e instanceof OrchestratorError)) throw e;
  const status = e.status ?? 0;
  switch (e.kind) {
    case 'rejected': diag.report('CS4101', undefined, { status, detail: e.detail }); break;
    case 'unauthorized':
      diag.report('CS4102', undefined, { detail: e.detail }, { help: 'get a fresh access token (tokens expire after about an hour)' });
      break;
    case 'forbidden': diag.report('CS4103', undefined, { detail: e.detail }, { help: 'a --group must be one of the groups of your token' }); break;
    case 'not-found': diag.report('CS4104', undefined, { id: id ?? e.detail }); break;
    case 'conflict': diag.report('CS4105', undefined, { detail: e.detail }); break;
    case 'server': diag.report('CS4106', undefined, { status, detail: e.detail }); break;
    case 'unreachable': diag.report('CS4107', undefined, { url, reason: e.detail }); break;
    case 'timeout': {
      const seconds = Number(/([0-9.]+) s/.exec(e.detail)?.[1] ?? 0);
      diag.report('CS4108', undefined, { seconds }, { help: 'raise --request-timeout, or try again later' });
      break;
    }
    case 'bad-answer': diag.report('CS4109', undefined, { detail: e.detail }); break;
  }
}

/** The URL the commands talk to, for messages. */
export function targetUrl(opts: ConnectOptions, env: NodeJS.ProcessEnv = process.env): string {
  return (opts.url ?? env['ORCHENT_URL'] ?? '').trim();
}

/** One progress line: status, task and time waited. */
function progressText(d: Deployment, elapsedMs: number): string {
  const task = d.task && d.task !== 'NONE' ? ` (${d.task.toLowerCase()})` : '';
  return `${d.id}: ${d.status}${task}, ${formatDuration(elapsedMs)}`;
}

/**
 * Waits for deployment `id` with a progress line on stderr (rewritten in place on a terminal, one
 * line per change otherwise); Ctrl-C stops waiting and leaves the deployment alone.
 */
export async function waitWithProgress(client: OrchestratorClient, id: string, opts: WaitCliOptions): Promise<WaitResult> {
  const intervalMs = opts.pollInterval !== undefined ? parseDuration(opts.pollInterval, '--poll-interval') : 10_000;
  const timeoutMs = opts.waitTimeout !== undefined ? parseDuration(opts.waitTimeout, '--wait-timeout') : 2 * 3_600_000;
  const tty = process.stderr.isTTY === true;
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.on('SIGINT', onSigint);
  let shown = '';
  try {
    return await waitForDeployment(client, id, {
      intervalMs,
      timeoutMs,
      signal: controller.signal,
      onProgress: (d, elapsed) => {
        const line = progressText(d, elapsed);
        if (tty) process.stderr.write(`\r\u001b[K${line}`);
        else {
          const key = `${d.status} ${d.task ?? ''}`;
          if (key !== shown) process.stderr.write(`${line}\n`);
          shown = key;
        }
      },
    });
  } finally {
    process.off('SIGINT', onSigint);
    if (tty) process.stderr.write('\n');
  }
}

/** Turns a wait result into diagnostics or a final line; returns the exit code. */
export function reportWait(r: WaitResult, id: string, opts: WaitCliOptions, diag: DiagnosticCollector, gone: string): number | undefined {
  switch (r.kind) {
    case 'gone':
      process.stderr.write(`${gone}\n`);
      return undefined;
    case 'final':
      if (isFailed(r.deployment.status)) {
        diag.report('CS4201', undefined, { id, status: r.deployment.status, reason: r.deployment.statusReason }, {
          help: `see what happened with \`clusterc logs ${id}\``,
        });
      } else process.stderr.write(`${id}: ${r.deployment.status}\n`);
      return undefined;
    case 'timeout':
      diag.report('CS4202', undefined, { id, status: r.last?.status ?? 'unknown', limit: opts.waitTimeout ?? '2h' }, {
        help: `the deployment goes on: \`clusterc status ${id}\``,
      });
      return undefined;
    case 'interrupted':
      process.stderr.write(`stopped waiting; deployment ${id} is left as it is${r.last ? ` (${r.last.status})` : ''}: \`clusterc status ${id}\`\n`);
      return EXIT_INTERRUPTED;
  }
}
