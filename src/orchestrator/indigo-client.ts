// OrchestratorClient over the INDIGO PaaS Orchestrator REST API (indigo-dc/orchestrator
// DeploymentController; the shapes orchent uses): `POST /deployments` → 201 DeploymentResource,
// `GET /deployments/{id}`, `GET /deployments/{id}/log`, `DELETE /deployments/{id}` → 204. Every
// request carries `Authorization: Bearer <token>`; errors come as `{code, title, message}` (the
// orchestrator's Error DTO) or, from the OAuth2 filter, `{error, error_description}`. node:http(s)
// only, no dependency. The token is never part of an error: answers are redacted before use.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { rootCertificates } from 'node:tls';
import { OrchestratorError, STATUSES, type CreateRequest, type Deployment, type DeploymentStatus, type FailureKind, type OrchestratorClient } from './api.js';

/** How to reach the orchestrator. */
export interface IndigoClientOptions {
  /** API root, e.g. `https://paas.cloud.infn.it/orchestrator` (a trailing `/` is fine). */
  readonly url: string;
  readonly token: string;
  /** Extra PEM certificate authorities (ORCHENT_CAFILE), trusted besides Node's own. */
  readonly ca?: string;
  /** Time for one request to get its complete answer. @default 60000 */
  readonly timeoutMs?: number;
}

/** Largest answer read (a deployment log can be long). */
const MAX_ANSWER_BYTES = 64 * 1024 * 1024;

interface Answer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

/** The INDIGO PaaS Orchestrator client. */
export class IndigoClient implements OrchestratorClient {
  private readonly base: URL;

  constructor(private readonly opts: IndigoClientOptions) {
    this.base = new URL(opts.url.endsWith('/') ? opts.url : opts.url + '/');
  }

  async create(req: CreateRequest): Promise<Deployment> {
    // DeploymentRequest rejects unknown keys (ignoreUnknown = false): send only set fields.
    const body: Record<string, unknown> = { template: req.template, parameters: req.parameters };
    if (req.userGroup !== undefined) body['userGroup'] = req.userGroup;
    if (req.callback !== undefined) body['callback'] = req.callback;
    if (req.timeoutMins !== undefined) body['timeoutMins'] = req.timeoutMins;
    if (req.keepLastAttempt !== undefined) body['keepLastAttempt'] = req.keepLastAttempt;
    if (req.maxProvidersRetry !== undefined) body['maxProvidersRetry'] = req.maxProvidersRetry;
    const a = await this.send('POST', 'deployments', JSON.stringify(body));
    expectStatus(a, [200, 201]);
    return parseDeployment(this.json(a));
  }

  async get(id: string): Promise<Deployment> {
    const a = await this.send('GET', `deployments/${encodeURIComponent(id)}`);
    expectStatus(a, [200], id);
    return parseDeployment(this.json(a));
  }

  async log(id: string): Promise<string> {
    const a = await this.send('GET', `deployments/${encodeURIComponent(id)}/log`);
    expectStatus(a, [200], id);
    if (a.contentType.includes('json')) {
      try {
        const v: unknown = JSON.parse(a.body);
        if (typeof v === 'string') return v;
      } catch {
        // not JSON after all: the text is the log
      }
    }
    return a.body;
  }

  async delete(id: string): Promise<void> {
    const a = await this.send('DELETE', `deployments/${encodeURIComponent(id)}`);
    expectStatus(a, [200, 202, 204], id);
  }

  private json(a: Answer): unknown {
    try {
      return JSON.parse(a.body);
    } catch {
      throw new OrchestratorError('bad-answer', `not json (${a.contentType || 'no content type'}): ${snippet(a.body)}`, a.status);
    }
  }

  /** Sends one request and reads the whole answer, redacting the token from it. */
  private send(method: string, path: string, body?: string): Promise<Answer> {
    const url = new URL(path, this.base);
    const timeoutMs = this.opts.timeoutMs ?? 60_000;
    const token = this.opts.token;
    const headers: Record<string, string> = { Accept: 'application/json', Authorization: `Bearer ${token}` };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      headers['Content-Length'] = String(Buffer.byteLength(body));
    }
    const tls = url.protocol === 'https:';
    if (!tls && url.protocol !== 'http:') {
      return Promise.reject(new OrchestratorError('unreachable', `unsupported url scheme ${url.protocol}`));
    }
    const ca = this.opts.ca !== undefined ? [...rootCertificates, this.opts.ca] : undefined;
    return new Promise<Answer>((resolve, reject) => {
      let settled = false;
      const fail = (e: OrchestratorError) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        req.destroy();
        reject(e);
      };
      const options = { method, headers, ...(tls && ca ? { ca } : {}) };
      const req = (tls ? httpsRequest : httpRequest)(url, options, (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > MAX_ANSWER_BYTES) fail(new OrchestratorError('bad-answer', `the answer is larger than ${MAX_ANSWER_BYTES} bytes`));
          else chunks.push(c);
        });
        res.on('aborted', () => fail(new OrchestratorError('unreachable', 'the connection was dropped before the answer was complete')));
        res.on('error', () => fail(new OrchestratorError('unreachable', 'the connection was dropped before the answer was complete')));
        res.on('end', () => {
          if (settled) return;
          if (!res.complete) {
            fail(new OrchestratorError('unreachable', 'the connection was dropped before the answer was complete'));
            return;
          }
          settled = true;
          clearTimeout(timer);
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            body: redact(Buffer.concat(chunks).toString('utf8'), token),
          });
        });
      });
      const timer = setTimeout(() => fail(new OrchestratorError('timeout', `no answer within ${timeoutMs / 1000} s`)), timeoutMs);
      req.on('error', (e: NodeJS.ErrnoException) => fail(new OrchestratorError('unreachable', redact(networkReason(e), token))));
      if (body !== undefined) req.write(body);
      req.end();
    });
  }
}

/** Replaces every occurrence of the token (a server may echo the Authorization header). */
export function redact(text: string, token: string): string {
  return token.length > 0 ? text.split(token).join('<token>') : text;
}

function networkReason(e: NodeJS.ErrnoException): string {
  switch (e.code) {
    case 'ECONNREFUSED': return 'connection refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN': return 'host name not found';
    case 'ECONNRESET':
    case 'EPIPE': return 'the connection was dropped before the answer was complete';
    case 'ETIMEDOUT': return 'connection timed out';
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
      return `the tls certificate is not trusted (${e.code}); set ORCHENT_CAFILE to the ca that signed it`;
    case 'ERR_TLS_CERT_ALTNAME_INVALID': return 'the tls certificate does not name this host';
    default: return e.code ? e.code.toLowerCase() : e.message;
  }
}

/** A printable excerpt of an answer. */
function snippet(s: string): string {
  const one = s.replace(/\s+/g, ' ').trim();
  const clean = one.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  return clean.length > 200 ? clean.slice(0, 200) + '…' : clean || '(empty)';
}

function kindOf(status: number): FailureKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status >= 500) return 'server';
  if (status >= 400) return 'rejected';
  return 'bad-answer';
}

/** The message of an error answer: the Error DTO, OAuth2's error, or an excerpt of the body. */
export function errorDetail(body: string): string {
  try {
    const v = JSON.parse(body) as Record<string, unknown>;
    if (v && typeof v === 'object') {
      if (typeof v['message'] === 'string' && v['message'] !== '') {
        return typeof v['title'] === 'string' && v['title'] !== '' ? `${v['title']}: ${v['message']}` : v['message'];
      }
      if (typeof v['error'] === 'string') {
        return typeof v['error_description'] === 'string' ? `${v['error']}: ${v['error_description']}` : v['error'];
      }
      if (typeof v['title'] === 'string') return v['title'];
    }
  } catch {
    // not JSON: show the text
  }
  return snippet(body);
}

function expectStatus(a: Answer, ok: readonly number[], id?: string): void {
  if (ok.includes(a.status)) return;
  const kind = kindOf(a.status);
  // 404 names the deployment; the message is the orchestrator's.
  throw new OrchestratorError(kind, kind === 'bad-answer' ? `unexpected http status ${a.status}` : id && kind === 'not-found' ? id : errorDetail(a.body), a.status);
}

/** Reads a DeploymentResource; rejects anything without a uuid and a known status. */
export function parseDeployment(v: unknown): Deployment {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new OrchestratorError('bad-answer', 'a deployment must be a json object');
  const o = v as Record<string, unknown>;
  const id = o['uuid'];
  const status = o['status'];
  if (typeof id !== 'string' || id === '') throw new OrchestratorError('bad-answer', 'the deployment has no `uuid`');
  if (typeof status !== 'string' || !(STATUSES as readonly string[]).includes(status)) {
    throw new OrchestratorError('bad-answer', `unknown deployment status ${snippet(String(status))}`);
  }
  const outputs = o['outputs'];
  const str = (k: string) => (typeof o[k] === 'string' ? { [k]: o[k] as string } : {});
  return {
    id,
    status: status as DeploymentStatus,
    statusReason: typeof o['statusReason'] === 'string' ? o['statusReason'] : '',
    outputs: outputs !== null && typeof outputs === 'object' && !Array.isArray(outputs) ? (outputs as Record<string, unknown>) : {},
    ...str('task'),
    ...str('creationTime'),
    ...str('updateTime'),
    ...str('cloudProviderName'),
  };
}
