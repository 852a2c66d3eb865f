"""Validates HOT templates with OpenStack Heat's own engine code (Debian python3-heat, Heat 19).

Usage: /usr/bin/python3 heat_validate.py FILE...  ->  one JSON line: [{file, ok, errors, skipped}]

Runs what `openstack stack create` runs before creating anything (heat.engine.stack.Stack.validate):
template version and sections, parameters, every resource type in Heat's registry, properties
against each type's properties_schema, intrinsic functions and their targets (get_resource,
get_attr with attribute names, get_param, depends_on), nested group definitions, outputs.
Only the look-ups that need a live cloud are replaced, and reported in `skipped`: custom
constraints backed by a client (nova.flavor, glance.image, ...), the service catalogue, Nova's
absolute limits, and the image/flavor compatibility check of OS::Nova::Server.
Required parameters get a placeholder value satisfying their type.
"""
import json
import logging
import sys

logging.disable(logging.CRITICAL)

from oslo_config import cfg  # noqa: E402

cfg.CONF([], project='heat', default_config_files=[])

from heat.common import context, template_format  # noqa: E402
from heat.engine import constraints, environment, resources  # noqa: E402
from heat.engine import resource as hres  # noqa: E402
from heat.engine import stack as hstack  # noqa: E402
from heat.engine import template as htemplate  # noqa: E402
from heat.engine.clients.os import nova as cnova  # noqa: E402
from heat.engine.resources.openstack.nova import server as nserver  # noqa: E402

resources.initialise()

# Custom constraints that need no cloud: these stay real.
LOCAL_CONSTRAINTS = {'ip_addr', 'ip_or_cidr', 'net_cidr', 'mac_addr', 'iso_8601', 'cron_expression',
                     'timezone', 'expiration', 'dns_name', 'dns_domain', 'rel_dns_name'}
skipped = set()
_real_is_valid = constraints.CustomConstraint._is_valid


def _is_valid(self, value, schema, ctx):
    if self.name in LOCAL_CONSTRAINTS:
        return _real_is_valid(self, value, schema, ctx)
    skipped.add('custom constraint ' + self.name + ' (needs a cloud)')
    return True


def _limits(self):
    skipped.add('nova absolute limits (nova defaults assumed)')
    return {'maxServerMeta': 128, 'maxPersonality': 5, 'maxPersonalitySize': 10240}


constraints.CustomConstraint._is_valid = _is_valid
hres.Resource._validate_service_availability = classmethod(lambda *a, **k: skipped.add('service catalogue'))
hres.Resource.rpc_client = lambda self: None
cnova.NovaClientPlugin.absolute_limits = _limits
nserver.Server._validate_image_flavor = lambda self, i, f: skipped.add('server image/flavor look-up')

PLACEHOLDER = {'string': 'x', 'number': 1, 'boolean': True, 'comma_delimited_list': 'a', 'json': '{}'}


def placeholder(p):
    for c in p.get('constraints') or []:
        if 'allowed_values' in c:
            return c['allowed_values'][0]
        if 'range' in c and c['range'].get('min') is not None:
            return c['range']['min']
    return PLACEHOLDER.get(p.get('type', 'string'), 'x')


def validate(path):
    skipped.clear()
    try:
        with open(path, encoding='utf-8') as f:
            t = template_format.parse(f.read())
        params = {n: placeholder(p) for n, p in (t.get('parameters') or {}).items() if 'default' not in p}
        ctx = context.RequestContext(user_id='u', project_id='p', is_admin=False)
        env = environment.Environment({'parameters': params})
        st = hstack.Stack(ctx, 'clusterc-validate', htemplate.Template(t, env=env))
        st.validate()
        return {'file': path, 'ok': True, 'errors': [], 'skipped': sorted(skipped)}
    except Exception as ex:  # every Heat validation failure
        return {'file': path, 'ok': False, 'errors': ['%s: %s' % (type(ex).__name__, ex)], 'skipped': sorted(skipped)}


if __name__ == '__main__':
    print(json.dumps([validate(p) for p in sys.argv[1:]]))
