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
/** Each codename as a word of an image name, in CODENAMES' order (compiled once, not per image). */
const CODENAME_WORDS: readonly (readonly [RegExp, string])[] = Object.entries(CODENAMES).map(([code, version]) => [new RegExp(`(^|[^a-z])${code}([^a-z]|$)`), version]);
/** Distribution words in image names → the `os` distribution they mean. */
const DISTRIBUTIONS: Readonly<Record<string, string>> = {
  ubuntu: 'ubuntu', debian: 'debian', centos: 'centos', rhel: 'rhel', redhat: 'rhel', rocky: 'rocky',
  alma: 'almalinux', almalinux: 'almalinux', fedora: 'fedora',
};

/** What an image name says about its OS: distribution and, when it says, a version. */
export function imageOs(name: string): { distribution: string; version?: string } | undefined {
  const lower = name.toLowerCase();
  for (const [re, version] of CODENAME_WORDS) if (re.test(lower)) return { distribution: 'ubuntu', version };
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
