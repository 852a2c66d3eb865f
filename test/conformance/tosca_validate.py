#!/usr/bin/python3
"""Validate TOSCA files with the OpenStack tosca-parser (Debian python3-tosca-parser).

Usage: python3 tosca_validate.py [--shared DIR] [--map URL=PATH]... FILE...

Prints one JSON object per file (one per line) on stdout:
  {"file", "ok", "errors": [...], "warnings": [...],
   "nodetemplates": [{"name", "type", "requirements": [...]}], "inputs": [...], "outputs": [...]}
Exit status: 0 every file has zero errors, 1 some file has errors, 2 usage/setup problem.

Debian's package lacks tosca-parser's YAML data files (elements/, extensions/). They are taken
from SHARED/upstream/tosca-parser/ and overlaid on a PRIVATE copy of the package, cached under
the system temp dir keyed by a checksum of the package and the overlay; /usr/lib is never touched.

URL imports never reach the network: each URL must be mapped to a local file (--map URL=PATH);
an unmapped URL is a validation error.
"""

import argparse
import hashlib
import io
import json
import logging
import os
import shutil
import sys
import tempfile
import traceback
import contextlib

HERE = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(os.path.dirname(HERE))
SYSTEM_PKG = '/usr/lib/python3/dist-packages/toscaparser'
OVERLAY_DIRS = ('elements', 'extensions')

INDIGO_TYPES_URLS = [
    'https://raw.githubusercontent.com/indigo-dc/tosca-types/'
    '40fa4d6023fd2c4492a9a784a29c83ba759ce8a6/custom_types.yaml',
    'https://raw.githubusercontent.com/indigo-dc/tosca-types/master/custom_types.yaml',
    'https://raw.githubusercontent.com/indigo-dc/tosca-types/devel/custom_types.yaml',
]
INDIGO_TYPES_LOCAL = os.path.join('upstream', 'tosca-types', 'custom_types.yaml')


class SetupError(Exception):
    pass


def _tree_digest(h, root, rel_prefix):
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d != '__pycache__')
        for fn in sorted(filenames):
            if fn.endswith('.pyc'):
                continue
            p = os.path.join(dirpath, fn)
            h.update((rel_prefix + os.path.relpath(p, root)).encode() + b'\0')
            with open(p, 'rb') as f:
                h.update(hashlib.sha256(f.read()).digest())


def prepare_private_package(shared):
    """Return a directory to put first on sys.path that holds toscaparser + data files."""
    if not os.path.isdir(SYSTEM_PKG):
        raise SetupError('python3-tosca-parser is not installed (%s missing; '
                         'apt-get install python3-tosca-parser)' % SYSTEM_PKG)
    overlay = os.path.join(shared, 'upstream', 'tosca-parser')
    for d in OVERLAY_DIRS:
        if not os.path.isdir(os.path.join(overlay, d)):
            raise SetupError('tosca-parser data files not found: %s (use --shared DIR or '
                             'CLUSTERC_SHARED)' % os.path.join(overlay, d))
    h = hashlib.sha256()
    _tree_digest(h, SYSTEM_PKG, 'pkg/')
    for d in OVERLAY_DIRS:
        _tree_digest(h, os.path.join(overlay, d), 'overlay/%s/' % d)
    key = h.hexdigest()[:16]
    base = os.path.join(tempfile.gettempdir(), 'clusterc-toscaparser-%s' % key)
    if os.path.isfile(os.path.join(base, '.complete')):
        return base
    # Build in a scratch dir, then rename atomically (concurrent runs are safe).
    scratch = tempfile.mkdtemp(prefix='clusterc-toscaparser-build-',
                               dir=tempfile.gettempdir())
    try:
        dst = os.path.join(scratch, 'toscaparser')
        shutil.copytree(SYSTEM_PKG, dst, symlinks=False,
                        ignore=shutil.ignore_patterns('__pycache__', 'tests'))
        for d in OVERLAY_DIRS:
            shutil.copytree(os.path.join(overlay, d), os.path.join(dst, d),
                            dirs_exist_ok=True)
        open(os.path.join(scratch, '.complete'), 'w').close()
        try:
            os.rename(scratch, base)
        except OSError:
            if not os.path.isfile(os.path.join(base, '.complete')):
                raise
    finally:
        if os.path.isdir(scratch):
            shutil.rmtree(scratch, ignore_errors=True)
    return base


def install_url_mapping(url_map):
    """Make every URL load tosca-parser does go through url_map; unmapped URLs are errors."""
    import urllib.error  # noqa: F401  (yamlparser uses urllib.error without importing it)
    import urllib.request
    from toscaparser.common.exception import ExceptionCollector, URLException
    import toscaparser.utils.yamlparser as yp
    import toscaparser.utils.urlutils as uu
    import toscaparser.imports
    import toscaparser.tosca_template

    original = yp.load_yaml

    def load_yaml(path, a_file=True):
        if a_file:
            return original(path, True)
        local = url_map.get(path)
        if local is None:
            ExceptionCollector.appendException(URLException(
                what='import URL "%s" is not mapped to a local file (use --map URL=PATH); '
                     'network access is disabled' % path))
            return None
        if not os.path.isfile(local):
            ExceptionCollector.appendException(URLException(
                what='import URL "%s" is mapped to "%s", which does not exist' % (path, local)))
            return None
        return original(local, True)

    def no_network(*args, **kwargs):
        raise urllib.error.URLError('network access is disabled in tosca_validate.py')

    def url_accessible(url):
        return url in url_map

    yp.load_yaml = load_yaml
    toscaparser.imports.YAML_LOADER = load_yaml
    toscaparser.tosca_template.YAML_LOADER = load_yaml
    try:
        import toscaparser.prereq.csar as csar
        csar.YAML_LOADER = load_yaml
    except Exception:  # pragma: no cover - csar support is optional here
        pass
    uu.UrlUtils.url_accessible = staticmethod(url_accessible)
    # Safety net: anything else that tries urllib gets an error, never a fetch.
    urllib.request.urlopen = no_network


class _Capture(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.records = []

    def emit(self, record):
        try:
            self.records.append((record.levelno, record.getMessage()))
        except Exception:
            self.records.append((record.levelno, str(record.msg)))


def _jsonable(v):
    try:
        json.dumps(v)
        return v
    except TypeError:
        if isinstance(v, dict):
            return {str(k): _jsonable(x) for k, x in v.items()}
        if isinstance(v, (list, tuple)):
            return [_jsonable(x) for x in v]
        return str(v)


def _requirements(nt):
    out = []
    for req in nt.requirements or []:
        if isinstance(req, dict):
            for rname, rdef in req.items():
                if isinstance(rdef, dict):
                    out.append({'name': rname, 'node': rdef.get('node'),
                                'capability': rdef.get('capability'),
                                'relationship': _jsonable(rdef.get('relationship'))})
                else:
                    out.append({'name': rname, 'node': rdef})
        else:
            out.append({'name': str(req), 'node': None})
    return out


def toscaparser_file():
    import toscaparser
    return toscaparser.__file__


def validate_file(path):
    from toscaparser.common.exception import ExceptionCollector, ValidationError
    from toscaparser.tosca_template import ToscaTemplate

    result = {'file': path, 'ok': False, 'errors': [], 'warnings': [],
              'nodetemplates': [], 'inputs': [], 'outputs': []}
    if not os.path.isfile(path):
        result['errors'] = ['%s: no such file' % path]
        return result
    cap = _Capture()
    logging.getLogger().addHandler(cap)
    tpl = None
    crash = None
    noise = io.StringIO()
    try:
        with contextlib.redirect_stdout(noise):
            tpl = ToscaTemplate(path, None, True)
    except ValidationError:
        pass  # the collected exceptions are read below, one per error
    except Exception as e:  # parser crashed part-way: keep what was collected so far
        tb = traceback.extract_tb(e.__traceback__)
        fn = tb[-1].filename if tb else '?'
        pkg = os.path.dirname(os.path.dirname(toscaparser_file()))
        if fn.startswith(pkg + os.sep):
            fn = os.path.relpath(fn, pkg)
        where = '%s:%d' % (fn, tb[-1].lineno) if tb else '?'
        crash = '%s: %s (at %s)' % (e.__class__.__name__, e, where)
    finally:
        logging.getLogger().removeHandler(cap)
        ExceptionCollector.stop()
    errors = ExceptionCollector.getExceptionsReport(full=False)
    if crash and crash not in errors:
        errors.append('tosca-parser crashed: ' + crash)
    result['errors'] = [e.strip() for e in errors]
    result['warnings'] = [m for lvl, m in cap.records if lvl < logging.ERROR]
    result['ok'] = not result['errors']
    if tpl is not None:
        for nt in getattr(tpl, 'nodetemplates', None) or []:
            result['nodetemplates'].append({'name': nt.name, 'type': nt.type,
                                            'requirements': _requirements(nt)})
        for inp in getattr(tpl, 'inputs', None) or []:
            result['inputs'].append({'name': inp.name, 'type': inp.type,
                                     'default': _jsonable(inp.default),
                                     'required': inp.required})
        for out in getattr(tpl, 'outputs', None) or []:
            result['outputs'].append({'name': out.name, 'value': _jsonable(out.value)})
    return result


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[1])
    ap.add_argument('--shared', default=os.environ.get('CLUSTERC_SHARED') or
                    os.path.join(REPO_ROOT, '..', 'shared'),
                    help='shared reference dir (default: $CLUSTERC_SHARED or REPO/../shared)')
    ap.add_argument('--map', action='append', default=[], metavar='URL=PATH',
                    help='serve an import URL from a local file (repeatable)')
    ap.add_argument('files', nargs='+', metavar='FILE')
    try:
        args = ap.parse_args(argv)
    except SystemExit as e:
        return 2 if e.code else 0
    shared = os.path.abspath(args.shared)
    url_map = {u: os.path.join(shared, INDIGO_TYPES_LOCAL) for u in INDIGO_TYPES_URLS}
    for m in args.map:
        url, sep, local = m.partition('=')
        if not sep or not url or not local:
            print('tosca_validate: bad --map %r (want URL=PATH)' % m, file=sys.stderr)
            return 2
        url_map[url] = os.path.abspath(local)
        if not os.path.isfile(url_map[url]):
            print('tosca_validate: --map target not found: %s' % local, file=sys.stderr)
            return 2
    try:
        pkg_root = prepare_private_package(shared)
        sys.path.insert(0, pkg_root)
        import toscaparser  # noqa: F401
        if not os.path.dirname(toscaparser.__file__).startswith(pkg_root):
            raise SetupError('imported toscaparser from %s, expected the private copy in %s'
                             % (toscaparser.__file__, pkg_root))
        install_url_mapping(url_map)
    except SetupError as e:
        print('tosca_validate: ' + str(e), file=sys.stderr)
        return 2
    except ImportError as e:
        print('tosca_validate: cannot import toscaparser (%s; '
              'apt-get install python3-tosca-parser, and run it with /usr/bin/python3; '
              'this is %s)' % (e, sys.executable), file=sys.stderr)
        return 2
    logging.getLogger().setLevel(logging.WARNING)
    status = 0
    for f in args.files:
        r = validate_file(f)
        if not r['ok']:
            status = 1
        print(json.dumps(r, sort_keys=False), flush=True)
    return status


if __name__ == '__main__':
    sys.exit(main())
