#!/usr/bin/python3
"""Validate HOT templates the way Heat does before a stack create (Heat's own engine code).

Usage: python3 heat_validate.py [--param NAME=VALUE]... [--verbose] FILE...

Prints one JSON object per file (one per line) on stdout:
  {"file", "ok", "errors": [...], "skipped": [...]}
Exit status: 0 every file is valid, 1 some file is invalid, 2 usage/setup problem.

Runs heat.engine.stack.Stack(...).validate() with strict validation (the stack-create path
of heat-engine) on a fake request context, without a database, keystone or a cloud. Only the
checks that need a live cloud are stubbed, and each one that was hit is listed in "skipped".
"""

import argparse
import contextlib
import json
import logging
import os
import re
import sys
import time

SKIPPED = []  # per-file list, reset by validate_file()


def skip(msg):
    if msg not in SKIPPED:
        SKIPPED.append(msg)


class SetupError(Exception):
    pass


# ---------------------------------------------------------------------------
# Heat bootstrap
# ---------------------------------------------------------------------------

def make_nested_validation_strict():
    """Validate nested stacks (ResourceGroup / AutoScalingGroup members, template
    resources) with strict validation, like the top-level stack.

    Heat's StackResource.validate_nested_stack() sets nested_stack.strict_validate =
    False, so before a stack create Heat only checks member properties for unknown
    names, not their values (a wrong type inside resource_def passes and fails later,
    at create time). This makes the flag stick at True.
    """
    from heat.engine import stack as parser

    class AlwaysStrict(object):
        def __get__(self, obj, typ=None):
            return True

        def __set__(self, obj, value):
            pass
    parser.Stack.strict_validate = AlwaysStrict()


def bootstrap(verbose=False):
    """Import Heat, initialise oslo.config with defaults and the global environment."""
    logging.basicConfig(stream=sys.stderr,
                        level=logging.DEBUG if verbose else logging.CRITICAL)
    try:
        from oslo_config import cfg
        import heat.common.config  # noqa: F401  registers Heat's options
    except ImportError as e:
        raise SetupError('cannot import heat (%s; apt-get install python3-heat, and run it '
                         'with /usr/bin/python3; this is %s)' % (e, sys.executable))
    # No config file, no config dir: every option keeps its default.
    cfg.CONF([], project='heat', default_config_files=[], default_config_dirs=[])
    from heat.engine import resources
    with contextlib.redirect_stdout(sys.stderr):
        resources.initialise()
    install_stubs()


def install_stubs():
    """Stub ONLY what needs a live cloud. Every stub records what it skipped."""
    from heat.engine import resources, resource, constraints

    # 1. Custom constraints that look a name up in a cloud service (nova.flavor,
    #    glance.image, neutron.network, nova.keypair, ...). They all live in
    #    heat.engine.clients.os.*; the pure ones (ip_addr, net_cidr, dns_name,
    #    iso_8601, cron_expression, timezone, ...) are kept and really run.
    env = resources.global_env()
    for name, cls in list(env.constraints.items()):
        if not cls.__module__.startswith('heat.engine.clients.'):
            continue

        def make(name=name, real=cls):
            class LiveCloudConstraint(constraints.BaseCustomConstraint):
                def validate(self, value, context, template=None):
                    skip('custom constraint %s (needs a live cloud)' % name)
                    return True
            LiveCloudConstraint.__name__ = 'Stub' + real.__name__
            return LiveCloudConstraint
        env.constraints[name] = make()

    # 2. Service availability: Heat asks the keystone catalog whether the
    #    service behind each resource type (nova, neutron, ...) is deployed.
    def is_service_available(cls, context):
        svc = getattr(cls, 'default_client_name', None)
        if svc:
            skip('service availability of %s in the keystone catalog (needs a live cloud)'
                 % svc)
        return (True, None)
    resource.Resource.is_service_available = classmethod(is_service_available)

    # 3. Client lookups made by resource plugins' validate() (OS::Nova::Server looks
    #    up the image and flavor to compare min_ram/min_disk, asks nova which API
    #    microversions it supports and for its absolute limits). A fake client
    #    plugin answers: name->id lookups return the name, get_<thing>() says
    #    "not found" (Heat then treats the thing as created later and skips the
    #    comparison), microversions are all supported, limits are nova's defaults.
    from heat.engine import clients as clients_mod

    class StubNotFound(Exception):
        pass

    class FakeClientPlugin(object):
        NOVA_DEFAULT_LIMITS = {'maxServerMeta': 128, 'maxPersonality': 5,
                               'maxPersonalitySize': 10240}

        def __init__(self, name):
            self._name = name

        def is_not_found(self, ex):
            return isinstance(ex, StubNotFound)

        def is_conflict(self, ex):
            return False

        def is_over_limit(self, ex):
            return False

        def ignore_not_found(self, ex):
            if not isinstance(ex, StubNotFound):
                raise ex

        def is_version_supported(self, version):
            skip('%s API microversion %s assumed supported (needs a live cloud)'
                 % (self._name, version))
            return True

        def absolute_limits(self):
            skip('%s absolute limits assumed to be the defaults (needs a live cloud)'
                 % self._name)
            return dict(self.NOVA_DEFAULT_LIMITS)

        def __getattr__(self, item):
            if item.startswith('_'):
                raise AttributeError(item)
            name = self._name

            def call(*args, **kwargs):
                what = '%s.%s' % (name, item)
                if item.startswith('find_') or (item.startswith('get_') and
                                                item.endswith('_id')):
                    skip('cloud lookup %s (needs a live cloud): name used as id' % what)
                    return args[-1] if args else None
                skip('cloud lookup %s (needs a live cloud): treated as not found yet'
                     % what)
                raise StubNotFound('%s: not available without a live cloud' % what)
            return call

    def client_plugin(self, name=None):
        return FakeClientPlugin(name or 'unknown')

    def client(self, name=None, version=None):
        skip('direct %s API client call (needs a live cloud)' % name)
        raise StubNotFound('%s API client: not available without a live cloud' % name)

    clients_mod.OpenStackClients.client_plugin = client_plugin
    clients_mod.OpenStackClients.client = client

    # 4. heat-engine RPC (group resources ask the engine about their existing
    #    members). A stack being created has no members: the RPC client is a fake
    #    that fails loudly if it is ever called.
    class FakeEngineClient(object):
        def __getattr__(self, item):
            if item.startswith('_'):
                raise AttributeError(item)

            def call(*args, **kwargs):
                skip('heat-engine RPC %s (needs a running engine)' % item)
                raise StubNotFound('heat-engine RPC %s: no engine' % item)
            return call

    def rpc_client(self):
        return FakeEngineClient()
    resource.Resource.rpc_client = rpc_client


# ---------------------------------------------------------------------------
# Template files (nested templates, get_file) read from disk like heatclient does
# ---------------------------------------------------------------------------

def collect_files(tpl, base_dir, files, errors, depth=0):
    """Load template resources (type: foo.yaml) and get_file targets next to the template."""
    from heat.common import template_format
    if depth > 5:
        return

    def want(ref):
        if not isinstance(ref, str) or ref in files:
            return None
        if '://' in ref:
            errors.append('file %s is a URL; not fetched (network disabled)' % ref)
            return None
        path = ref if os.path.isabs(ref) else os.path.join(base_dir, ref)
        if not os.path.isfile(path):
            return None
        with open(path, encoding='utf-8') as f:
            files[ref] = f.read()
        return path

    def walk(node):
        if isinstance(node, dict):
            for k, v in node.items():
                if k == 'get_file':
                    want(v)
                elif (k == 'type' and isinstance(v, str) and
                      v.endswith(('.yaml', '.yml', '.template'))):
                    path = want(v)
                    if path:
                        try:
                            sub = template_format.parse(files[v])
                            collect_files(sub, os.path.dirname(path), files, errors,
                                          depth + 1)
                        except Exception:
                            pass  # Heat itself reports the parse error later
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)
    walk(tpl)


# ---------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------

def fake_context():
    from heat.common import context
    return context.RequestContext.from_dict({
        'tenant_id': 'conformance-tenant-id',
        'tenant': 'conformance',
        'username': 'conformance',
        'user_id': 'conformance-user-id',
        'password': '',
        'roles': ['member', 'reader'],
        'is_admin': False,
        'auth_url': 'http://keystone.invalid:5000/v3',
        'auth_token': 'conformance-token',
        'region_name': None,
    })


CUSTOM_PLACEHOLDERS = {
    'ip_addr': '192.0.2.10', 'ip_or_cidr': '192.0.2.10', 'net_cidr': '192.0.2.0/24',
    'mac_addr': '02:00:00:00:00:01', 'dns_name': 'placeholder', 'rel_dns_name': 'placeholder',
    'dns_domain': 'example.org.', 'iso_8601': '2030-01-01T00:00:00Z', 'timezone': 'UTC',
    'cron_expression': '0 0 * * *', 'expiration': '2030-01-01T00:00:00Z',
}


def placeholder_value(name, schema):
    """A value for a parameter with no default that satisfies its non-cloud constraints."""
    from heat.engine import constraints as c
    for k in schema.constraints:
        if isinstance(k, c.CustomConstraint) and k.name in CUSTOM_PLACEHOLDERS:
            return CUSTOM_PLACEHOLDERS[k.name]
    allowed = [k for k in schema.constraints if isinstance(k, c.AllowedValues)]
    if allowed and allowed[0].allowed:
        return allowed[0].allowed[0]
    t = schema.type
    if t == schema.NUMBER:
        for k in schema.constraints:
            if isinstance(k, c.Range):
                return k.min if k.min is not None else k.max
        return 1
    if t == schema.BOOLEAN:
        return False
    if t == schema.LIST:
        return 'ph-' + name
    if t == schema.MAP:
        return {}
    base = 'ph' + re.sub('[^A-Za-z0-9]', '', name)
    n = len(base)
    for k in schema.constraints:
        if isinstance(k, c.Length):
            if k.min is not None:
                n = max(n, k.min)
            if k.max is not None:
                n = min(n, k.max)
    return base[:n].ljust(n, 'x') if n else ''


def validate_file(path, cli_params):
    from heat.common import template_format, exception
    from heat.engine import template as templatem, environment, stack as parser

    del SKIPPED[:]
    result = {'file': path, 'ok': False, 'errors': [], 'skipped': SKIPPED}
    errors = result['errors']
    try:
        with open(path, encoding='utf-8') as f:
            text = f.read()
    except OSError as e:
        errors.append('cannot read %s: %s' % (path, e))
        result['skipped'] = []
        return result

    try:
        tpl = template_format.parse(text)
    except ValueError as e:
        errors.append('template_format.parse: %s' % e)
        result['skipped'] = []
        return result

    placeholders = {}
    files = {}
    collect_files(tpl, os.path.dirname(os.path.abspath(path)), files, errors)
    try:
        tmpl = templatem.Template(tpl, files=files)
        # Same order as heat-engine's create path: section/version check first.
        tmpl.validate()
        # --param values apply to the templates that declare them (Heat itself rejects
        # a value for an undeclared parameter; one run validates many templates).
        declared = tmpl.param_schemata()
        params = {k: v for k, v in cli_params.items() if k in declared}
        placeholders = {}
        for name, schema in declared.items():
            if schema.default is None and name not in params:
                params[name] = placeholders[name] = placeholder_value(name, schema)
                skip('parameter %s has no default: validated with placeholder value %r'
                     % (name, params[name]))
        tmpl.env = environment.Environment({'parameters': params})
        stack = parser.Stack(fake_context(), 'conformance', tmpl, strict_validate=True)
        stack.validate()
    except exception.StackValidationFailed as e:
        errors.append('%s: %s' % (e.__class__.__name__, e))
    except exception.HeatException as e:
        errors.append('%s: %s' % (e.__class__.__name__, e))
    except Exception as e:  # Heat raises plain exceptions for some template errors
        errors.append('%s: %s' % (e.__class__.__name__, e))
    if errors and placeholders:
        hint = [n for n, v in placeholders.items() if isinstance(v, str) and v and v in errors[-1]]
        if hint:
            errors[-1] += (' [value of parameter(s) %s is a placeholder: pass --param NAME=VALUE]'
                           % ', '.join(hint))
    result['ok'] = not errors
    result['skipped'] = list(SKIPPED)
    return result


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[1])
    ap.add_argument('--param', action='append', default=[], metavar='NAME=VALUE',
                    help='parameter value (default: placeholders for parameters '
                         'without a default)')
    ap.add_argument('--heat-nested', action='store_true',
                    help="validate nested stacks like Heat does (non-strict: member "
                         "property values unchecked); default: strict")
    ap.add_argument('--verbose', action='store_true', help='Heat logs on stderr')
    ap.add_argument('--timing', action='store_true', help='timings on stderr')
    ap.add_argument('files', nargs='+', metavar='FILE')
    try:
        args = ap.parse_args(argv)
    except SystemExit as e:
        return 2 if e.code else 0
    params = {}
    for p in args.param:
        k, sep, v = p.partition('=')
        if not sep or not k:
            print('heat_validate: bad --param %r (want NAME=VALUE)' % p, file=sys.stderr)
            return 2
        params[k] = v
    t0 = time.time()
    try:
        bootstrap(args.verbose)
    except SetupError as e:
        print('heat_validate: ' + str(e), file=sys.stderr)
        return 2
    if not args.heat_nested:
        make_nested_validation_strict()
    t1 = time.time()
    status = 0
    for f in args.files:
        with contextlib.redirect_stdout(sys.stderr):
            r = validate_file(f, params)
        if not r['ok']:
            status = 1
        print(json.dumps(r), flush=True)
    if args.timing:
        print('heat_validate: bootstrap %.2fs, %d file(s) %.2fs'
              % (t1 - t0, len(args.files), time.time() - t1), file=sys.stderr)
    return status


if __name__ == '__main__':
    sys.exit(main())
