// TOSCA Simple Profile 1.0 §3.5.6 (artifact definitions) and §3.5.13 (operation implementation): relative
// artifact files and implementations exist relative to the declaring file (LT2006), URLs are well formed
// (LT2007), and tosca.artifacts.AnsibleGalaxy.role files install a role named
// `namespace.role` once the IM and ansible-galaxy have read them (LT2008, INDIGO).
import { installedRole } from '../../roles/im-artifact.js';
import type { RuleContext } from '../context.js';
import { resolveRelative } from '../reader.js';
import { isUrl } from '../scope.js';
import { isYMap, own, type DataPath } from '../source.js';
import { checkArtifactTypes, checkInterfaces, checkTypeRef } from './type-refs.js';

/** A role name that playbooks can include: `namespace.role` (Galaxy's form, as the INDIGO playbooks name them). */
const GALAXY_NAME = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
/** A version or commit after the name: no spaces, nothing the IM splits on. */
const VERSION = /^[A-Za-z0-9_.\/+-]+$/;

/** Checks artifacts and operation implementations of node types and node templates. */
export function checkArtifacts(ctx: RuleContext): void {
  const check = (owner: unknown, path: DataPath) => {
    const arts = own(owner, 'artifacts');
    const names = new Set(isYMap(arts) ? Object.keys(arts) : []);
    if (isYMap(arts)) for (const [n, a] of Object.entries(arts)) artifact(ctx, a, [...path, 'artifacts', n]);
    const ifaces = own(owner, 'interfaces');
    if (!isYMap(ifaces)) return;
    for (const [iname, idef] of Object.entries(ifaces)) {
      if (!isYMap(idef)) continue;
      for (const [op, odef] of Object.entries(idef)) {
        if (op === 'type' || op === 'inputs') continue;
        const p = [...path, 'interfaces', iname, op];
        const impl = typeof odef === 'string' ? odef : own(odef, 'implementation');
        const implPath = typeof odef === 'string' ? p : [...p, 'implementation'];
        if (typeof impl === 'string') file(ctx, impl, implPath, names);
        else if (isYMap(impl)) {
          const primary = own(impl, 'primary');
          if (typeof primary === 'string') file(ctx, primary, [...implPath, 'primary'], names);
          const deps = own(impl, 'dependencies');
          if (Array.isArray(deps)) deps.forEach((d, i) => typeof d === 'string' && file(ctx, d, [...implPath, 'dependencies', i], names));
        }
      }
    }
  };
  const types = own(ctx.root, 'node_types');
  if (isYMap(types)) for (const [n, d] of Object.entries(types)) check(d, ['node_types', n]);
  const templates = own(own(ctx.root, 'topology_template'), 'node_templates');
  if (isYMap(templates)) {
    for (const [n, d] of Object.entries(templates)) {
      const p = ['topology_template', 'node_templates', n];
      check(d, p);
      checkArtifactTypes(ctx, own(d, 'artifacts'), [...p, 'artifacts']);
      checkInterfaces(ctx, own(d, 'interfaces'), [...p, 'interfaces']);
    }
  }
}

function artifact(ctx: RuleContext, a: unknown, path: DataPath): void {
  const f = typeof a === 'string' ? a : own(a, 'file');
  const fpath = typeof a === 'string' ? path : [...path, 'file'];
  const type = own(a, 'type');
  if (typeof f !== 'string') return;
  if (typeof type === 'string') {
    checkTypeRef(ctx, 'artifact', type, [...path, 'type']);
    if (ctx.scope.derivesFrom('artifact', type, 'tosca.artifacts.AnsibleGalaxy.role') || type === 'tosca.artifacts.AnsibleGalaxy.role') {
      // Judged as the orchestrator's Infrastructure Manager and ansible-galaxy read it (src/roles/im-artifact.ts).
      const role = installedRole(f);
      if (!GALAXY_NAME.test(role.name) || (role.version !== undefined && !VERSION.test(role.version))) {
        ctx.report('LT2008', fpath, { role: f, installedAs: role.name }, {
          help: 'write it as `namespace.role`, `namespace.role,version` (e.g. `indigo-dc.mesos,v1.0.0`), or, to pin a commit, `https://github.com/<owner>/<repo>/archive/<commit>.tar.gz|namespace.role`',
        });
      }
      return;
    }
    // Images and other deployment artifacts name things in registries, not files.
    if (ctx.scope.derivesFrom('artifact', type, 'tosca.artifacts.Deployment.Image')) return;
  }
  file(ctx, f, fpath, new Set());
}

function file(ctx: RuleContext, f: string, path: DataPath, artifactNames: ReadonlySet<string>): void {
  if (artifactNames.has(f)) return;
  if (isUrl(f)) {
    if (!wellFormedUrl(f)) ctx.report('LT2007', path, { url: f });
    return;
  }
  const target = resolveRelative(ctx.pf.file, f);
  if (!ctx.reader.exists(target)) ctx.report('LT2006', path, { file: f }, { notes: [`looked for \`${target}\``] });
}

/** True for an absolute URI without whitespace: with a host after `//` (except `file:`), or `scheme:path`. */
export function wellFormedUrl(s: string): boolean {
  if (/\s/.test(s)) return false;
  try {
    const u = new URL(s);
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) return true;
    return u.protocol === 'file:' || u.hostname.length > 0;
  } catch {
    return false;
  }
}
