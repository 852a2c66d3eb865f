// Lowering: AST → cluster model. Resolves block and attribute names, applies the defaults of
// grammar/README.md ("Blocks and attributes"), normalises units, derives input names and runs
// the meaning checks (checks/*.ts). Runs on partial ASTs (missing parts are skipped), never
// throws, and reports every problem it finds in one run. A cluster without a masters block
// yields no model; every other cluster yields one (possibly with errors reported).
import type { DiagnosticCollector } from '../diagnostics/collector.js';
import type { Span } from '../diagnostics/span.js';
import type { Attribute, Block, ClusterDecl, SpecFile } from '../spec/ast.js';
import { resolveBody, canonicalBlock } from './body.js';
import { checkClusterNames } from './checks/names.js';
import { checkTopology } from './checks/topology.js';
import { lowerGroup, type LoweredGroup } from './groups.js';
import { InputTable } from './inputs.js';
import type { CloudSettings, ClusterModel, HostGroup } from './model.js';
import { lowerAccess } from './access.js';
import { lowerCloud } from './cloud.js';
import type { ClusterFacts } from '../services/types.js';
import { lowerServices } from './services.js';
import { attributeSpans } from './spans.js';
import { literalOf, type ValueCtx } from './values.js';
import { BLOCKS, CLUSTER_ATTRS } from './vocabulary.js';

/** Lowers every cluster of `ast`; reports meaning errors into `diag`. */
export function lowerSpec(ast: SpecFile, diag: DiagnosticCollector): ClusterModel[] {
  checkClusterNames(diag, ast.clusters);
  const out: ClusterModel[] = [];
  for (const c of ast.clusters) {
    const m = lowerCluster(c, diag);
    if (m) out.push(m);
  }
  return out;
}

/** The blocks of one cluster after duplicate checks, by canonical name. */
interface ClusterBlocks {
  readonly single: Map<string, Block>;
  readonly agents: Block[];
}

function collectBlocks(diag: DiagnosticCollector, blocks: readonly Block[]): ClusterBlocks {
  const single = new Map<string, Block>();
  const agents: Block[] = [];
  const poolKeys = new Map<string, Block>();
  for (const b of blocks) {
    const name = canonicalBlock(b.name.name);
    const spec = name !== undefined ? BLOCKS[name] : undefined;
    if (name === undefined || !spec) continue;
    if (b.label && !spec.label) {
      diag.report('CS2023', b.label.span, { block: b.name.name }, { help: 'remove the label' });
    }
    if (b.count && spec.count === 'none') {
      diag.report('CS2022', b.count.span, { block: b.name.name }, { help: `write \`${b.name.name} { ... }\`` });
    }
    if (name === 'agents') {
      const key = b.label?.value ?? '';
      const first = poolKeys.get(key);
      if (first) {
        diag.report('CS2007', b.name.span, { what: key === '' ? 'unnamed agent pool' : `agent pool \`${key}\`` }, {
          secondary: [{ span: first.name.span, message: 'first declared here' }],
          help: key === '' ? 'give each pool its own label: `agents "gpu" 0..4 { ... }`' : 'give the pools different labels',
        });
        continue;
      }
      poolKeys.set(key, b);
      agents.push(b);
      continue;
    }
    const first = single.get(name);
    if (first) {
      diag.report('CS2007', b.name.span, { what: `block \`${name}\`` }, {
        secondary: [{ span: first.name.span, message: 'first declared here' }],
        help: `merge the two \`${name}\` blocks`,
      });
      continue;
    }
    single.set(name, b);
  }
  return { single, agents };
}

function lowerCluster(c: ClusterDecl, diag: DiagnosticCollector): ClusterModel | undefined {
  const ctx: ValueCtx = { diag, inputs: new InputTable(diag) };
  const name = c.name?.value ?? '';
  const nameSpan: Span = c.name?.span ?? c.keywordSpan;
  const body = resolveBody(diag, c.body, CLUSTER_ATTRS, 'cluster');
  const blocks = collectBlocks(diag, body.blocks);

  const description = lowerDescription(ctx, body.attrs.get('description'));

  const version = lowerVersion(ctx, body.attrs.get('version'));

  const cloud = lowerCloud(ctx, blocks.single.get('cloud'));
  const imageInputAt = ctx.inputs.length;

  const { masters, pools, lbs } = lowerHostGroups(ctx, blocks);
  const groups = [masters, ...pools, lbs].filter((g): g is LoweredGroup => g !== undefined);
  const cloudSettings = withImplicitImage(ctx, cloud, groups, imageInputAt);

  const access = lowerAccess(ctx, blocks.single.get('access'));
  // The admin ports of public hosts are reachable from outside only when `access.admin` names a CIDR.
  const adminOrigin = (access?.admin?.cidrs.length ?? 0) > 0 ? access?.admin?.origin : undefined;
  const services = lowerServices(ctx, clusterFacts(name, masters, pools, lbs, adminOrigin), blocks.single);

  checkTopology(diag, {
    clusterName: name,
    nameSpan,
    cloud: cloudSettings,
    masters,
    pools,
    loadBalancers: lbs,
    blocks: blocks.single,
    inputs: ctx.inputs.all,
  });

  const spans = attributeSpans(blocks.single);

  if (!masters) return undefined;
  const agentPools: HostGroup[] = pools.map((p) => p.group);
  return {
    name,
    nameSpan,
    description,
    ...(version !== undefined ? { version } : {}),
    sourceFile: c.span.file,
    cloud: cloudSettings,
    masters: masters.group,
    agentPools,
    loadBalancers: lbs?.group,
    services,
    ...(access !== undefined ? { access } : {}),
    inputs: ctx.inputs.all,
    attributeSpans: spans,
    origin: c.span,
  };
}

/** The host groups in spec order: masters, agent pools, load balancers. */
function lowerHostGroups(ctx: ValueCtx, blocks: ReturnType<typeof collectBlocks>): { masters: LoweredGroup | undefined; pools: LoweredGroup[]; lbs: LoweredGroup | undefined } {
  const mastersBlock = blocks.single.get('masters');
  const masters = mastersBlock ? lowerGroup(ctx, 'masters', mastersBlock) : undefined;
  const pools: LoweredGroup[] = blocks.agents.map((b) => lowerGroup(ctx, 'agents', b));
  const lbBlock = blocks.single.get('load_balancers');
  const lbs = lbBlock ? lowerGroup(ctx, 'load_balancers', lbBlock) : undefined;
  return { masters, pools, lbs };
}

/** What the services are lowered against: the lowered host groups and their ids. */
function clusterFacts(name: string, masters: LoweredGroup | undefined, pools: readonly LoweredGroup[], lbs: LoweredGroup | undefined, adminOrigin: Span | undefined): ClusterFacts {
  const ids = { masters: masters ? [masters.group.id] : [], agents: pools.map((p) => p.group.id), loadBalancers: lbs ? [lbs.group.id] : [] };
  const all = [...ids.masters, ...ids.agents, ...ids.loadBalancers];
  return { name, masters: masters?.group, pools: pools.map((p) => p.group), loadBalancers: lbs?.group, ids: { ...ids, all }, adminOrigin };
}

/** The cluster `description`: a literal string, '' when absent. */
function lowerDescription(ctx: ValueCtx, attr: Attribute | undefined): string {
  const spec = CLUSTER_ATTRS['description'];
  if (!attr?.value || !spec) return '';
  if (attr.value.kind === 'input') {
    ctx.diag.report('CS2030', attr.value.keywordSpan, { name: 'description' }, { help: 'write the description as a string' });
    return '';
  }
  const d = literalOf(ctx, attr.value, spec, 'description');
  return typeof d === 'string' ? d : '';
}

/** The implicit required input `image` when neither the cloud nor every group names an image. */
function withImplicitImage(ctx: ValueCtx, cloud: CloudSettings, groups: readonly LoweredGroup[], at: number): CloudSettings {
  if (cloud.image || !groups.some((g) => !g.hasImage)) return cloud;
  const added = ctx.inputs.add({
    name: 'image',
    type: 'string',
    secret: false,
    description: 'image name or id of every host',
    implicit: true,
    origin: undefined,
  }, at);
  return added ? { image: { kind: 'input', input: 'image', origin: undefined }, ...cloud } : cloud;
}

/** The cluster `version` attribute: a literal string (it names a template version, never an input). */
function lowerVersion(ctx: ValueCtx, attr: Attribute | undefined): string | undefined {
  const spec = CLUSTER_ATTRS['version'];
  if (!attr?.value || !spec) return undefined;
  if (attr.value.kind === 'input') {
    ctx.diag.report('CS2030', attr.value.keywordSpan, { name: 'version' }, { help: 'write the version as a string such as "1.0.0"' });
    return undefined;
  }
  const v = literalOf(ctx, attr.value, spec, 'version');
  return typeof v === 'string' ? v : undefined;
}
