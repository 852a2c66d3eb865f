#!/usr/bin/python3
"""Check Heat environment files against their templates with Heat's own code.

Usage: python3 heat_env.py TEMPLATE=ENV...

For each pair prints one JSON object on stdout:
  {"template", "env", "ok", "errors": [...], "listed": [...], "declared": [...], "unfilled_error"}
Exit status: 0 every pair is fine, 1 some pair is not, 2 usage/setup problem.

Steps, all Heat's engine code (Debian python3-heat): heat.common.environment_format.parse (what
heat-api runs on `openstack stack create -e FILE`), heat.engine.environment.Environment, then the
template's parameters with the environment's parameter_defaults, validated by
Stack(..., strict_validate=True).validate() as heat_validate.py does. The parameters the
environment leaves null are filled with placeholders, as an operator fills them in; the run
without them records Heat's answer in "unfilled_error".
"""

import contextlib
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import heat_validate  # noqa: E402  (bootstrap, stubs, fake context, placeholders)


def check(template_path, env_path):
    from heat.common import environment_format, template_format
    from heat.engine import environment, template as templatem, stack as parser

    result = {'template': template_path, 'env': env_path, 'ok': False, 'errors': [],
              'listed': [], 'declared': [], 'unfilled_error': None}
    errors = result['errors']
    try:
        with open(env_path, encoding='utf-8') as f:
            env = environment_format.parse(f.read())
        with open(template_path, encoding='utf-8') as f:
            tpl = template_format.parse(f.read())
    except Exception as e:
        errors.append('%s: %s' % (e.__class__.__name__, e))
        return result
    defaults = env.get('parameter_defaults', {})
    result['listed'] = list(defaults.keys())
    tmpl = templatem.Template(tpl)
    declared = tmpl.param_schemata()
    result['declared'] = list(declared.keys())
    tparams = tpl.get('parameters') or {}
    for k, v in defaults.items():
        if k not in declared:
            errors.append('parameter_defaults names %s, which the template does not declare' % k)
        elif v is not None and v != tparams.get(k, {}).get('default'):
            errors.append('parameter_defaults gives %s the value %r, the template default is %r'
                          % (k, v, tparams.get(k, {}).get('default')))

    def validate(fill):
        params = {}
        if fill:
            for name, schema in declared.items():
                if defaults.get(name) is None and schema.default is None:
                    params[name] = heat_validate.placeholder_value(name, schema)
        env_obj = environment.Environment(dict(env, parameters=params))
        t = templatem.Template(tpl, env=env_obj)
        stack = parser.Stack(heat_validate.fake_context(), 'conformance', t, strict_validate=True)
        stack.validate()

    try:
        validate(fill=True)
    except Exception as e:
        errors.append('%s: %s' % (e.__class__.__name__, e))
    try:
        validate(fill=False)
    except Exception as e:
        result['unfilled_error'] = '%s: %s' % (e.__class__.__name__, e)
    result['ok'] = not errors
    return result


def main(argv):
    pairs = []
    for a in argv:
        t, sep, e = a.partition('=')
        if not sep:
            print('heat_env: want TEMPLATE=ENV, got %r' % a, file=sys.stderr)
            return 2
        pairs.append((t, e))
    try:
        heat_validate.bootstrap(False)
    except heat_validate.SetupError as e:
        print('heat_env: ' + str(e), file=sys.stderr)
        return 2
    heat_validate.make_nested_validation_strict()
    status = 0
    for t, e in pairs:
        with contextlib.redirect_stdout(sys.stderr):
            r = check(t, e)
        if not r['ok']:
            status = 1
        print(json.dumps(r), flush=True)
    return status


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
