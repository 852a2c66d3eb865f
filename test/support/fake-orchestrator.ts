// A fake INDIGO PaaS Orchestrator for the tests (node:http on 127.0.0.1, no dependency). It
// behaves as indigo-dc/orchestrator does on the endpoints clusterc uses (DeploymentController,
// DeploymentServiceImpl, GlobalControllerExceptionHandler; shapes in ../shared/indigo-reference.md §5):
// - bearer token checked first: 401 `{"error":"invalid_token","error_description":…}` (the OAuth2
//   filter's shape, not the Error DTO);
// - POST /deployments: JSON only (415 otherwise), unknown body keys → 400 (ignoreUnknown = false),
//   `template` required, every required TOSCA input without a default must be in `parameters`
//   (400), `userGroup` must be one of the token's groups (403); 201 + DeploymentResource,
//   CREATE_IN_PROGRESS;
// - GET /deployments (paged `{links, content, page}`), GET /deployments/{id}, GET …/log (text);
// - DELETE /deployments/{id}: 204 and DELETE_IN_PROGRESS; 409 when already DELETE_IN_PROGRESS;
//   the record then disappears (404), there is no DELETE_COMPLETE;
// - errors as the Error DTO `{code, title, message}`, timestamps `yyyy-MM-dd'T'HH:mmZ`.
// The state machine advances by polls, not by time: a deployment completes (or fails) after
// `createPolls` GETs of it, and disappears `deletePolls` GETs after its delete. Faults can be
// injected per request (500, an answer that never comes, a dropped connection, not-JSON).
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import YAML from 'yaml';

/** A fault for the next requests that match. */
export interface Fault {
  /** `METHOD /path-prefix`, e.g. `POST /deployments` or `GET /deployments/`. */
  readonly match: string;
  readonly kind: 'error500' | 'hang' | 'drop' | 'garbage' | 'echo-token';
  /** How many matching requests get it. @default 1 */
  times?: number;
}

/** How the fake behaves. */
export interface FakeOptions {
  /** The one valid access token. */
  readonly token: string;
  /** The groups in that token. @default ['users'] */
  readonly groups?: readonly string[];
  /** GETs of a new deployment before it leaves CREATE_IN_PROGRESS. @default 2 */
  readonly createPolls?: number;
  /** GETs of a deleted deployment before it disappears. @default 1 */
  readonly deletePolls?: number;
  /** New deployments end in CREATE_FAILED with this reason. */
  readonly failWith?: string;
  /** New deployments never finish. */
  readonly neverFinish?: boolean;
  /** Serve HTTPS with this PEM key and certificate (for ORCHENT_CAFILE). */
  readonly tls?: { readonly key: string; readonly cert: string };
}

/** One stored deployment. */
export interface FakeDeployment {
  uuid: string;
  status: string;
  statusReason: string;
  task: string;
  creationTime: string;
  updateTime: string;
  template: string;
  parameters: Record<string, unknown>;
  userGroup?: string;
  outputs: Record<string, unknown>;
  polls: number;
}

/** A request as the fake saw it (the Authorization header included, for assertions). */
export interface SeenRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

/** A running fake. */
export interface FakeOrchestrator {
  readonly url: string;
  readonly deployments: Map<string, FakeDeployment>;
  readonly requests: SeenRequest[];
  readonly faults: Fault[];
  close(): Promise<void>;
}

const CREATE_KEYS = new Set(['template', 'parameters', 'callback', 'timeoutMins', 'providerTimeoutMins', 'maxProvidersRetry', 'keepLastAttempt', 'userGroup']);

/** `yyyy-MM-dd'T'HH:mmZ` in UTC, as the orchestrator's DeploymentResource writes dates. */
export function orchestratorTime(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}T${p(d.getUTCHours())}:${p(d.getUTCMinutes())}+0000`;
}

function send(res: ServerResponse, status: number, body?: unknown, type = 'application/json'): void {
  if (body === undefined) {
    res.writeHead(status).end();
    return;
  }
  const text = typeof body === 'string' && type !== 'application/json' ? body : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(text) }).end(text);
}

const TITLES: Record<number, string> = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict', 415: 'Unsupported Media Type', 500: 'Internal Server Error' };

function error(res: ServerResponse, code: number, message: string): void {
  send(res, code, { code, title: TITLES[code] ?? 'Error', message });
}

function resource(base: string, d: FakeDeployment): Record<string, unknown> {
  const self = `${base}/deployments/${d.uuid}`;
  return {
    uuid: d.uuid,
    creationTime: d.creationTime,
    updateTime: d.updateTime,
    status: d.status,
    statusReason: d.statusReason,
    outputs: d.outputs,
    task: d.task,
    cloudProviderName: 'fake-provider',
    createdBy: { issuer: 'https://iam.example.org/', subject: 'fake-subject' },
    ...(d.userGroup !== undefined ? { userGroup: d.userGroup } : {}),
    links: [
      { rel: 'self', href: self },
      { rel: 'resources', href: `${self}/resources` },
      { rel: 'template', href: `${self}/template` },
    ],
  };
}

/** Required inputs without a default that `parameters` lacks (ToscaServiceImpl's input check). */
function missingInputs(template: string, parameters: Record<string, unknown>): string[] | string {
  let doc: any;
  try {
    doc = YAML.parse(template, { version: '1.1' });
  } catch (e) {
    return `Failed to parse template: ${(e as Error).message.split('\n')[0]}`;
  }
  const inputs = doc?.topology_template?.inputs ?? {};
  return Object.entries(inputs as Record<string, any>)
    .filter(([n, d]) => d?.required !== false && d?.default === undefined && !(n in parameters))
    .map(([n]) => n);
}

/** Outputs of a completed deployment: each TOSCA output name with a made-up value. */
function fakeOutputs(template: string): Record<string, unknown> {
  const doc = YAML.parse(template, { version: '1.1' }) as any;
  const out: Record<string, unknown> = {};
  for (const n of Object.keys(doc?.topology_template?.outputs ?? {})) out[n] = n.endsWith('_endpoint') ? `https://192.0.2.10/${n}` : ['192.0.2.10'];
  return out;
}

/** Starts a fake orchestrator; its API root is `url` (…/orchestrator). */
export async function startFakeOrchestrator(opts: FakeOptions): Promise<FakeOrchestrator> {
  const deployments = new Map<string, FakeDeployment>();
  const requests: SeenRequest[] = [];
  const faults: Fault[] = [];
  const hanging = new Set<ServerResponse>();
  let base = '';

  const advance = (d: FakeDeployment) => {
    d.polls++;
    if (d.status === 'CREATE_IN_PROGRESS' && !opts.neverFinish) {
      if (d.polls === 1) d.task = 'DEPLOYER';
      if (d.polls >= (opts.createPolls ?? 2)) {
        d.task = 'NONE';
        if (opts.failWith !== undefined) {
          d.status = 'CREATE_FAILED';
          d.statusReason = opts.failWith;
        } else {
          d.status = 'CREATE_COMPLETE';
          d.outputs = fakeOutputs(d.template);
        }
      }
    }
  };

  const handle = (req: IncomingMessage, res: ServerResponse, body: string) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const path = url.pathname.replace(/^\/orchestrator/, '');
    requests.push({ method: req.method ?? '', path, headers: req.headers, body });
    const fault = faults.find((f) => `${req.method} ${path}`.startsWith(f.match) && (f.times ?? 1) > 0);
    if (fault) {
      fault.times = (fault.times ?? 1) - 1;
      if (fault.kind === 'hang') return void hanging.add(res);
      if (fault.kind === 'error500') return error(res, 500, 'java.lang.NullPointerException');
      if (fault.kind === 'garbage') return send(res, 200, '<html>login page</html>', 'text/html');
      if (fault.kind === 'echo-token') return error(res, 400, `cannot use header ${req.headers.authorization}`);
      // drop: promise a long answer, send part of it, then cut the connection.
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': 1000 });
      res.write('{"uuid": "');
      setTimeout(() => res.socket?.destroy(), 10);
      return;
    }
    if (req.headers.authorization !== `Bearer ${opts.token}`) {
      return send(res, 401, { error: 'invalid_token', error_description: 'Invalid access token' });
    }
    const m = /^\/deployments(?:\/([^/]+))?(\/log)?\/?$/.exec(path);
    if (!m) return error(res, 404, `No handler for ${req.method} ${path}`);
    const id = m[1] !== undefined ? decodeURIComponent(m[1]) : undefined;
    if (id === undefined) return collection(req, res, url, body);
    const d = deployments.get(id);
    if (!d) return error(res, 404, `The deployment <${id}> doesn't exist`);
    if (m[2]) {
      if (req.method !== 'GET') return error(res, 405 as number, 'Method not allowed');
      return send(res, 200, `deployment ${d.uuid}: ${d.status}\ninfrastructure manager: contextualization of 3 VMs\n`, 'text/plain');
    }
    if (req.method === 'GET') {
      if (d.status === 'DELETE_IN_PROGRESS') {
        d.polls++;
        if (d.polls > (opts.deletePolls ?? 1)) {
          deployments.delete(id);
          return error(res, 404, `The deployment <${id}> doesn't exist`);
        }
      } else advance(d);
      d.updateTime = orchestratorTime(new Date());
      return send(res, 200, resource(base, d));
    }
    if (req.method === 'DELETE') {
      if (d.status === 'DELETE_IN_PROGRESS' || d.status === 'DELETE_COMPLETE') return error(res, 409, `Deployment already in ${d.status} state.`);
      d.status = 'DELETE_IN_PROGRESS';
      d.statusReason = '';
      d.task = 'NONE';
      d.polls = 0;
      return send(res, 204);
    }
    return error(res, 405 as number, 'Method not allowed');
  };

  const collection = (req: IncomingMessage, res: ServerResponse, url: URL, body: string) => {
    if (req.method === 'GET') {
      const size = Number(url.searchParams.get('size') ?? 10);
      const page = Number(url.searchParams.get('page') ?? 0);
      const all = [...deployments.values()];
      return send(res, 200, {
        links: [{ rel: 'self', href: `${base}/deployments?page=${page}&size=${size}` }],
        content: all.slice(page * size, page * size + size).map((d) => resource(base, d)),
        page: { size, totalElements: all.length, totalPages: Math.ceil(all.length / size), number: page },
      });
    }
    if (req.method !== 'POST') return error(res, 405 as number, 'Method not allowed');
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return error(res, 415, `Content type '${req.headers['content-type'] ?? ''}' not supported`);
    }
    let r: Record<string, unknown>;
    try {
      r = JSON.parse(body) as Record<string, unknown>;
    } catch {
      return error(res, 400, 'Malformed JSON request');
    }
    const unknown = Object.keys(r).find((k) => !CREATE_KEYS.has(k));
    if (unknown) return error(res, 400, `Unrecognized field "${unknown}"`);
    if (typeof r['template'] !== 'string' || r['template'] === '') return error(res, 400, 'Error in field template: must not be blank');
    const parameters = (r['parameters'] ?? {}) as Record<string, unknown>;
    const group = r['userGroup'];
    if (group !== undefined && !(opts.groups ?? ['users']).includes(String(group))) {
      return error(res, 403, `User is not authorized to act on behalf of group ${String(group)}`);
    }
    const missing = missingInputs(r['template'], parameters);
    if (typeof missing === 'string') return error(res, 400, missing);
    if (missing.length > 0) return error(res, 400, `Input <${missing[0]}> is required and is not present in the user's input list, nor has a default value`);
    const now = orchestratorTime(new Date());
    const d: FakeDeployment = {
      uuid: randomUUID(),
      status: 'CREATE_IN_PROGRESS',
      statusReason: '',
      task: 'NONE',
      creationTime: now,
      updateTime: now,
      template: r['template'],
      parameters,
      ...(group !== undefined ? { userGroup: String(group) } : {}),
      outputs: {},
      polls: 0,
    };
    deployments.set(d.uuid, d);
    return send(res, 201, resource(base, d));
  };

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')));
  };
  const server: Server = opts.tls ? createTlsServer({ key: opts.tls.key, cert: opts.tls.cert }, listener) : createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `${opts.tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}/orchestrator`;
  return {
    url: base,
    deployments,
    requests,
    faults,
    close: () =>
      new Promise<void>((resolve) => {
        for (const r of hanging) r.socket?.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
