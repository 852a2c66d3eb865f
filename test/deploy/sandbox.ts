// test/deploy: one server in a bubblewrap sandbox that looks like Ubuntu 22.04 (see
// sandbox/shim.sh for what the server sees, README.md for why). Inputs: the server's address,
// hostname, the files to place on it and the command to run; output: the exit status, the
// recorded stub calls, and the directory holding every file the run wrote (overlay upper layers).
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT } from '../support/golden.js';

/** The sandbox resources (shim, jammy identity, stub binaries and module_utils). */
export const SANDBOX_DIR = join(ROOT, 'test/deploy/sandbox');

/**
 * The modules replaced by recording stubs: every module of the pinned roles that changes the
 * system outside the files the test reads back, or reaches the network (README.md lists why).
 */
export const STUBBED_MODULES: readonly string[] = [
  'ansible.builtin.apt',
  'ansible.builtin.apt_key',
  'ansible.builtin.apt_repository',
  'ansible.builtin.pip',
  'ansible.builtin.service',
  'ansible.builtin.systemd',
  'ansible.builtin.systemd_service',
  'ansible.builtin.sysvinit',
  'ansible.builtin.get_url',
  'ansible.builtin.uri',
  'community.docker.docker_container',
  'community.docker.docker_image',
  'community.general.modprobe',
  'community.general.consul',
  'ansible.posix.sysctl',
];

/** The sandbox needs bubblewrap, ansible-core with those collections, and root or user namespaces. */
export function sandboxUnavailable(): string | undefined {
  if (spawnSync('bwrap', ['--version']).status !== 0) return 'bubblewrap is not installed (apt-get install bubblewrap)';
  if (spawnSync('ansible-playbook', ['--version']).status !== 0) return 'ansible-playbook is not installed (apt-get install ansible)';
  const probe = spawnSync('bwrap', ['--ro-bind', '/', '/', '--unshare-net', '--cap-add', 'CAP_NET_ADMIN', 'ip', 'link', 'add', 'probe0', 'type', 'bridge'], { encoding: 'utf8' });
  if (probe.status !== 0) return `bubblewrap cannot create a network namespace with an interface here: ${probe.stderr.trim()}`;
  return undefined;
}

/** Where the Python packages of ansible live (the real module files the stubs replace). */
function ansiblePaths(): { core: string; collections: string } {
  const r = spawnSync('/usr/bin/python3', ['-c', 'import ansible, ansible_collections, os; print(os.path.dirname(ansible.__file__)); print(list(ansible_collections.__path__)[0])'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`cannot locate ansible: ${r.stderr}`);
  const [core, collections] = r.stdout.trim().split('\n') as [string, string];
  return { core, collections };
}

/**
 * Writes the stub library once per run: `specs.json` (the real modules' documented options, from
 * ansible-doc), one stub file per module for ANSIBLE_LIBRARY (short names, ansible.legacy), and
 * `replace.list`, the real module files the shim overwrites in the sandbox's /usr overlay (so a
 * fully qualified `ansible.builtin.apt` is stubbed too).
 */
export function prepareStubs(dir: string): void {
  const doc = spawnSync('ansible-doc', ['--json', '-t', 'module', ...STUBBED_MODULES], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (doc.status !== 0) throw new Error(`ansible-doc failed: ${doc.stderr}`);
  const docs = JSON.parse(doc.stdout) as Record<string, { doc: Record<string, unknown> }>;
  const specs: Record<string, unknown> = {};
  const { core, collections } = ansiblePaths();
  const replace: string[] = [];
  mkdirSync(join(dir, 'library'), { recursive: true });
  mkdirSync(join(dir, 'module_utils'), { recursive: true });
  for (const fqcn of STUBBED_MODULES) {
    const d = docs[fqcn];
    if (d === undefined) throw new Error(`ansible-doc knows no module ${fqcn}`);
    specs[fqcn] = { options: d.doc['options'] ?? {} };
    const parts = fqcn.split('.');
    const short = parts[2]!;
    writeFileSync(join(dir, 'library', `${short}.py`), [
      '#!/usr/bin/python3',
      `# test/deploy recording stub of ${fqcn} (test/deploy/sandbox/module_utils/clusterc_stub.py)`,
      'from ansible.module_utils.clusterc_stub import main',
      "if __name__ == '__main__':",
      `    main(${JSON.stringify(fqcn)})`,
      '',
    ].join('\n'));
    replace.push(parts[0] === 'ansible' && parts[1] === 'builtin'
      ? join(core, 'modules', `${short}.py`)
      : join(collections, parts[0]!, parts[1]!, 'plugins', 'modules', `${short}.py`));
  }
  writeFileSync(join(dir, 'specs.json'), JSON.stringify(specs));
  writeFileSync(join(dir, 'replace.list'), replace.join('\n') + '\n');
  cpSync(join(SANDBOX_DIR, 'module_utils', 'clusterc_stub.py'), join(dir, 'module_utils', 'clusterc_stub.py'));
}

/** One server to run. */
export interface ServerRun {
  readonly hostname: string;
  readonly address: string;
  readonly prefix: number;
  readonly gateway: string;
  /** Files placed on the server before it boots, by absolute path (under /etc, /usr, /var or /opt). */
  readonly files: Readonly<Record<string, { text: string; mode?: number }>>;
  /** The command (inside the sandbox) that boots it. */
  readonly command: readonly string[];
}

/** What one server's run left. */
export interface ServerResult {
  readonly status: number | null;
  readonly output: string;
  /** Every stub call, in order (modules: {module, args, ...}; binaries: {binary, argv}). */
  readonly records: readonly Record<string, unknown>[];
  /** Reads a file as the server left it (undefined when the run did not write it). */
  read(path: string): string | undefined;
  /** Removes the run's directory. */
  dispose(): void;
}

const CAPS = ['CAP_SYS_ADMIN', 'CAP_NET_ADMIN', 'CAP_CHOWN', 'CAP_DAC_OVERRIDE', 'CAP_DAC_READ_SEARCH', 'CAP_FOWNER', 'CAP_FSETID',
  'CAP_KILL', 'CAP_SETGID', 'CAP_SETUID', 'CAP_SETPCAP', 'CAP_NET_BIND_SERVICE', 'CAP_AUDIT_WRITE', 'CAP_SYS_CHROOT', 'CAP_SETFCAP'];

/** Runs one server in its own sandbox; `stubs` is a prepareStubs dir, `roles` the role checkouts. */
export function runServer(s: ServerRun, stubs: string, roles: string): Promise<ServerResult> {
  const ctl = mkdtempSync(join(tmpdir(), 'clusterc-deploy-'));
  for (const d of ['etc', 'usr', 'var', 'opt']) {
    mkdirSync(join(ctl, 'upper', d), { recursive: true });
    mkdirSync(join(ctl, 'work', d), { recursive: true });
  }
  for (const d of ['root', 'home', 'srv', 'mnt', 'tmp']) mkdirSync(join(ctl, 'fresh', d), { recursive: true });
  for (const d of ['bin', 'etc', 'games', 'include', 'lib', 'sbin', 'share', 'src']) mkdirSync(join(ctl, 'fresh', 'usr/local', d), { recursive: true });
  chmodSync(join(ctl, 'fresh', 'tmp'), 0o1777);
  for (const d of ['stubs', 'sandbox', 'roles', 'state']) mkdirSync(join(ctl, d));
  for (const [path, f] of Object.entries(s.files)) {
    const top = path.split('/')[1]!;
    if (!['etc', 'usr', 'var', 'opt'].includes(top)) throw new Error(`cannot place ${path}: not under an overlay`);
    const target = join(ctl, 'upper', path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, f.text, { mode: f.mode ?? 0o600 });
  }
  writeFileSync(join(ctl, 'records'), '');
  writeFileSync(join(ctl, 'server.env'), [
    `CLUSTERC_ADDR=${s.address}`,
    `CLUSTERC_PREFIX=${s.prefix}`,
    `CLUSTERC_GATEWAY=${s.gateway}`,
    `CLUSTERC_HOSTNAME=${s.hostname}`,
    '',
  ].join('\n'));
  const C = '/run/clusterc-sandbox';
  const args = [
    '--ro-bind', '/', '/',
    '--tmpfs', '/run',
    '--bind', ctl, C,
    '--ro-bind', stubs, `${C}/stubs`,
    '--ro-bind', SANDBOX_DIR, `${C}/sandbox`,
    '--ro-bind', roles, `${C}/roles`,
    '--proc', '/proc',
    '--dev', '/dev',
    '--unshare-net', '--unshare-pid', '--unshare-ipc', '--unshare-uts',
    '--hostname', s.hostname,
    '--die-with-parent', '--new-session',
    ...CAPS.flatMap((c) => ['--cap-add', c]),
    '/bin/bash', `${C}/sandbox/shim.sh`, ...s.command,
  ];
  return new Promise((resolve) => {
    const child = spawn('bwrap', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => chunks.push(b));
    child.stderr.on('data', (b: Buffer) => chunks.push(b));
    child.on('close', (status) => {
      const text = readFileSync(join(ctl, 'records'), 'utf8');
      const records = text.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Record<string, unknown>);
      resolve({
        status,
        output: Buffer.concat(chunks).toString('utf8'),
        records,
        read: (path) => readBack(ctl, path),
        dispose: () => rmSync(ctl, { recursive: true, force: true }),
      });
    });
  });
}

/** A file as the run left it: the overlay's upper layer, or the fresh directories. */
function readBack(ctl: string, path: string): string | undefined {
  const top = path.split('/')[1]!;
  const fresh = path.startsWith('/usr/local/') ? join(ctl, 'fresh', path) : join(ctl, 'fresh', path);
  const candidates = ['etc', 'usr', 'var', 'opt'].includes(top) && !path.startsWith('/usr/local/') ? [join(ctl, 'upper', path)] : [fresh];
  for (const c of candidates) if (existsSync(c)) return readFileSync(c, 'utf8');
  return undefined;
}
