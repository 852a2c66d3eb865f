// HOT bootstrap, phase 1 of 2: lays out the variables of one host group's roles (GroupPlan) as
// Ansible data. Input: a GroupPlan and the model; output: the ordered list of data slots (each an
// Ansible variable name and the HOT value Heat resolves for it) and, per role, the role parameters
// that must point at a slot (name clashes between roles) or at a fact (selfAddress).
// Invariant: no spec value ever appears in the playbook text; values travel only as data slots.
// Known limit: a concatenation that includes the self address is joined by Jinja at boot from
// `!unsafe` parts and the fact; verified safe (copies included) on ansible-core 2.14 only.
import { isDeepStrictEqual as isEqual } from 'node:util';
import type { ClusterModel } from '../../../model/model.js';
import { PLAY_WIDE_VARS, type GroupPlan, type VarExpr } from '../../../roles/index.js';
import type { HotRefs, HotValue } from './types.js';

/** One value that reaches Ansible as data: the variable it becomes and its HOT value. */
export interface DataSlot {
  /** Ansible variable name written into the vars file (`[a-z0-9_]`, never a role default's name unless intended). */
  readonly key: string;
  /** The HOT value Heat resolves (literal, get_param, get_attr, list_join). */
  readonly value: HotValue;
  /** HOT software-config input type of the value. */
  readonly type: 'String' | 'Number' | 'Boolean' | 'CommaDelimitedList' | 'Json';
}

/** How one role of the group is invoked in the playbook. */
export interface RoleCall {
  /** Galaxy name, e.g. `indigo-dc.mesos`. */
  readonly galaxy: string;
  /** Role parameters whose value is a Jinja reference we generate (to a slot key or a fact), never spec data. */
  readonly params: Readonly<Record<string, string>>;
}

/** The data of one group: slots in a fixed order, role calls in plan order. */
export interface GroupLayout {
  readonly slots: readonly DataSlot[];
  readonly roles: readonly RoleCall[];
  /** A pre-task must set `clusterc_self_address` from the host's facts. */
  readonly needsSelfAddress: boolean;
}

/** The fact variable that holds the host's own address (set in a pre-task from ansible facts). */
export const SELF_ADDRESS_VAR = 'clusterc_self_address';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * A data key ending in this suffix is written by the vars writer (documents.ts WRITER_PY) without the
 * suffix and with its string value quoted for a POSIX shell (Python shlex.quote).
 */
export const SHELL_QUOTED_SUFFIX = '__shell_quoted';

/**
 * Lays out the variables of a group. A variable every role of the group sets to the same
 * expression becomes one play-wide slot named like the variable (as upstream INDIGO passes its
 * inputs; PLAY_WIDE_VARS such as docker_bridge_ip_cidr must be, for the docker dependency); a
 * variable roles set differently gets one slot per role (`clusterc_r<i>_<var>`) and a role
 * parameter pointing at it, because the vars file is play-wide.
 */
export function layoutGroup(plan: GroupPlan, m: ClusterModel, refs: HotRefs): GroupLayout {
  const byName = new Map<string, VarExpr[]>();
  for (const inv of plan.roles) {
    for (const [name, expr] of Object.entries(inv.vars)) {
      if (!NAME.test(name)) throw new Error(`role \`${inv.role.galaxy}\` has an invalid variable name \`${name}\``);
      const list = byName.get(name) ?? [];
      list.push(expr);
      byName.set(name, list);
    }
  }
  const shared = new Set<string>();
  for (const [name, exprs] of byName) {
    if (exprs.every((e) => isEqual(e, exprs[0]))) shared.add(name);
    // A play-wide variable (read by role dependencies such as indigo-dc.docker) cannot be split per role.
    else if (PLAY_WIDE_VARS.includes(name)) throw new Error(`roles of group \`${plan.group.id}\` set the play-wide variable \`${name}\` differently`);
  }

  const slots: DataSlot[] = [];
  const seen = new Set<string>();
  let needsSelfAddress = false;
  const addSlot = (key: string, expr: VarExpr): void => {
    if (seen.has(key)) return;
    seen.add(key);
    slots.push({ key, value: toHotValue(expr, m, refs), type: hotInputType(expr, m) });
  };
  const roles = plan.roles.map((inv, i): RoleCall => {
    const params: Record<string, string> = {};
    for (const [name, expr] of Object.entries(inv.vars)) {
      const own = `clusterc_r${i}_${name}`;
      if (expr.kind === 'selfAddress') {
        // Discovered at boot from facts, never from data (design §3: the address is the host's).
        needsSelfAddress = true;
        params[name] = `{{ ${SELF_ADDRESS_VAR} }}`;
      } else if (expr.kind === 'concat' && containsSelf(expr)) {
        // Only the parts Heat knows travel as data; Jinja joins them with the fact at boot.
        needsSelfAddress = true;
        const refsJ = expr.parts.map((p, j) => {
          if (p.kind === 'selfAddress') return SELF_ADDRESS_VAR;
          if (containsSelf(p)) throw new Error(`nested self address in \`${name}\` is not supported`);
          addSlot(`${own}_p${j}`, p);
          return `${own}_p${j}`;
        });
        params[name] = `{{ [${refsJ.join(', ')}] | join('') }}`;
      } else if (expr.kind === 'shellQuoted') {
        // The writer quotes the value at boot (SHELL_QUOTED_SUFFIX), after Heat resolved it.
        if (containsSelf(expr.inner)) throw new Error(`a shell-quoted self address in \`${name}\` is not supported`);
        addSlot(`${own}${SHELL_QUOTED_SUFFIX}`, expr.inner);
        params[name] = `{{ ${own} }}`;
      } else if (shared.has(name)) {
        addSlot(name, expr);
      } else {
        addSlot(own, expr);
        params[name] = `{{ ${own} }}`;
      }
    }
    return { galaxy: inv.role.galaxy, params };
  });
  return { slots, roles, needsSelfAddress };
}

function containsSelf(e: VarExpr): boolean {
  return e.kind === 'selfAddress' || (e.kind === 'concat' && e.parts.some(containsSelf)) || (e.kind === 'shellQuoted' && containsSelf(e.inner));
}

/** `<prefix><address><suffix>` per address of a group, joined: list_join over a list, or over `repeat`. */
function groupEndpoints(e: Extract<VarExpr, { kind: 'groupEndpoints' }>, refs: HotRefs): HotValue {
  const addrs = refs.groupAddresses(e.group);
  const items = Array.isArray(addrs)
    ? addrs.map((a: HotValue) => ({ list_join: ['', [e.prefix, a, e.suffix]] }))
    : { repeat: { template: `${e.prefix}<%addr%>${e.suffix}`, for_each: { '<%addr%>': addrs } } };
  return { list_join: [e.separator, items] };
}

/**
 * One host's address of a group: an item of the unrolled list (masters, load balancers: a port per
 * host), or one more `get_attr` path step into an address-list attribute (Heat indexes attribute values).
 */
function groupAddress(e: Extract<VarExpr, { kind: 'groupAddress' }>, refs: HotRefs): HotValue {
  const addrs = refs.groupAddresses(e.group);
  const path = !Array.isArray(addrs) && addrs !== null && typeof addrs === 'object' ? (addrs as { get_attr?: unknown }).get_attr : undefined;
  const a = Array.isArray(addrs) ? (addrs as HotValue[])[e.index] : Array.isArray(path) ? { get_attr: [...(path as HotValue[]), e.index] } : undefined;
  if (a === undefined) throw new Error(`no address ${e.index} of host group \`${e.group}\``);
  return a;
}

function inputType(m: ClusterModel, name: string): string | undefined {
  return m.inputs.find((i) => i.name === name)?.type;
}

/** Translates a VarExpr into the HOT value Heat resolves (selfAddress excluded: a fact, see layoutGroup). */
export function toHotValue(e: VarExpr, m: ClusterModel, refs: HotRefs): HotValue {
  switch (e.kind) {
    case 'literal':
      return Array.isArray(e.value) ? [...(e.value as readonly unknown[])] : e.value;
    case 'param':
      return e.param.kind === 'literal' ? e.param.value : refs.param(e.param.input);
    case 'groupAddresses':
      return refs.groupAddresses(e.group);
    case 'groupAddress':
      return groupAddress(e, refs);
    case 'selfAddress':
      throw new Error('the self address is not known to Heat');
    case 'concat':
      return { list_join: ['', e.parts.map((p) => toHotString(p, m, refs))] };
    case 'groupEndpoints':
      return groupEndpoints(e, refs);
    case 'generatedSecret':
      return refs.generatedSecret(e.id);
    case 'shellQuoted':
      throw new Error('a shell-quoted value is a data slot of its own (layoutGroup)');
  }
}

/**
 * A part of a concatenation as a HOT string: list_join (JoinMultiple) accepts only strings, maps
 * and lists, so numbers and booleans from parameters go through str_replace (ReplaceJson
 * stringifies scalars with str()); address lists are comma-joined.
 */
function toHotString(e: VarExpr, m: ClusterModel, refs: HotRefs): HotValue {
  switch (e.kind) {
    case 'literal':
      return Array.isArray(e.value) ? (e.value as readonly unknown[]).map(String).join(',') : String(e.value);
    case 'param': {
      if (e.param.kind === 'literal') return String(e.param.value);
      const t = inputType(m, e.param.input);
      if (t === 'string' || t === undefined) return refs.param(e.param.input);
      return { str_replace: { template: 'VALUE', params: { VALUE: refs.param(e.param.input) } } };
    }
    case 'groupAddresses':
      return { list_join: [',', refs.groupAddresses(e.group)] };
    case 'groupAddress':
      return groupAddress(e, refs);
    case 'selfAddress':
      throw new Error('the self address is not known to Heat');
    case 'concat':
      return { list_join: ['', e.parts.map((p) => toHotString(p, m, refs))] };
    case 'groupEndpoints':
      return groupEndpoints(e, refs);
    case 'generatedSecret':
      return refs.generatedSecret(e.id);
    case 'shellQuoted':
      throw new Error('a shell-quoted value cannot be part of a concatenation');
  }
}

function hotInputType(e: VarExpr, m: ClusterModel): DataSlot['type'] {
  switch (e.kind) {
    case 'literal':
      return typeOfLiteral(e.value);
    case 'param': {
      if (e.param.kind === 'literal') return typeOfLiteral(e.param.value);
      const t = inputType(m, e.param.input);
      if (t === 'integer' || t === 'number' || t === 'size' || t === 'duration') return 'Number';
      if (t === 'boolean') return 'Boolean';
      if (t === 'list') return 'CommaDelimitedList';
      return 'String';
    }
    case 'groupAddresses':
      return 'CommaDelimitedList';
    case 'groupAddress':
    case 'selfAddress':
    case 'concat':
    case 'groupEndpoints':
    case 'generatedSecret':
    case 'shellQuoted':
      return 'String';
  }
}

function typeOfLiteral(v: unknown): DataSlot['type'] {
  if (Array.isArray(v)) return 'Json';
  if (typeof v === 'number') return 'Number';
  if (typeof v === 'boolean') return 'Boolean';
  return 'String';
}
