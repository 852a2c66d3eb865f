// HOT bootstrap, cloud-init mode: the user_data (RAW) of the servers of one group, a bash script
// for stock Ubuntu 22.04 images (src/roles/platform.ts). It installs ansible-core, its collections and
// the pinned roles (install.ts), writes the playbook and the `!unsafe` vars file, runs the playbook and signals the wait
// condition: SUCCESS at the very end, FAILURE with a reason from an EXIT trap on any error, so a
// stack never hangs on a dead script and never claims success for a failed host.
//
// Data path (the safety argument; Heat 19, heat/engine/hot/functions.py and template.py):
// - the script is the `template` of a `str_replace`, which for every HOT version since 2015-10-15
//   (incl. 2018-08-31) is `ReplaceJson`; every value is passed as a ONE-ELEMENT LIST
//   `[<value>]`, and ReplaceJson._validate_replacement serialises non-string params with
//   `jsonutils.dumps(value, default=None, sort_keys=True)` = json.dumps with ensure_ascii: the
//   inserted text is one line of pure ASCII JSON whatever the value holds (newlines, quotes,
//   control and non-ASCII characters are all \-escaped);
// - each placeholder sits alone in a JSON document inside a quoted heredoc (`<<'EOF'`: bash
//   expands nothing), so a value can neither end the heredoc (it has no newline) nor run as code;
// - Replace.result splits the template on each placeholder and joins with the value, so text
//   inserted by one placeholder is never searched for another placeholder;
// - python3 decodes the JSON and writes the vars file with PyYAML, every string tagged `!unsafe`,
//   so Ansible never evaluates Jinja in a value (not even after set_fact copies).
// The one raw insertion is the wait handle's curl_cli, which Heat itself generates
// (wait_condition_handle.py _resolve_attribute: `curl -i -X POST -H 'X-Auth-Token: …' … <url>`).
import type { ClusterModel } from '../../../model/model.js';
import type { GroupPlan } from '../../../roles/index.js';
import { galaxyRequirements } from '../../../roles/index.js';
import { compatProgram } from './compat.js';
import { DATA_PREFIX, ROLES_DIR, WORK_DIR, WRITER_PY, playbookYaml, requirementsYaml, varsFile } from './documents.js';
import { ANSIBLE_BIN, installLines } from './install.js';
import { layoutGroup } from './layout.js';
import type { HotRefs, HotValue } from './types.js';

/** Placeholders never occur in generated text otherwise: `@` is escaped in compile-time JSON. */
const PLACEHOLDER_PREFIX = '@CLUSTERC_';
/** The placeholder of the wait handle's curl command. */
export const SIGNAL_PLACEHOLDER = `${PLACEHOLDER_PREFIX}WC_NOTIFY@`;

/** The placeholder of data slot i. */
export function valuePlaceholder(i: number): string {
  return `${PLACEHOLDER_PREFIX}V${i}@`;
}

/**
 * A quoted heredoc, refusing text that could end it early or (static text) hold a placeholder.
 * Only the values document may hold placeholders: its checks are the values' JSON encoding.
 */
function heredoc(target: string, delimiter: string, text: string, placeholders = false): string {
  const body = text.endsWith('\n') ? text : text + '\n';
  if (body.split('\n').includes(delimiter)) throw new Error(`heredoc text contains its delimiter ${delimiter}`);
  if (!placeholders && body.includes(PLACEHOLDER_PREFIX)) throw new Error('heredoc text contains a placeholder prefix');
  return `cat > ${target} <<'${delimiter}'\n${body}${delimiter}\n`;
}

/** JSON of a compile-time value, pure ASCII and without `@`, so Heat cannot see a placeholder in it. */
function asciiJson(v: unknown): string {
  return JSON.stringify(v).replace(/[^\x20-\x3f\x41-\x7e]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

/**
 * The user_data of the servers of one group (user_data_format RAW): a `str_replace` whose
 * template is the bash script and whose params are the wait handle's curl command (`signal`) and
 * one `[value]` list per data slot.
 */
export function cloudInitUserData(plan: GroupPlan, m: ClusterModel, refs: HotRefs, signal: HotValue): HotValue {
  const layout = layoutGroup(plan, m, refs);
  const params: Record<string, HotValue> = { [SIGNAL_PLACEHOLDER]: signal };
  const entries: string[] = [];
  layout.slots.forEach((slot, i) => {
    const key = asciiJson(DATA_PREFIX + slot.key);
    if (isStatic(slot.value)) {
      entries.push(`${key}: ${asciiJson([slot.value])}`);
    } else {
      params[valuePlaceholder(i)] = [slot.value];
      entries.push(`${key}: ${valuePlaceholder(i)}`);
    }
  });
  const values = `{\n${entries.join(',\n')}\n}\n`;
  const id = plan.group.id;
  const script = [
    '#!/bin/bash',
    `# clusterc bootstrap of a host of group ${id}: install Ansible and the pinned indigo-dc roles,`,
    '# run them locally, signal the result to the wait condition. Log: /var/log/clusterc-bootstrap.log',
    'set -Eeuo pipefail',
    'umask 077',
    // The full log (Ansible output may show secret values on failure) goes to a root-only file;
    // the console (world-readable cloud-init-output.log, `openstack console log show`) gets the
    // step names only, and the failure reason reaches the stack through the wait condition.
    'exec 3>&1 >>/var/log/clusterc-bootstrap.log 2>&1',
    'clusterc_at() { clusterc_step="$1"; echo "clusterc: $1" >&3; }',
    'clusterc_step="starting"',
    'clusterc_failed_cmd=""',
    'clusterc_signalled=0',
    'clusterc_signal() {',
    '  local body',
    // The body is built by python3 from argv, so a reason can hold any text.
    `  body=$(python3 -c 'import json, socket, sys; print(json.dumps({"status": sys.argv[1], "reason": sys.argv[2][:240], "id": socket.gethostname()}))' "$1" "$2")`,
    `  ${SIGNAL_PLACEHOLDER} -sS --fail --retry 10 --retry-delay 5 --retry-connrefused --data-binary "$body"`,
    '}',
    'clusterc_on_exit() {',
    '  local rc=$?',
    '  if [ "$clusterc_signalled" = 0 ]; then',
    '    clusterc_signalled=1',
    '    echo "clusterc: FAILED while ${clusterc_step} (exit ${rc}), see /var/log/clusterc-bootstrap.log" >&3 || true',
    '    clusterc_signal FAILURE "clusterc: ${clusterc_step} failed (exit ${rc}) on $(hostname): ${clusterc_failed_cmd}" || true',
    '  fi',
    '}',
    "trap 'clusterc_failed_cmd=$BASH_COMMAND' ERR",
    'trap clusterc_on_exit EXIT',
    `mkdir -p ${WORK_DIR}`,
    `cd ${WORK_DIR}`,
    '',
    'clusterc_at "writing the cluster values"',
    heredoc(`${WORK_DIR}/values.json`, 'CLUSTERC_VALUES_EOF', values, true).trimEnd(),
    heredoc(`${WORK_DIR}/write-vars.py`, 'CLUSTERC_WRITER_EOF', WRITER_PY).trimEnd(),
    heredoc(`${WORK_DIR}/requirements.yml`, 'CLUSTERC_REQUIREMENTS_EOF', requirementsYaml(plan)).trimEnd(),
    heredoc(`${WORK_DIR}/playbook.yml`, 'CLUSTERC_PLAYBOOK_EOF', playbookYaml(plan, layout, { convertHookVariables: false })).trimEnd(),
    heredoc(`${WORK_DIR}/compat.py`, 'CLUSTERC_COMPAT_EOF', compatProgram(installedRoles(plan))).trimEnd(),
    '',
    'clusterc_at "installing ansible, its collections and the pinned roles"',
    ...installLines('false'),
    'clusterc_at "applying the role compatibility fixes"',
    `python3 ${WORK_DIR}/compat.py ${ROLES_DIR}`,
    '',
    'clusterc_at "writing the ansible variables"',
    `python3 ${WORK_DIR}/write-vars.py ${WORK_DIR}/values.json ${varsFile(id)} ${DATA_PREFIX} wrapped`,
    `rm -f ${WORK_DIR}/values.json`,
    '',
    'clusterc_at "running the playbook"',
    `ANSIBLE_ROLES_PATH=${ROLES_DIR} ANSIBLE_NOCOLOR=1 ${ANSIBLE_BIN}/ansible-playbook -i localhost, ${WORK_DIR}/playbook.yml`,
    '',
    'clusterc_at "signalling success"',
    'clusterc_signalled=1',
    `clusterc_signal SUCCESS "clusterc: group ${id} configured on $(hostname)"`,
    '',
  ].join('\n');
  checkPlaceholders(script, Object.keys(params));
  return { str_replace: { template: script, params } };
}

/** Galaxy names of the roles a host of the group installs (its roles and their dependencies). */
export function installedRoles(plan: GroupPlan): string[] {
  return galaxyRequirements(plan.roles.map((r) => r.role)).map((r) => r.name);
}

/** A value without intrinsic functions: written as compile-time JSON, not substituted by Heat. */
function isStatic(v: HotValue): boolean {
  if (v === null || typeof v !== 'object') return true;
  if (Array.isArray(v)) return v.every(isStatic);
  return false;
}

/** Every placeholder occurs exactly once and nothing else looks like one. */
function checkPlaceholders(script: string, keys: readonly string[]): void {
  const total = script.split(PLACEHOLDER_PREFIX).length - 1;
  if (total !== keys.length) throw new Error('bootstrap script has stray placeholders');
  for (const k of keys) if (script.split(k).length !== 2) throw new Error(`placeholder ${k} must occur exactly once`);
}
