// IndigoClient (src/orchestrator/indigo-client.ts) in-process against the fake orchestrator: the
// request shapes, the orchestrator's own 400 for a missing required input, the state machine
// seen through get(), and what the fake itself answers to requests clusterc never makes wrong
// (415, paging), so the fake is known to behave as the real API.
import { request } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { OrchestratorError } from '../../src/orchestrator/api.js';
import { IndigoClient, errorDetail, parseDeployment } from '../../src/orchestrator/indigo-client.js';
import { convertText, resolveParameters } from '../../src/orchestrator/parameters.js';
import { DiagnosticCollector } from '../../src/diagnostics/collector.js';
import { waitForDeployment } from '../../src/orchestrator/wait.js';
import { startFakeOrchestrator, type FakeOrchestrator } from '../support/fake-orchestrator.js';
import { ROOT } from '../support/golden.js';

const TOKEN = 'tok-123';
const TEMPLATE = readFileSync(join(ROOT, 'out/mesos-minimal.tosca.yaml'), 'utf8');
const PARAMS = { mesos_password: 'a', marathon_password: 'b', chronos_password: 'c' };

function raw(url: string, method: string, headers: Record<string, string>, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      let b = '';
      res.on('data', (c) => (b += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: b }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function rejection(p: Promise<unknown>): Promise<OrchestratorError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof OrchestratorError) return e;
    throw e;
  }
  throw new Error('expected a rejection');
}

describe('orchestrator client against the fake', function () {
  this.timeout(20_000);
  let fake: FakeOrchestrator;
  let client: IndigoClient;
  beforeEach(async () => {
    fake = await startFakeOrchestrator({ token: TOKEN, createPolls: 2 });
    client = new IndigoClient({ url: fake.url + '/', token: TOKEN, timeoutMs: 2000 });
  });
  afterEach(() => fake.close());

  it('creates (201, CREATE_IN_PROGRESS), then get() walks the state machine to CREATE_COMPLETE with outputs', async function () {
    const d = await client.create({ template: TEMPLATE, parameters: PARAMS });
    expect(d.status).to.equal('CREATE_IN_PROGRESS');
    expect((await client.get(d.id)).status).to.equal('CREATE_IN_PROGRESS');
    const done = await client.get(d.id);
    expect(done.status).to.equal('CREATE_COMPLETE');
    expect(Object.keys(done.outputs)).to.include('mesos_endpoint');
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).to.deep.equal(['POST /deployments', `GET /deployments/${d.id}`, `GET /deployments/${d.id}`]);
  });

  it('the orchestrator itself answers 400 for a missing required input, and rejects unknown body keys', async function () {
    const e = await rejection(client.create({ template: TEMPLATE, parameters: { mesos_password: 'a' } }));
    expect([e.kind, e.status]).to.deep.equal(['rejected', 400]);
    expect(e.detail).to.match(/^Bad Request: Input <marathon_password> is required/);
    const r = await raw(`${fake.url}/deployments`, 'POST', { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' }, JSON.stringify({ template: TEMPLATE, parameter: {} }));
    expect(r.status).to.equal(400);
    expect(JSON.parse(r.body)).to.deep.equal({ code: 400, title: 'Bad Request', message: 'Unrecognized field "parameter"' });
    const t = await raw(`${fake.url}/deployments`, 'POST', { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'text/plain' }, TEMPLATE);
    expect(t.status).to.equal(415);
  });

  it('the fake pages deployment lists as {links, content, page}', async function () {
    for (let i = 0; i < 3; i++) await client.create({ template: TEMPLATE, parameters: PARAMS });
    const r = await raw(`${fake.url}/deployments?page=1&size=2`, 'GET', { Authorization: `Bearer ${TOKEN}` });
    const v = JSON.parse(r.body);
    expect(v.page).to.deep.equal({ size: 2, totalElements: 3, totalPages: 2, number: 1 });
    expect(v.content).to.have.length(1);
    expect(v.links[0].rel).to.equal('self');
  });

  it('waits for a delete until the record disappears, never seeing DELETE_COMPLETE', async function () {
    const d = await client.create({ template: TEMPLATE, parameters: PARAMS });
    await client.delete(d.id);
    const seen: string[] = [];
    const r = await waitForDeployment(client, d.id, { intervalMs: 1, timeoutMs: 10_000, signal: new AbortController().signal, onProgress: (x) => seen.push(x.status) });
    expect(r.kind).to.equal('gone');
    expect(seen).to.deep.equal(['DELETE_IN_PROGRESS']);
    expect((await rejection(client.get(d.id))).kind).to.equal('not-found');
  });

  it('a wait gives up after MAX_TRANSIENT failed polls in a row', async function () {
    const d = await client.create({ template: TEMPLATE, parameters: PARAMS });
    fake.faults.push({ match: 'GET /deployments/', kind: 'error500', times: 4 });
    const e = await rejection(waitForDeployment(client, d.id, { intervalMs: 1, timeoutMs: 10_000, signal: new AbortController().signal, onProgress: () => {} }));
    expect(e.kind).to.equal('server');
    expect(fake.requests.filter((r) => r.method === 'GET')).to.have.length(4);
  });
});

describe('orchestrator answers and parameters', function () {
  it('reads the Error DTO, OAuth2 errors and plain text', function () {
    expect(errorDetail('{"code":404,"title":"Not Found","message":"The deployment <x> doesn\'t exist"}')).to.equal("Not Found: The deployment <x> doesn't exist");
    expect(errorDetail('{"error":"invalid_token","error_description":"Access token expired"}')).to.equal('invalid_token: Access token expired');
    expect(errorDetail('<html>\n<b>502</b></html>')).to.equal('<html> <b>502</b></html>');
  });
  it('rejects deployments without uuid or with an unknown status', function () {
    expect(() => parseDeployment({ status: 'CREATE_COMPLETE' })).to.throw(OrchestratorError);
    expect(() => parseDeployment({ uuid: 'x', status: 'DONE' })).to.throw(/unknown deployment status/);
    expect(parseDeployment({ uuid: 'x', status: 'CREATE_COMPLETE', outputs: null }).outputs).to.deep.equal({});
  });
  it('converts --parameter text to the TOSCA input type', function () {
    expect(convertText('3', { type: 'integer' })).to.equal(3);
    expect(convertText('3.5', { type: 'integer' })).to.equal(undefined);
    expect(convertText('true', { type: 'boolean' })).to.equal(true);
    expect(convertText('a, b', { type: 'list', entry_schema: { type: 'string' } })).to.deep.equal(['a', 'b']);
    expect(convertText('[1,2]', { type: 'list', entry_schema: { type: 'integer' } })).to.deep.equal([1, 2]);
    expect(convertText('4 GB', { type: 'scalar-unit.size' })).to.equal('4 GB');
    expect(convertText('lots', { type: 'scalar-unit.size' })).to.equal(undefined);
  });
  it('sends only given values; inputs with a default may stay null', function () {
    const diag = new DiagnosticCollector();
    const out = resolveParameters({ a: { type: 'integer', default: 2 }, b: { type: 'string' } }, { a: null, b: 'x' }, [], diag);
    expect(out).to.deep.equal({ b: 'x' });
    expect(diag.diagnostics).to.deep.equal([]);
  });
});
