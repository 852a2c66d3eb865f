// Codes of issue 11 ("every setting takes effect or is refused"): GPU agent pools and the settings
// a target does not use. CS212x are meaning checks (src/model/gpu.ts) and the subnet note both emitters
// give (src/emit/subnet-note.ts),
// CS333x HOT emitter notes (src/emit/hot/settings.ts); each names the attribute and the target.
import { defineCodes, tick } from './define.js';

export const SETTINGS_CODES = defineCodes({
  CS2120: {
    name: 'subnet-checks-only',
    severity: 'note',
    configurable: true,
    message: (_a: object) => '`cloud.subnet` only checks the addresses of the spec; neither the TOSCA nor the HOT output uses it',
    explain: `\`subnet\` is the CIDR of the private subnet the hosts are on. clusterc uses it to check that
the load balancers' \`vip\` is a usable address in it (CS2018). Neither output creates or selects a
subnet: in TOSCA the orchestrator chooses the networks, in HOT the ports get their addresses from
\`network\`. Allow with --allow subnet-checks-only.`,
  },
  CS2121: {
    name: 'gpu-vendor-unsupported',
    severity: 'error',
    message: (a: { vendor: string }) => `Mesos supports NVIDIA GPUs only, not ${tick(a.vendor)}`,
    explain: `The Mesos agent isolates GPUs with its \`gpu/nvidia\` isolator, which indigo-dc.mesos
turns on (tasks/slave.yml) only where \`/usr/bin/nvidia-smi\` runs; GPUs of any other vendor would
never be offered to a task. Write \`gpu_vendor = "NVIDIA"\` or leave it out (the flavor decides).`,
  },
  CS2122: {
    name: 'gpu-attribute-without-gpus',
    severity: 'error',
    message: (a: { name: string }) => `${tick(a.name)} describes GPUs, but the pool has no \`gpus\``,
    explain: `\`gpu_vendor\`, \`gpu_model\`, \`cuda\` and \`cudnn\` describe the GPUs of a pool's hosts and the
CUDA software of their image; they mean nothing without \`gpus = N\`, the number of GPUs of each host,
which is what makes the pool a GPU pool (GPU support in Mesos, Marathon and Chronos).`,
  },
  CS3330: {
    name: 'hot-flavor-decides',
    severity: 'note',
    configurable: true,
    message: (a: { attrs: string; group: string; flavor: string }) =>
      `${a.attrs} of ${tick(a.group)}: not used by the HOT output, the flavor ${a.flavor} decides`,
    explain: `OS::Nova::Server takes a flavor, and the flavor fixes the CPUs, memory, root disk and GPUs
of the server; Heat cannot ask for them one by one. When a host group names its flavor, the spec's
cpus, memory, gpus, gpu_vendor and gpu_model are used by the TOSCA output only (the orchestrator
picks a matching flavor), and this note names them. Without a flavor the HOT output asks for one in
a <group>_flavor parameter whose description lists them. Allow with --allow hot-flavor-decides.`,
  },
  CS3331: {
    name: 'hot-gpu-image',
    severity: 'note',
    configurable: true,
    message: (a: { group: string; needs: string }) =>
      `the HOT output boots ${tick(a.group)} from the image as given: it must have ${a.needs}`,
    explain: `The TOSCA output asks the orchestrator for an image with the NVIDIA driver (os.gpu_driver)
and, with \`cuda\` / \`cudnn\`, for those versions (os.cuda_support, os.cuda_min_version,
os.cuDNN_version). Heat boots the image it is given: the pool's image must already have the NVIDIA
driver (indigo-dc.mesos enables GPU isolation only where /usr/bin/nvidia-smi runs), the NVIDIA
Container Toolkit (the HOT bootstrap runs the Mesos agent in a container and passes the GPUs to it),
and the CUDA and cuDNN versions named. Allow with --allow hot-gpu-image.`,
  },
});
