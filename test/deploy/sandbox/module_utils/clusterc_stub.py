# test/deploy recording stub of the Ansible modules that change the system or reach the
# network (apt, pip, service, docker_container, get_url, uri, ...). Each stubbed module file is
# two lines that call main(<name>). main() validates the task's arguments against the REAL
# module's documented options (from `ansible-doc --json`, computed outside the sandbox, so an
# option the real module no longer has fails here exactly as there: "Unsupported parameters"),
# applies the few semantic checks the real module makes before it touches anything, appends the
# call (module and converted arguments) to the records file as one JSON line, and returns a
# plausible result. State shared between calls (installed packages, pip packages) lives in the
# sandbox's state dir, so e.g. `pip` fails like the real module when no pip was installed.
import io
import json
import os
import re
import tarfile
import time

from ansible.module_utils.basic import AnsibleModule

RECORDS = os.environ.get('CLUSTERC_STUB_RECORDS', '/run/clusterc-sandbox/records')
STATE = os.environ.get('CLUSTERC_STUB_STATE', '/run/clusterc-sandbox/state')
SPECS = os.environ.get('CLUSTERC_STUB_SPECS', '/run/clusterc-sandbox/stubs/specs.json')

# Download hosts that no longer serve what the roles ask for (a real boot gets an error there).
DEAD_HOSTS = {
    'dl.bintray.com': 'JFrog shut Bintray down in May 2021',
}
# Download paths that no longer serve the file the roles ask for, though the host is up.
DEAD_PATHS = [
    (re.compile(r'/stable2/+hadoop-2\.7\.4\.tar\.gz$'),
     'the Apache mirrors carry only current releases (stable2 is Hadoop 2.10); 2.7.4 (2017) is only on archive.apache.org'),
]
# apt sources without packages for the sandbox's release.
MISSING_SUITES = {
    'repos.mesosphere.com': ('jammy', 'the Mesosphere apt repository has no Ubuntu 22.04 (jammy) suite'),
}


def _spec(options):
    out = {}
    for name, o in (options or {}).items():
        s = {}
        for k in ('type', 'elements', 'aliases', 'choices', 'required', 'no_log'):
            if k in o:
                s[k] = o[k]
        if 'password' in name or 'token' in name:
            # the real modules mark these no_log in their argument_spec (not in their docs)
            s['no_log'] = True
        if s.get('type') == 'list' and 'elements' not in s:
            s['elements'] = 'raw'
        if 'suboptions' in o:
            s['options'] = _spec(o['suboptions'])
        out[name] = s
    return out


def _load(name):
    try:
        with open(os.path.join(STATE, name + '.json')) as f:
            return json.load(f)
    except (IOError, ValueError):
        return []


def _save(name, items):
    os.makedirs(STATE, exist_ok=True)
    with open(os.path.join(STATE, name + '.json'), 'w') as f:
        json.dump(sorted(set(items)), f)


def _record(entry):
    os.makedirs(os.path.dirname(RECORDS), exist_ok=True)
    with open(RECORDS, 'a') as f:
        f.write(json.dumps(entry, sort_keys=True, default=str) + '\n')


def _host(url):
    rest = url.split('://', 1)[-1]
    return rest.split('/', 1)[0].split('@')[-1].split(':')[0]


def main(fqcn):
    with open(SPECS) as f:
        doc = json.load(f)[fqcn]
    module = AnsibleModule(argument_spec=_spec(doc.get('options')), supports_check_mode=True)
    args = dict((k, v) for k, v in module.params.items() if v is not None)
    short = fqcn.split('.')[-1]
    entry = {'module': short, 'fqcn': fqcn, 'args': args, 'time': time.time()}
    result = {'changed': True}
    try:
        result.update(_behave(module, short, args, entry) or {})
    except _Fail as e:
        entry['failed'] = str(e)
        _record(entry)
        module.fail_json(msg=str(e))
    _record(entry)
    module.exit_json(**result)


class _Fail(Exception):
    pass


def _names(args):
    names = args.get('name') or []
    if not isinstance(names, list):
        names = [names]
    return [n for n in names if n]


def _behave(module, short, args, entry):
    if short in ('apt', 'package'):
        pkgs = _names(args)
        if args.get('deb'):
            pkgs.append(os.path.basename(args['deb']).split('_')[0])
        _save('packages', _load('packages') + [p.split('=')[0] for p in pkgs])
        for p in pkgs:
            _package_files(p.split('=')[0])
        return {'cache_updated': bool(args.get('update_cache')), 'stdout': '', 'stderr': ''}
    if short == 'apt_repository':
        repo = args.get('repo', '')
        for host, (suite, why) in MISSING_SUITES.items():
            if host in repo and (' %s ' % suite) in repo + ' ':
                entry['unavailable'] = why
        return {'repo': repo, 'state': args.get('state', 'present')}
    if short == 'pip':
        have = _load('packages')
        if not args.get('executable') and not args.get('virtualenv') and 'python3-pip' not in have:
            raise _Fail('Unable to find any of pip3 to use.  pip needs to be installed.')
        _save('pip', _load('pip') + _names(args))
        return {'cmd': ['pip3', 'install'] + _names(args), 'name': _names(args)}
    if short == 'consul':
        if not ({'python-consul', 'python3-consul'} & set(_load('pip') + _load('packages'))):
            raise _Fail('python-consul required for this module. see https://python-consul.readthedocs.io/en/latest/#installation')
        return {'service_id': args.get('service_id') or args.get('service_name')}
    if short == 'docker_container':
        for k, v in (args.get('env') or {}).items():
            # community.docker: "Non-string value found for env option. Ambiguous env options
            # must be wrapped in quotes to avoid them being interpreted."
            if not isinstance(v, str):
                raise _Fail('Non-string value found for env option. Ambiguous env options must be wrapped in quotes to avoid them being interpreted. Key: %s' % k)
        return {'container': {'Id': '0' * 64, 'Name': '/' + args.get('name', ''), 'State': {'Running': True, 'Status': 'running'}}}
    if short == 'get_url':
        url = args.get('url', '')
        if _host(url) in DEAD_HOSTS:
            entry['unavailable'] = '%s: %s' % (_host(url), DEAD_HOSTS[_host(url)])
        for pattern, why in DEAD_PATHS:
            if pattern.search(url):
                entry['unavailable'] = '%s: %s' % (url, why)
        dest = args.get('dest', '')
        if os.path.isdir(dest):
            dest = os.path.join(dest, os.path.basename(url))
        if not _archive(dest, url):
            _placeholder(dest, url, args.get('mode'))
        return {'dest': dest, 'url': url, 'status_code': 200, 'msg': 'OK (stub)'}
    if short == 'uri':
        return {'status': 200, 'url': args.get('url'), 'json': {}, 'msg': 'OK (stub)', 'redirected': False}
    if short in ('service', 'systemd', 'systemd_service', 'sysvinit'):
        return {'name': args.get('name'), 'state': args.get('state'), 'enabled': args.get('enabled'), 'status': {}}
    if short == 'sysctl':
        return {}
    return {}


def _placeholder(dest, url, mode):
    """What a download leaves: an executable that records its runs, or placeholder bytes."""
    if not dest:
        return
    os.makedirs(os.path.dirname(dest) or '/', exist_ok=True)
    bits = _mode_bits(mode)
    executable = bits is not None and bits & 0o111
    with open(dest, 'w') as f:
        if executable:
            f.write('#!/bin/sh\n# clusterc stub of %s\n' % url)
            f.write('python3 -c \'import json, sys; open(sys.argv[1], "a").write(json.dumps({"binary": sys.argv[2], "argv": sys.argv[3:]}) + "\\n")\' '
                    '"%s" "%s" "$@"\n' % (RECORDS, dest))
        else:
            f.write('clusterc stub download of %s\n' % url)
    if bits is not None:
        os.chmod(dest, bits)


def _recorder(name):
    """A shell script that records its runs (binary name and argv) in the records file."""
    return ('#!/bin/sh\n# clusterc stub of %s\n' % name +
            'python3 -c \'import json, sys; open(sys.argv[1], "a").write(json.dumps({"binary": sys.argv[2], "argv": sys.argv[3:]}) + "\\n")\' '
            '"%s" "%s" "$@"\n' % (RECORDS, name))


# Release tarballs the roles unpack and then use: the files of the real distribution the role
# edits or runs, the programs as recorders (they would start Java daemons). Hadoop 2.x binary
# release layout: hadoop-<v>/{bin/hdfs, bin/yarn, sbin/*-daemon.sh, etc/hadoop/hadoop-env.sh}.
ARCHIVES = [
    (re.compile(r'/(hadoop-(\d[\w.]*))\.tar\.gz$'), lambda top: {
        top + '/etc/hadoop/hadoop-env.sh': (0o644, '# The java implementation to use.\nexport JAVA_HOME=${JAVA_HOME}\n'),
        top + '/etc/hadoop/core-site.xml': (0o644, '<?xml version="1.0"?>\n<configuration>\n</configuration>\n'),
        top + '/bin/hdfs': (0o755, _recorder('/opt/' + top + '/bin/hdfs')),
        top + '/bin/yarn': (0o755, _recorder('/opt/' + top + '/bin/yarn')),
        top + '/sbin/hadoop-daemon.sh': (0o755, _recorder('/opt/' + top + '/sbin/hadoop-daemon.sh')),
        top + '/sbin/yarn-daemon.sh': (0o755, _recorder('/opt/' + top + '/sbin/yarn-daemon.sh')),
    }),
]


def _archive(dest, url):
    """A download of a release tarball leaves a tarball of its layout (ARCHIVES); False if none."""
    for pattern, layout in ARCHIVES:
        m = pattern.search(url)
        if not m or not dest:
            continue
        os.makedirs(os.path.dirname(dest) or '/', exist_ok=True)
        with tarfile.open(dest, 'w:gz') as tar:
            for path, (mode, text) in sorted(layout(m.group(1)).items()):
                data = text.encode('utf-8')
                info = tarfile.TarInfo(path)
                info.size, info.mode, info.mtime = len(data), mode, 0
                tar.addfile(info, io.BytesIO(data))
        return True
    return False


def _mode_bits(mode):
    """get_url's raw `mode`: an int is the bits (YAML 0755), a string of digits octal."""
    if isinstance(mode, int):
        return mode
    if isinstance(mode, str) and mode.isdigit():
        return int(mode, 8)
    return None


# Files a package leaves that the roles edit in place afterwards (lineinfile without create).
PACKAGE_FILES = {
    'dnsmasq': {'/etc/dnsmasq.conf': '# Configuration file for dnsmasq (stub of the package default, all commented out)\n#listen-address=\n',
                '/etc/dnsmasq.d/README': '# files in this directory are read by dnsmasq\n'},
    # indigo-dc.hadoop finds JAVA_HOME by this directory (tasks/install.yml with_first_found)
    'openjdk-8-jre': {'/usr/lib/jvm/java-8-openjdk-amd64/jre/lib/amd64/jvm.cfg': '# stub of the package file\n-server KNOWN\n'},
    'docker-ce': {'/etc/default/docker': '# Docker Upstart and SysVinit configuration file (stub of the package default)\n#DOCKER_OPTS="--dns 8.8.8.8 --dns 8.8.4.4"\n'},
}


def _package_files(pkg):
    for path, text in PACKAGE_FILES.get(pkg, {}).items():
        if not os.path.exists(path):
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, 'w') as f:
                f.write(text)
