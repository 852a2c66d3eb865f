// HOT bootstrap: the compatibility fixes applied to the installed indigo-dc roles right after
// `ansible-galaxy role install`, before the play runs (both modes). The pinned roles were written
// for Ansible 2.0-2.9 on Ubuntu 14.04/16.04; the bootstrap runs them with ansible-core >= 2.14 on
// Ubuntu 22.04. Each fix is an exact text replacement in one role file, citing the lines it fixes;
// the program refuses to run (exit 1, naming the role, file and fix) when a target text does not
// occur exactly as often as expected, so a moved pin fails loudly instead of silently doing nothing.
// Invariant: the program text holds no spec value (only the static fixes below).
import type { RoleId } from '../../../roles/index.js';

/** One exact-text fix of one role file. */
export interface CompatFix {
  /** Stable id, printed when applied and recorded in the role's `.clusterc-compat` stamp. */
  readonly id: string;
  readonly role: RoleId;
  /** Path inside the role. */
  readonly file: string;
  /** The lines of that file (at the pinned commit) the fix replaces. */
  readonly lines: string;
  /** What fails without it, and why the replacement is equivalent. */
  readonly why: string;
  /** The exact text replaced... */
  readonly find: string;
  /** ...by this. */
  readonly replace: string;
  /** How often `find` occurs in the file at the pinned commit (every occurrence is replaced). */
  readonly count: number;
}

/** The fixes, in the order they are applied. Documented in src/emit/hot/QUIRKS.md. */
export const COMPAT_FIXES: readonly CompatFix[] = [
  {
    id: 'zookeeper-uri-headers',
    role: 'zookeeper',
    file: 'tasks/main.yml',
    lines: '20',
    why: 'the `uri` task (lines 15-28) passes `HEADER_Content-Type`, an option removed from Ansible (ansible-core 2.14: "Unsupported parameters for uri module"); `headers:` sends the same header',
    find: '     HEADER_Content-Type: "application/json"\n',
    replace: '     headers:\n       Content-Type: "application/json"\n',
    count: 1,
  },
  {
    id: 'marathon-uri-headers',
    role: 'marathon',
    file: 'tasks/main.yml',
    lines: '65',
    why: 'the `uri` task (lines 60-75) passes `HEADER_Content-Type`, removed from Ansible; `headers:` sends the same header',
    find: '     HEADER_Content-Type: "application/json"\n',
    replace: '     headers:\n       Content-Type: "application/json"\n',
    count: 1,
  },
  {
    id: 'consul-handler-netplan',
    role: 'consul',
    file: 'handlers/main.yml',
    lines: '9',
    why: '`restart network service` runs ifdown/ifup, which netplan images (Ubuntu 18.04+) do not have: the handler fails on every host. It now restarts ifupdown networking only where ifupdown manages it; on netplan images dhclient.conf is not used, so there is nothing to restart',
    find: '  shell: "ifdown --exclude=lo -a; sleep 1; ifup --exclude=lo -a"\n',
    replace: '  shell: "if command -v ifdown >/dev/null 2>&1 && [ -e /etc/network/interfaces ]; then ifdown --exclude=lo -a; sleep 1; ifup --exclude=lo -a; fi"\n',
    count: 1,
  },
  {
    id: 'consul-python-consul-apt',
    role: 'consul',
    file: 'tasks/consul.yml',
    lines: '2',
    why: '`pip: python-consul` needs a pip nothing installs (and a PEP 668 Python refuses it); Ubuntu packages the library as python3-consul, which the consul role and marathon-lb\'s `consul:` task (community.general.consul) import',
    find: '  pip:  name=python-consul  state=present\n',
    replace: '  apt:  name=python3-consul  state=present\n',
    count: 1,
  },
  {
    id: 'consul-include',
    role: 'consul',
    file: 'tasks/main.yml',
    lines: '9-10',
    why: '`include:` was removed in ansible-core 2.16; `import_tasks:` is the static include it behaved as',
    find: '- include: ',
    replace: '- import_tasks: ',
    count: 2,
  },
  {
    id: 'mesos-include',
    role: 'mesos',
    file: 'tasks/main.yml',
    lines: '19, 22',
    why: '`include:` was removed in ansible-core 2.16; `import_tasks:` keeps the `when:` on every imported task',
    find: '- include: ',
    replace: '- import_tasks: ',
    count: 2,
  },
  {
    id: 'mesos-slave-include',
    role: 'mesos',
    file: 'tasks/slave.yml',
    lines: '89, 92',
    why: '`include:` was removed in ansible-core 2.16',
    find: '- include: ',
    replace: '- import_tasks: ',
    count: 2,
  },
  {
    id: 'mesos-isolation-list',
    role: 'mesos',
    file: 'tasks/slave.yml',
    lines: '67',
    why: 'appends to the isolator list by text (`"{{mesos_isolation}} + [...]"`), which old Ansible evaluated as a list expression; ansible-core 2.14 keeps the string, so templates/mesos-slave-env.j2:18 joins its characters (`MESOS_ISOLATION=[,], ,+, ,[,...`) and the agent gets no DVDI isolator. The addition now happens inside the expression',
    find: `         mesos_isolation: "{{mesos_isolation}} + ['com_emccode_mesos_DockerVolumeDriverIsolator']"\n`,
    replace: `         mesos_isolation: "{{ mesos_isolation + ['com_emccode_mesos_DockerVolumeDriverIsolator'] }}"\n`,
    count: 1,
  },
  {
    id: 'mesos-gpu-isolation-list',
    role: 'mesos',
    file: 'tasks/slave.yml',
    lines: '76',
    why: 'the same text concatenation for the GPU isolators (reached with mesos_enable_gpu_support on a host with nvidia-smi)',
    find: `        mesos_isolation: "{{mesos_isolation}} + ['docker/runtime','filesystem/linux','cgroups/devices','gpu/nvidia']"\n`,
    replace: `        mesos_isolation: "{{ mesos_isolation + ['docker/runtime','filesystem/linux','cgroups/devices','gpu/nvidia'] }}"\n`,
    count: 1,
  },
  {
    id: 'marathon-include',
    role: 'marathon',
    file: 'tasks/main.yml',
    lines: '14, 31',
    why: '`include:` was removed in ansible-core 2.16; `import_tasks:` keeps the task `vars:` (key passwords) on every imported task',
    find: '  include: ',
    replace: '  import_tasks: ',
    count: 2,
  },
  {
    id: 'marathon-consul-check-quoting',
    role: 'marathon',
    file: 'templates/marathon-service.json',
    lines: '9',
    why: 'the Consul health check is a shell script (Consul runs it with `sh -c` every 10 s) into which the username and password are inserted raw, inside a JSON string the `uri` task sends: a quote breaks the registration JSON (Consul answers 400 and the play fails after its retries), a space splits the credentials, and `$(...)` or `;` runs as shell code in the consul container. The script is now built with the credentials shell-quoted (`quote`) and written as one JSON string (`to_json`, ASCII), so any value reaches curl as one argument',
    find: '     "script": "curl -k -u {{marathon_username}}:{{marathon_password}} {{marathon_protocol}}://{{marathon_hostname}}:{{marathon_service_port}}",\n',
    replace: '     "script": {{ ("curl -k -u " ~ ((marathon_username ~ ":" ~ marathon_password) | quote) ~ " " ~ marathon_protocol ~ "://" ~ marathon_hostname ~ ":" ~ (marathon_service_port | string)) | to_json }},\n',
    count: 1,
  },
  {
    id: 'marathon-own-ca',
    role: 'marathon',
    file: 'tasks/enable_ssl.yml',
    lines: '4-7',
    why: 'the role signs Marathon\'s TLS certificate with files/rootCA.crt and files/rootCA.key, a CA whose private key is published in the role repository, and installs that CA into the host\'s trusted anchors: anyone could forge a certificate Marathon\'s clients accept, or one the host itself trusts for any name. Each master now generates its own CA (RSA 3072, in /etc/marathon/ca, root only) and trusts that one instead',
    find: '- name: Install rootCA certificate\n  copy: src=rootCA.crt dest={{ trust_anchor_root_dir }}/rootCA.crt\n  notify:\n    - update root trust anchor\n',
    replace: [
      '- name: Directory of this host\'s own root CA (clusterc; root only)',
      '  file: state=directory path=/etc/marathon/ca owner=root group=root mode=0700',
      '',
      '- name: Generate this host\'s own root CA (clusterc; the role\'s files/rootCA.key is published)',
      '  command: openssl req -x509 -newkey rsa:3072 -nodes -sha256 -days 3650 -subj "/CN=clusterc Marathon CA" -keyout /etc/marathon/ca/rootCA.key -out /etc/marathon/ca/rootCA.crt',
      '  args:',
      '    creates: /etc/marathon/ca/rootCA.key',
      '',
      '- name: Install rootCA certificate',
      '  copy: src=/etc/marathon/ca/rootCA.crt remote_src=yes dest={{ trust_anchor_root_dir }}/rootCA.crt mode=0644',
      '  notify:',
      '    - update root trust anchor',
      '',
    ].join('\n'),
    count: 1,
  },
  {
    id: 'marathon-own-ca-no-copy',
    role: 'marathon',
    file: 'tasks/enable_ssl.yml',
    lines: '12-16',
    why: 'copies the published CA and its key to /tmp (mode 0644: the key readable by every local user); with the host\'s own CA (marathon-own-ca) the key stays in /etc/marathon/ca and nothing is copied',
    find: '- name: Copy root CA key and crt\n  copy: src={{item}} dest=/tmp/{{item}}\n  with_items:\n   - rootCA.crt\n   - rootCA.key\n\n',
    replace: '',
    count: 1,
  },
  {
    id: 'marathon-own-ca-sign',
    role: 'marathon',
    file: 'tasks/enable_ssl.yml',
    lines: '29',
    why: 'signs with the /tmp copies of the published CA; now with the host\'s own CA',
    find: '-CA /tmp/rootCA.crt -CAkey /tmp/rootCA.key ',
    replace: '-CA /etc/marathon/ca/rootCA.crt -CAkey /etc/marathon/ca/rootCA.key ',
    count: 1,
  },
  {
    id: 'chronos-include',
    role: 'chronos',
    file: 'tasks/main.yml',
    lines: '9, 25',
    why: '`include:` was removed in ansible-core 2.16',
    find: '  include: ',
    replace: '  import_tasks: ',
    count: 2,
  },
  {
    id: 'calico-handler-name',
    role: 'calico',
    file: 'tasks/main.yml',
    lines: '16',
    why: 'notifies `restart docker`; the handler of indigo-dc.docker is `Restart docker` (handlers/main.yml:17) and handler names are case-sensitive, so the play stops ("handler not found")',
    find: '    - restart docker\n',
    replace: '    - Restart docker\n',
    count: 1,
  },  {
    id: 'mesos-agent-packages',
    role: 'mesos',
    file: 'tasks/slave.yml',
    lines: '23-40',
    why: 'the agent adds the repos.mesosphere.com apt source for `{{ ansible_distribution_release }}` and installs `mesos=1.5.0-2.0.1` from it, but that repository has no jammy suite (apt update fails), and python-setuptools/python-dev are Python 2 packages Ubuntu 22.04 no longer has. The agent runs as the role\'s own `mesos_slave_image` container instead (fix mesos-agent-container), as the role did up to 1.0.0; only the tools are installed',
    find: "- name: Add apt-key\n  apt_key: id=E56151BF keyserver=keyserver.ubuntu.com state=present\n  when: ansible_distribution == 'Ubuntu'\n\n- name: Add mesosphere repo\n  apt_repository: repo='deb {{ mesosphere_apt_url }} {{ ansible_distribution_release | lower }} main' state=present update_cache=yes\n  when: ansible_distribution == 'Ubuntu'\n\n- name: Install Debian OS packages\n  apt: pkg={{ item }} state=present update_cache=yes cache_valid_time=3600\n  with_items:\n    - wget\n    - curl\n    - unzip\n    - python-setuptools\n    - python-dev\n    - \"{{ mesos_apt_package }}\"\n  when: ansible_distribution == 'Ubuntu'\n",
    replace: "- name: Install Debian OS packages (clusterc mesos-agent-packages; Mesos runs in the mesos_slave_image container)\n  apt: pkg={{ item }} state=present update_cache=yes cache_valid_time=3600\n  with_items:\n    - wget\n    - curl\n    - unzip\n  when: ansible_distribution == 'Ubuntu'\n",
    count: 1,
  },
  {
    id: 'mesos-agent-container',
    role: 'mesos',
    file: 'tasks/slave.yml',
    lines: '130',
    why: 'with no Mesos package (fix mesos-agent-packages) the agent runs as the `mesos_slave_image` container (defaults/main.yml:27, indigodatacloud/mesos-slave:1.5.0) with the settings templates/mesos-slave-env.j2 writes to /etc/default/mesos, the docker socket and cgroups of the host (as the role\'s commented-out container task above, and the image\'s documented `docker run`)',
    find: "#  when: mesos_enable_dvdi_mod == 'yes'\n",
    replace: "#  when: mesos_enable_dvdi_mod == 'yes'\n\n- name: run mesos-slave container (clusterc mesos-agent-container)\n  docker_container:\n    name: mesos-slave\n    image: \"{{ mesos_slave_image }}\"\n    state: started\n    detach: true\n    restart_policy: always\n    network_mode: host\n    pid_mode: host\n    privileged: true\n    volumes:\n    - /sys/fs/cgroup:/sys/fs/cgroup\n    - /var/run/docker.sock:/var/run/docker.sock\n    - \"{{ mesos_slave_work_dir }}:{{ mesos_slave_work_dir }}\"\n    - \"{{ mesos_log_dir }}:{{ mesos_log_dir }}\"\n    env: \"{{ {'MESOS_MASTER': 'zk://' ~ zookeeper_peers_nodes ~ '/mesos', 'MESOS_EXECUTOR_REGISTRATION_TIMEOUT': mesos_executor_registration_timeout, 'MESOS_CONTAINERIZERS': mesos_containerizers, 'MESOS_LOG_DIR': mesos_log_dir, 'MESOS_IP': mesos_ip, 'MESOS_HOSTNAME': mesos_ip, 'MESOS_WORK_DIR': mesos_slave_work_dir, 'MESOS_PORT': mesos_slave_port | string, 'MESOS_SYSTEMD_ENABLE_SUPPORT': 'false', 'MESOS_DOCKER_MESOS_IMAGE': mesos_slave_image} | combine({'MESOS_ISOLATION': mesos_isolation | join(',')} if mesos_isolation else {}) | combine({'MESOS_IMAGE_PROVIDERS': 'docker'} if mesos_enable_gpu_support == true else {}) }}\"\n  tags:\n    - mesos-slave\n",
    count: 1,
  },
  {
    id: 'mesos-agent-handler',
    role: 'mesos',
    file: 'handlers/main.yml',
    lines: '3',
    why: 'the handler restarts the `mesos-slave` service of the Mesos package, which no longer exists (fix mesos-agent-packages): it restarts the agent container instead',
    find: '  service: name=mesos-slave enabled=true state=restarted\n',
    replace: '  docker_container: name=mesos-slave image="{{ mesos_slave_image }}" state=started restart=true\n',
    count: 1,
  },
  {
    id: 'consul-datacenter-domain',
    role: 'consul',
    file: 'tasks/consul.yml',
    lines: '26, 51, 75',
    why: 'no task reads `consul_dc`, and a non-default `consul_domain` points dnsmasq at Consul (templates/10-consul.j2) while Consul serves only `consul.`: the three container command lines now pass `-dc` and `-domain` (progrium/consul hands its arguments to `consul agent`). The model refuses datacenter and domain values that would not survive the command line (CS2064)',
    find: ' -ui-dir /ui\n',
    replace: ' -dc "{{ consul_dc }}" -domain "{{ consul_domain }}" -ui-dir /ui\n',
    count: 3,
  },
  {
    id: 'mesos-credentials-json',
    role: 'mesos',
    file: 'templates/mesos-credentials.j2',
    lines: '1',
    why: 'the text credentials file is `principal secret` on one line, which Mesos splits on whitespace: a password with a space (or a newline) breaks HTTP authentication. Mesos also reads a JSON credentials file (`{"credentials": [{"principal": ..., "secret": ...}]}`, --credentials), which carries any string',
    find: '{{mesos_username}} {{mesos_password}}',
    replace: "{{ {'credentials': [{'principal': mesos_username, 'secret': mesos_password}]} | to_json }}",
    count: 1,
  },

];

/** The fixes for the roles a host installs (Galaxy names such as `indigo-dc.consul`). */
export function fixesFor(installed: readonly string[]): CompatFix[] {
  return COMPAT_FIXES.filter((f) => installed.includes(`indigo-dc.${f.role}`));
}

/**
 * The Python 3 program (standard library only) the bootstrap runs as `python3 compat.py
 * <roles dir>`: checks every fix's target text first (all or nothing), then applies them and
 * stamps each role with the ids applied, so a second run (same install) skips them.
 */
export function compatProgram(installed: readonly string[]): string {
  const fixes = fixesFor(installed).map((f) => ({
    id: f.id,
    role: `indigo-dc.${f.role}`,
    file: f.file,
    lines: f.lines,
    find: f.find,
    replace: f.replace,
    count: f.count,
  }));
  // A JSON string of pure ASCII is also a Python string literal with the same value.
  const data = JSON.stringify(JSON.stringify(fixes)).replace(/[^\x20-\x7e]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
  return [
    '# clusterc: compatibility fixes of the pinned indigo-dc roles for ansible-core >= 2.14 on',
    '# Ubuntu 22.04 (src/emit/hot/bootstrap/compat.ts, src/emit/hot/QUIRKS.md).',
    'import json, os, sys',
    `FIXES = json.loads(${data})`,
    'root = sys.argv[1]',
    'def stamp_of(role):',
    "    return os.path.join(root, role, '.clusterc-compat')",
    'def applied(role):',
    '    try:',
    '        with open(stamp_of(role)) as f:',
    '            return f.read().split()',
    '    except OSError:',
    '        return []',
    'todo, errors = [], []',
    'for fx in FIXES:',
    "    if fx['id'] in applied(fx['role']):",
    '        continue',
    "    path = os.path.join(root, fx['role'], fx['file'])",
    '    try:',
    "        with open(path, encoding='utf-8') as f:",
    '            text = f.read()',
    '    except OSError as e:',
    "        errors.append('%s %s: cannot read it for fix %s: %s' % (fx['role'], fx['file'], fx['id'], e))",
    '        continue',
    "    found = text.count(fx['find'])",
    "    if found != fx['count']:",
    "        errors.append('%s %s: fix %s (lines %s) expects its target text %d time(s) but finds it %d time(s); the pinned role changed, review the fix' % (fx['role'], fx['file'], fx['id'], fx['lines'], fx['count'], found))",
    '        continue',
    '    todo.append((fx, path))',
    'if errors:',
    '    for e in errors:',
    "        print('clusterc compat: ' + e, file=sys.stderr)",
    '    sys.exit(1)',
    'for fx, path in todo:',
    "    with open(path, encoding='utf-8') as f:",
    '        text = f.read()',
    "    with open(path + '.clusterc-tmp', 'w', encoding='utf-8') as f:",
    "        f.write(text.replace(fx['find'], fx['replace']))",
    "    os.replace(path + '.clusterc-tmp', path)",
    "    with open(stamp_of(fx['role']), 'a') as f:",
    "        f.write(fx['id'] + '\\n')",
    "    print('clusterc compat: %s %s lines %s: %s' % (fx['role'], fx['file'], fx['lines'], fx['id']))",
    '',
  ].join('\n');
}
