// Lowering of the cloud block into CloudSettings, with the defaults of grammar/README.md (image,
// networks and key pair may be inputs; `os` defaults to ubuntu 22.04).
import type { Block } from '../spec/ast.js';
import type { CloudSettings } from './model.js';
import { Settings } from './settings.js';
import { closest } from './suggest.js';
import type { ValueCtx } from './values.js';
import { BLOCKS, OS_DISTRIBUTIONS } from './vocabulary.js';

/** Lowers the `cloud` block (or its absence) into CloudSettings. */
export function lowerCloud(ctx: ValueCtx, block: Block | undefined): CloudSettings {
  const s = new Settings(ctx, block, 'cloud', BLOCKS['cloud']?.attrs ?? {});
  const image = s.param<string>('image', 'image');
  const network = s.param<string>('network', 'network');
  const publicNetwork = s.param<string>('public_network', 'public_network');
  const keyName = s.param<string>('key_name', 'key_name');
  const availabilityZone = s.param<string>('availability_zone', 'availability_zone');
  let os = { distribution: 'ubuntu', version: '22.04' };
  const osv = s.plain('os');
  if (osv && typeof osv.value === 'string') {
    const parsed = parseOs(osv.value);
    if (parsed) os = parsed;
    else {
      const first = osv.value.trim().split(/\s+/)[0] ?? '';
      const dist = closest(first.toLowerCase(), OS_DISTRIBUTIONS);
      ctx.diag.report('CS2026', osv.span, { os: osv.value }, {
        help: dist !== undefined && dist !== first.toLowerCase() ? `did you mean \`${dist}\`? write "<distribution> <version>", e.g. "${dist} 22.04"` : 'write "<distribution> <version>", e.g. "ubuntu 22.04"',
      });
    }
  }
  const subnetv = s.plain('subnet');
  return {
    ...(image ? { image } : {}),
    os,
    ...(network ? { network } : {}),
    ...(subnetv && typeof subnetv.value === 'string' ? { subnet: { cidr: subnetv.value, origin: subnetv.span } } : {}),
    ...(publicNetwork ? { publicNetwork } : {}),
    ...(keyName ? { keyName } : {}),
    ...(availabilityZone ? { availabilityZone } : {}),
    origin: s.origin,
  };
}

/** Parses "<distribution> <version>" (case-insensitive), or undefined. */
export function parseOs(text: string): { distribution: string; version: string } | undefined {
  const m = /^\s*([A-Za-z]+)\s+(\d+(?:\.\d+)*)\s*$/.exec(text);
  if (!m || !m[1] || !m[2]) return undefined;
  const distribution = m[1].toLowerCase();
  return OS_DISTRIBUTIONS.includes(distribution) ? { distribution, version: m[2] } : undefined;
}

