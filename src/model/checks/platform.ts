// Platform checks: the cluster's images must be a platform the bootstrap supports
// (src/roles/platform.ts), so that an unsupported image is an error at compile time instead of a
// deployment that fails at boot. CS2060: `cloud.os` outside the platform table. CS2061: a literal
// image name that names another distribution or release than `os` (an image called "centos-7" with
// the default `os` would get an Ubuntu/apt bootstrap). Reports only.
import type { DiagnosticCollector } from '../../diagnostics/collector.js';
import type { Span } from '../../diagnostics/span.js';
import type { Block } from '../../spec/ast.js';
import { PLATFORMS, platformOf } from '../../roles/platform.js';
import type { CloudSettings, Param } from '../model.js';

/** Ubuntu release codenames, for image names such as `jammy-server-cloudimg`. */
const CODENAMES: Readonly<Record<string, string>> = {
  xenial: '16.04', bionic: '18.04', focal: '20.04', jammy: '22.04', noble: '24.04',
};
/** Distribution words in image names → the `os` distribution they mean. */
const DISTRIBUTIONS: Readonly<Record<string, string>> = {
  ubuntu: 'ubuntu', debian: 'debian', centos: 'centos', rhel: 'rhel', redhat: 'rhel', rocky: 'rocky',
  alma: 'almalinux', almalinux: 'almalinux', fedora: 'fedora',
};

/** What an image name says about its OS: distribution and, when it says, a version. */
export function imageOs(name: string): { distribution: string; version?: string } | undefined {
  const lower = name.toLowerCase();
  for (const [code, version] of Object.entries(CODENAMES)) {
    if (new RegExp(`(^|[^a-z])${code}([^a-z]|$)`).test(lower)) return { distribution: 'ubuntu', version };
  }
  const word = /(^|[^a-z])(ubuntu|debian|centos|rhel|redhat|rocky|almalinux|alma|fedora)([^a-z]|$)/.exec(lower);
  if (!word) return undefined;
  const distribution = DISTRIBUTIONS[word[2]!]!;
  const rest = lower.slice(word.index + word[0].length - 1);
  const v = /^[^0-9]{0,3}(\d+(?:\.\d+)?)/.exec(rest)?.[1];
  return v !== undefined ? { distribution, version: v } : { distribution };
}

/** The span of attribute `name` in a block body, if written there. */
function attrSpan(block: Block | undefined, name: string): Span | undefined {
  const a = block?.body?.find((st) => st.kind === 'attribute' && st.name.name === name);
  return a?.kind === 'attribute' ? (a.value?.span ?? a.span) : undefined;
}

const SUPPORTED = PLATFORMS.map((p) => `${p.distribution} ${p.version}`).join(', ');

/** Runs the platform checks of one cluster: `cloud.os` and every literal image name. */
export function checkPlatform(diag: DiagnosticCollector, cloud: CloudSettings, cloudBlock: Block | undefined, images: readonly Param<string>[]): void {
  const os = cloud.os;
  if (platformOf(os) === undefined) {
    diag.report('CS2060', attrSpan(cloudBlock, 'os') ?? cloud.origin, { os: `${os.distribution} ${os.version}` }, {
      label: 'not a supported platform',
      help: `use an image of ${SUPPORTED} and write \`os = "${PLATFORMS[0]!.distribution} ${PLATFORMS[0]!.version}"\` (or leave \`os\` out)`,
    });
    return;
  }
  // An explicit `os` is the operator's word about the image; only the default is second-guessed.
  if (attrSpan(cloudBlock, 'os') !== undefined) return;
  for (const image of images) {
    if (image.kind !== 'literal') continue;
    const said = imageOs(image.value);
    if (said === undefined) continue;
    if (said.distribution === os.distribution && (said.version === undefined || said.version === os.version)) continue;
    diag.report('CS2061', image.origin ?? cloud.origin, {
      image: image.value,
      looks: said.version ? `${said.distribution} ${said.version}` : said.distribution,
      os: `${os.distribution} ${os.version}`,
    }, {
      label: `looks like ${said.version ? `${said.distribution} ${said.version}` : said.distribution}`,
      help: `use an image of ${SUPPORTED}; if the name is misleading and the image is ${os.distribution} ${os.version}, say so with \`os = "${os.distribution} ${os.version}"\` in \`cloud\``,
    });
  }
}

/**
 * Services that cannot work on any supported platform, so a spec asking for them is refused:
 * - rexray (CS2062): indigo-dc.mesos installs REX-Ray, dvdcli and the DVDI isolator from
 *   dl.bintray.com (defaults/main.yml:75 rexray_pkg_url, tasks/install-dvdi_mod.yml:2-3), which stopped
 *   serving in 2021; its config template also hard-codes the cinder driver (templates/rexray-conf.j2).
 * - calico (CS2063): indigo-dc.calico (2016) wires Calico into Docker's `--cluster-store`
 *   (tasks/main.yml:9-16) for calicoctl 0.19's libnetwork plugin; Docker 23 removed the cluster store,
 *   and indigo-dc.docker installs the current Docker CE.
 */
export function checkUnavailableServices(diag: DiagnosticCollector, blocks: ReadonlyMap<string, Block>): void {
  const rexray = blocks.get('rexray');
  if (rexray) diag.report('CS2062', rexray.name.span, {}, { label: 'cannot be installed', help: 'remove the `rexray` block; give agents volumes another way (e.g. Marathon local persistent volumes)' });
  const calico = blocks.get('calico');
  if (calico) diag.report('CS2063', calico.name.span, {}, { label: 'cannot work with current Docker', help: 'remove the `calico` block; containers use Docker bridge networking' });
}

/**
 * Consul names reach the consul container's command line (compat fix consul-datacenter-domain:
 * `-dc "{{ consul_dc }}" -domain "{{ consul_domain }}"`, split with shlex) and Consul itself: a
 * datacenter is letters, digits, `-` and `_`; a domain is DNS labels joined by dots (CS2064).
 */
export function checkConsulNames(diag: DiagnosticCollector, consul: Block | undefined): void {
  const rules: readonly [string, RegExp, string][] = [
    ['datacenter', /^[A-Za-z0-9_-]{1,63}$/, 'letters, digits, `-` and `_`'],
    ['domain', /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/, 'DNS labels (letters, digits, inner `-`) joined by dots'],
  ];
  for (const [name, re, what] of rules) {
    const a = consul?.body?.find((st) => st.kind === 'attribute' && st.name.name === name);
    if (a?.kind !== 'attribute' || a.value?.kind !== 'string') continue;
    if (!re.test(a.value.value)) {
      diag.report('CS2064', a.value.span, { name, value: a.value.value, what }, { help: `use ${what}, e.g. \`${name === 'domain' ? 'consul' : 'bari'}\`` });
    }
  }
}
