// test/deploy: what one server's run must have produced, derived from the spec (the lowered
// model, the stack's parameter values and the addresses the servers got), checked against the
// files the roles rendered and the calls the stubs recorded. Every check names the role file
// that produces the value, so a failure points at the role or at the plan variable it reads.
// Output: the list of failed checks of a server (empty = the server is configured as the spec says).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import type { ClusterModel, Param } from '../../src/model/model.js';
import { METADATA_GUARD_UNIT, METADATA_GUARD_UNIT_PATH } from '../../src/emit/hot/bootstrap/metadata-guard.js';
import type { ServerResult } from './sandbox.js';
import type { Mode } from './boot.js';
import type { ServerBoot, Stack } from './template.js';
import { checkBigData } from './expect-bigdata.js';

/** Splits a command line as Python's shlex.split (community.docker splits a string `command` so). */
export function shlexSplit(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === "'") {
      const j = s.indexOf("'", i + 1);
      if (j < 0) throw new Error('No closing quotation');
      cur += s.slice(i + 1, j);
      i = j;
      inWord = true;
    } else if (c === '"') {
      let j = i + 1;
      for (; j < s.length && s[j] !== '"'; j++) {
        if (s[j] === '\\' && ['"', '\\', '$', '`'].includes(s[j + 1] ?? '')) j++;
        cur += s[j];
      }
      if (j >= s.length) throw new Error('No closing quotation');
      i = j;
      inWord = true;
    } else if (c === '\\') {
      cur += s[i + 1] ?? '';
      i++;
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) out.push(cur);
      cur = '';
      inWord = false;
    } else {
      cur += c;
      inWord = true;
    }
  }
  if (inWord) out.push(cur);
  return out;
}

type Rec = Record<string, unknown>;

/** The checks of one server; returns the failures (`what: detail`). */
export function checkServer(m: ClusterModel, stack: Stack, server: ServerBoot, mode: Mode, r: ServerResult): string[] {
  const fail: string[] = [];
  const eq = (what: string, got: unknown, want: unknown): void => {
    if (JSON.stringify(got) !== JSON.stringify(want)) fail.push(`${what}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
  };
  const value = (p: Param<string | number | boolean>): string => String(p.kind === 'literal' ? p.value : stack.params[p.input]);
  const s = m.services;
  const masters = stack.addresses[m.masters.id] ?? [];
  const self = server.address;
  const zk = masters.map((a) => `${a}:2181`).join(',');
  const containers = (name: string): Rec[] => r.records.filter((x) => x['module'] === 'docker_container' && (x['args'] as Rec)['name'] === name);
  const container = (name: string): Rec | undefined => {
    const c = containers(name);
    return c.length > 0 ? (c[c.length - 1]!['args'] as Rec) : undefined;
  };
  const envFile = (path: string): Map<string, string> | undefined => {
    const t = r.read(path);
    if (t === undefined) return undefined;
    return new Map(t.split('\n').filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')).replace(/^export\s+/, ''), l.slice(l.indexOf('=') + 1)]));
  };

  // The play completed.
  if (mode === 'cloud-init') {
    const signals = r.records.filter((x) => x['binary'] === 'curl' && typeof x['data'] === 'string').map((x) => (JSON.parse(x['data'] as string) as Rec)['status']);
    eq('wait-condition signals (the play completed)', signals, ['SUCCESS']);
  }
  if (r.status !== 0) fail.push(`the bootstrap exited with status ${r.status}`);
  if (fail.length > 0) return fail;

  // Nothing the boot needs is gone from the internet (stubs record what a real boot would miss).
  for (const x of r.records.filter((y) => typeof y['unavailable'] === 'string')) {
    fail.push(`${String(x['module'])} ${JSON.stringify((x['args'] as Rec)['url'] ?? (x['args'] as Rec)['repo'])}: unavailable on a real boot (${String(x['unavailable'])})`);
  }

  const kind = server.group === m.masters.id ? 'masters' : server.group === m.loadBalancers?.id ? 'load_balancers' : 'agents';
  const gpus = m.agentPools.some((p) => p.gpu !== undefined);
  const gpuPool = m.agentPools.find((p) => p.id === server.group)?.gpu !== undefined;

  // Consul: ansible-role-consul tasks/consul.yml:5-76 (the container command), templates/10-consul.j2.
  const consul = container('consul');
  if (consul === undefined) fail.push('consul: no consul container started (ansible-role-consul tasks/consul.yml)');
  else {
    const words = shlexSplit(String(consul['command'] ?? ''));
    const arg = (flag: string): string | undefined => (words.includes(flag) ? words[words.indexOf(flag) + 1] : undefined);
    eq('consul -advertise (consul.yml command)', arg('-advertise'), self);
    if (kind === 'masters') {
      eq('consul -server', words.includes('-server'), true);
      if (self === masters[0]) eq('consul -bootstrap-expect on the first master', arg('-bootstrap-expect'), String(masters.length));
      else eq('consul -join on the other masters', arg('-join'), masters[0]);
    } else {
      eq('consul agent -server', words.includes('-server'), false);
      eq('consul agent -join', arg('-join'), masters[0]);
    }
    eq('consul -dc (the spec datacenter; consul_dc is read by no task of ansible-role-consul)', arg('-dc') ?? arg('-datacenter'), s.consul.datacenter);
    if (s.consul.domain !== 'consul') eq('consul -domain (templates/10-consul.j2 points dnsmasq at it)', arg('-domain'), s.consul.domain);
  }
  eq('dnsmasq consul forwarding (templates/10-consul.j2)', r.read('/etc/dnsmasq.d/10-consul')?.trim(), `server=/${s.consul.domain}/172.0.17.1#8600`);

  if (kind === 'masters') {
    // ZooKeeper: ansible-role-zookeeper defaults/main.yml:9-30 (SERVERS, MYID), tasks/main.yml:1-13.
    const z = container('zookeeper');
    const env = (z?.['env'] ?? {}) as Rec;
    eq('zookeeper MYID (defaults/main.yml:16-30)', env['MYID'], String(masters.indexOf(self) + 1));
    eq('zookeeper SERVERS (defaults/main.yml:9-15)', env['SERVERS'], masters.join(','));
    // Mesos master: templates/mesos-master-env.j2, defaults/main.yml:52-58 (quorum).
    const me = envFile('/etc/mesos/.mesosmenv');
    if (me === undefined) fail.push('mesos: /etc/mesos/.mesosmenv not rendered');
    else {
      eq('MESOS_ZK', me.get('MESOS_ZK'), `zk://${zk}/mesos`);
      eq('MESOS_QUORUM (a majority of the masters)', me.get('MESOS_QUORUM'), String(Math.floor(masters.length / 2) + 1));
      eq('MESOS_IP', me.get('MESOS_IP'), self);
      eq('MESOS_HOSTNAME', me.get('MESOS_HOSTNAME'), self);
      eq('MESOS_CLUSTER', me.get('MESOS_CLUSTER'), s.mesos.clusterName);
    }
    if (s.mesos.authenticateHttp) {
      // Mesos reads a JSON credentials file as {credentials: [{principal, secret}]} (compat fix
      // mesos-credentials-json; the role's text form splits on whitespace).
      const cred = r.read('/var/lib/mesos/credentials');
      let parsed: unknown;
      try {
        parsed = cred === undefined ? undefined : JSON.parse(cred);
      } catch {
        parsed = cred;
      }
      eq('mesos credentials (templates/mesos-credentials.j2, as Mesos reads it)', parsed, { credentials: [{ principal: value(s.mesos.username), secret: value(s.mesos.password) }] });
    }
    for (const f of [
      { svc: s.marathon, id: 'marathon', file: '/etc/marathon/.marathonenv', master: 'MARATHON_MASTER', zk: 'MARATHON_ZK', zkWant: `zk://${zk}/marathon`, cred: 'MARATHON_HTTP_CREDENTIALS', ks: 'MARATHON_SSL_KEYSTORE_PASSWORD', roleDefault: 'ZpUEGgvzQhpo' },
      { svc: s.chronos, id: 'chronos', file: '/etc/chronos/.chronosenv', master: 'CHRONOS_MASTER', zk: 'CHRONOS_ZK_HOSTS', zkWant: `zk://${zk}`, cred: 'CHRONOS_HTTP_CREDENTIALS', ks: 'CHRONOS_SSL_KEYSTORE_PASSWORD', roleDefault: 'xGpcVzlRxNr4' },
    ]) {
      const env = envFile(f.file);
      if (!f.svc.enabled) {
        eq(`${f.id} is off: no ${f.id} container`, container(f.id), undefined);
        continue;
      }
      if (env === undefined) {
        fail.push(`${f.id}: ${f.file} not rendered`);
        continue;
      }
      eq(`${f.id} ${f.master}`, env.get(f.master), `zk://${zk}/mesos`);
      eq(`${f.id} ${f.zk}`, env.get(f.zk), f.zkWant);
      eq(`${f.id} ${f.cred}`, env.get(f.cred), `${value(f.svc.username)}:${value(f.svc.password)}`);
      eq(`${f.id} LIBPROCESS_IP`, env.get('LIBPROCESS_IP'), self);
      if (f.svc.ssl && env.get(f.ks) === f.roleDefault) fail.push(`${f.id} ${f.ks}: the role's default keystore password (the same in every cluster)`);
      eq(`${f.id} container env_file`, container(f.id)?.['env_file'], f.file);
      // GPU pools: Marathon's gpu_resources feature (tasks/facts.yml:24-27, compat fix
      // marathon-gpu-features), Chronos' CHRONOS_ENABLE_FEATURES (templates/chronos-env.j2:10).
      const features = f.id === 'marathon' ? 'MARATHON_ENABLE_FEATURES' : 'CHRONOS_ENABLE_FEATURES';
      eq(`${f.id} ${features} (a GPU pool exists: ${gpus})`, env.get(features), gpus ? 'gpu_resources' : undefined);
    }
    if (s.marathon.enabled && s.marathon.ssl) {
      // Marathon's TLS: signed by this host's own CA (compat fixes marathon-own-ca*), never by the
      // role's published files/rootCA.key; the key stays root-only in /etc/marathon/ca.
      const ca = r.read('/etc/marathon/ca/rootCA.crt');
      const roles = process.env['CLUSTERC_ROLES_DIR'];
      const published = roles === undefined ? undefined : readFileSync(join(roles, 'ansible-role-marathon/files/rootCA.crt'), 'utf8');
      if (ca === undefined || r.read('/etc/marathon/ca/rootCA.key') === undefined) fail.push('marathon: no per-host CA in /etc/marathon/ca (compat fix marathon-own-ca)');
      else if (ca === published) fail.push('marathon: the CA is the role\'s published rootCA.crt');
      eq('marathon: the host trusts its own CA (trust anchor)', r.read('/usr/local/share/ca-certificates/rootCA.crt'), ca);
      eq('marathon: no CA key copied to /tmp', r.read('/tmp/rootCA.key'), undefined);
      if (r.read('/etc/marathon/ssl_keystore.jks') === undefined) fail.push('marathon: no keystore /etc/marathon/ssl_keystore.jks');
    }
    if (s.marathon.enabled) {
      // The Consul check of Marathon (templates/marathon-service.json, compat fix
      // marathon-consul-check-quoting): valid JSON, and a shell script that passes the credentials
      // to curl as one word (Consul runs it with sh -c).
      // Ansible turns a body text that is a JSON object into a dict (the fixed template); the
      // role's own template, broken by a quote, stays a text that must still parse.
      const marathonBody = (b: unknown): boolean => (typeof b === 'string' ? b.includes('"ID": "marathon"') : (b as Rec | undefined)?.['ID'] === 'marathon');
      const reg = r.records.find((x) => x['module'] === 'uri' && marathonBody((x['args'] as Rec)['body']));
      const body = (reg?.['args'] as Rec | undefined)?.['body'];
      let script: unknown;
      try {
        const doc = (typeof body === 'string' ? JSON.parse(body) : body) as Rec | undefined;
        script = (doc?.['check'] as Rec | undefined)?.['script'];
        if (script === undefined) fail.push('marathon consul registration has no check script (templates/marathon-service.json)');
      } catch (e) {
        fail.push(`marathon consul registration is not JSON: ${String(e)}`);
      }
      if (typeof script === 'string') {
        const proto = s.marathon.ssl ? 'https' : 'http';
        eq('marathon consul check script (as sh splits it)', shlexSplit(script), ['curl', '-k', '-u', `${value(s.marathon.username)}:${value(s.marathon.password)}`, `${proto}://${self}:${s.marathon.ssl ? 8443 : 8080}`]);
      }
    }
  }

  if (kind === 'agents') {
    // Mesos agent: ansible-role-mesos templates/mesos-slave-env.j2.
    const env = envFile('/etc/default/mesos');
    if (env === undefined) fail.push('mesos agent: /etc/default/mesos not rendered');
    else {
      eq('agent MESOS_MASTER', env.get('MESOS_MASTER'), `"zk://${zk}/mesos"`);
      eq('agent MESOS_IP', env.get('MESOS_IP'), `"${self}"`);
      const iso = env.get('MESOS_ISOLATION');
      if (iso !== undefined && !/^[A-Za-z0-9_/]+(,[A-Za-z0-9_/]+)*$/.test(iso)) fail.push(`agent MESOS_ISOLATION is not a comma-separated list of isolators: ${iso}`);
    }
    // The agent runs as the mesos_slave_image container (compat fixes mesos-agent-packages/-container).
    const agent = containers('mesos-slave')[0]?.['args'] as Rec | undefined; // the first run; the handler restarts it later by name
    const aenv = (agent?.['env'] ?? {}) as Rec;
    eq('agent container image (ansible-role-mesos defaults/main.yml:27)', agent?.['image'], 'indigodatacloud/mesos-slave:1.5.0');
    eq('agent container MESOS_MASTER', aenv['MESOS_MASTER'], `zk://${zk}/mesos`);
    eq('agent container MESOS_IP', aenv['MESOS_IP'], self);
    // GPU pools (mesos_enable_gpu_support): templates/mesos-slave-env.j2:14 and the container env;
    // the gpu/nvidia isolator and the container's GPU request only where nvidia-smi runs.
    eq(`agent MESOS_IMAGE_PROVIDERS (GPU pool: ${gpuPool})`, env?.get('MESOS_IMAGE_PROVIDERS'), gpuPool ? '"docker"' : undefined);
    eq(`agent container MESOS_IMAGE_PROVIDERS (GPU pool: ${gpuPool})`, aenv['MESOS_IMAGE_PROVIDERS'], gpuPool ? 'docker' : undefined);
    const nvidia = String(aenv['MESOS_ISOLATION'] ?? '').split(',').includes('gpu/nvidia');
    eq('agent container device_requests (the GPUs, only with the gpu/nvidia isolator)', agent?.['device_requests'], nvidia ? [{ driver: 'nvidia', count: -1, capabilities: [['gpu', 'utility', 'compute']] }] : []);
    eq('agent container network, pid, privileged', [agent?.['network_mode'], agent?.['pid_mode'], agent?.['privileged']], ['host', 'host', true]);
    // The metadata guard (src/emit/hot/bootstrap/metadata-guard.ts): the unit written, enabled and started.
    eq('metadata guard unit', r.read(METADATA_GUARD_UNIT_PATH), METADATA_GUARD_UNIT);
    const guard = r.records.filter((x) => x['module'] === 'systemd' && (x['args'] as Rec)['name'] === 'clusterc-metadata-guard.service').map((x) => [(x['args'] as Rec)['enabled'], (x['args'] as Rec)['state']]);
    eq('metadata guard enabled and started (systemd)', guard, [[true, 'started']]);
    if (s.rexray.enabled) {
      const text = r.read('/etc/rexray/config.yml');
      if (text === undefined) fail.push('rexray: /etc/rexray/config.yml not rendered (ansible-role-mesos tasks/install-rexray.yml)');
      else {
        const conf = YAML.parse(text) as Rec;
        eq('rexray libstorage.service (the spec driver)', (conf['libstorage'] as Rec | undefined)?.['service'], s.rexray.driver);
        const cinder = (conf[s.rexray.driver] ?? {}) as Rec;
        const keys: Record<string, string> = { auth_url: 'authURL', username: 'userName', password: 'password', tenant: 'tenantName', domain: 'domainName', region: 'regionName', availability_zone: 'availabilityZoneName' };
        for (const [opt, key] of Object.entries(keys)) {
          const p = s.rexray.options[opt];
          if (p !== undefined) eq(`rexray ${s.rexray.driver}.${key}`, cinder[key] === undefined || cinder[key] === null ? '' : String(cinder[key]), value(p));
        }
        for (const key of ['authURL', 'userName', 'password']) if (!cinder[key]) fail.push(`rexray ${s.rexray.driver}.${key} is empty`);
      }
    }
  }

  if (kind === 'load_balancers') {
    if (s.marathonLb.enabled) {
      // marathon-lb: ansible-role-marathon-lb templates/HAPROXY_HEAD.j2:88-121, tasks/main.yml:36-50.
      const head = r.read('/etc/marathon-lb/templates/HAPROXY_HEAD');
      const backends = new Map<string, string[]>();
      let cur: string | undefined;
      for (const line of (head ?? '').split('\n')) {
        const b = /^backend (\S+)/.exec(line);
        if (b) backends.set((cur = b[1]!), []);
        else if (/^\S/.test(line)) cur = undefined;
        const sv = /^\s+server \S+ (\S+)/.exec(line);
        if (sv && cur !== undefined) backends.get(cur)!.push(sv[1]!);
      }
      const at = (port: number): string[] => masters.map((a) => `${a}:${port}`);
      eq('haproxy backend marathon_servers_http', backends.get('marathon_servers_http'), at(8080));
      eq('haproxy backend marathon_servers_https', backends.get('marathon_servers_https'), at(8443));
      eq('haproxy backend mesos_servers_http', backends.get('mesos_servers_http'), at(5050));
      eq('haproxy backend chronos_servers_http', backends.get('chronos_servers_http'), s.chronos.enabled ? at(4400) : undefined);
      eq('haproxy backend chronos_servers_https', backends.get('chronos_servers_https'), s.chronos.enabled ? at(4443) : undefined);
      const lb = container('marathon-lb');
      const words = shlexSplit(String(lb?.['command'] ?? ''));
      const urls = words.slice(words.indexOf('--marathon') + 1).filter((_, i, a) => !a.slice(0, i + 1).some((w) => w.startsWith('--')));
      const hosts = urls.map((u) => /^https?:\/\/([^:/]+)/.exec(u)?.[1]);
      if (urls.length === 0 || hosts.some((h) => h === undefined || !masters.includes(h))) fail.push(`marathon-lb --marathon ${JSON.stringify(urls)} does not name the masters ${JSON.stringify(masters)} (defaults/main.yml:4 marathon_lb_marathon_url)`);
      eq('marathon-lb --auth-credentials (tasks/main.yml:45, as docker splits the command)', words.filter((w) => w.startsWith('--auth-credentials')), [`--auth-credentials=${value(s.marathon.username)}:${value(s.marathon.password)}`]);
    }
    const vip = m.loadBalancers?.vip;
    if (s.keepalived.enabled && vip !== undefined) {
      // keepalived: ansible-role-keepalived defaults/main.yml:10-20, tasks/main.yml:17-31.
      const lbs = stack.addresses[m.loadBalancers!.id] ?? [];
      const env = (container('keepalived')?.['env'] ?? {}) as Rec;
      eq('keepalived KEEPALIVED_VIRTUAL_IP', env['KEEPALIVED_VIRTUAL_IP'], vip.address);
      eq('keepalived KEEPALIVED_PRIORITY (101 on the first load balancer)', env['KEEPALIVED_PRIORITY'], self === lbs[0] ? '101' : '100');
      eq('keepalived KEEPALIVED_INTERFACE', env['KEEPALIVED_INTERFACE'], 'ens3');
    }
  }

  if (s.calico.enabled) {
    // calico: ansible-role-calico tasks/main.yml:9-32.
    const endpoints = s.calico.etcdEndpoints.map((p) => value(p));
    const opts = r.read('/etc/default/docker') ?? '';
    if (!opts.includes(`--cluster-store etcd://${endpoints.join(',')}`)) fail.push(`calico: /etc/default/docker has no --cluster-store etcd://${endpoints.join(',')}`);
    const runs = r.records.filter((x) => x['binary'] === '/usr/bin/calicoctl');
    eq('calicoctl node --libnetwork', runs.map((x) => x['argv']), [['node', '--libnetwork']]);
  }
  fail.push(...checkBigData(m, stack, kind, mode, r));
  return fail;
}
