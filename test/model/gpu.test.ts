// GPU agent pools (issue 11): lowering of gpus / gpu_vendor / gpu_model / cuda / cudnn, their
// checks (CS2121, CS2122, CS2030, CS2002 on the masters), and what each output makes of them: the
// TOSCA host and os capabilities and enable_gpu_support, the HOT role variables, GPU flavor
// parameter and notes (CS3330, CS3331). Specs go through the real front end (compile).
import { expect } from 'chai';
import YAML from 'yaml';
import { compile } from '../../src/compile.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { planCluster } from '../../src/roles/index.js';

const FILE = 'gpu.cluster';

function spec(pool: string, masters = ''): string {
  return `cluster "gpu" {
  cloud { image = "ubuntu-22.04" network = "net" key_name = "key" }
  masters 1 { flavor = "m1.large" ${masters} }
  agents 1 { flavor = "m1.large" }
  agents "gpu" 1 { ${pool} }
}
`;
}

type Obj = Record<string, any>;

function build(text: string): { tosca: Obj; hot: Obj; ds: readonly Diagnostic[]; text: string } {
  const r = compile(text, FILE, { targets: ['tosca', 'hot'], hot: { mode: 'cloud-init' } });
  const file = (t: string): Obj => YAML.parse(r.files.find((f) => f.target === t)?.content ?? 'null') as Obj;
  return { tosca: file('tosca'), hot: file('hot'), ds: r.diagnostics, text };
}

const codes = (ds: readonly Diagnostic[]): string[] => ds.filter((d) => d.severity === 'error').map((d) => d.code);
const at = (d: Diagnostic | undefined, text: string): string => (d?.primary ? text.slice(d.primary.span.start, d.primary.span.end) : '');

describe('GPU agent pools', () => {
  it('sets the INDIGO GPU properties in TOSCA: host, os, enable_gpu_support on the pool and the master', () => {
    const { tosca, ds } = build(spec('flavor = "g1" gpus = 2 gpu_vendor = "NVIDIA" gpu_model = "Tesla V100" cuda = "11.8" cudnn = "8.6"'));
    expect(codes(ds)).to.deep.equal([]);
    const nodes = tosca['topology_template']['node_templates'] as Obj;
    const caps = nodes['mesos_slave_gpu_server']['capabilities'];
    expect(caps['host']['properties']).to.deep.include({ num_gpus: 2, gpu_vendor: 'NVIDIA', gpu_model: 'Tesla V100', instance_type: 'g1' });
    expect(caps['os']['properties']).to.deep.include({ gpu_driver: true, cuda_support: true, cuda_min_version: '11.8', cuDNN_version: '8.6' });
    expect(nodes['mesos_slave_gpu']['properties']['enable_gpu_support']).to.equal(true);
    expect(nodes['mesos_master']['properties']['enable_gpu_support']).to.equal(true);
    // The plain pool is not a GPU pool.
    expect(nodes['mesos_slave']['properties']).to.not.have.property('enable_gpu_support');
    expect(nodes['mesos_slave_server']['capabilities']['host']['properties']).to.not.have.property('num_gpus');
    expect(nodes['mesos_slave_server']['capabilities']['os']['properties']).to.not.have.property('gpu_driver');
  });

  it('without a GPU pool, nothing says GPU in either output', () => {
    const { tosca, hot, ds } = build(spec('flavor = "g1"'));
    expect(codes(ds)).to.deep.equal([]);
    expect(JSON.stringify(tosca)).to.not.match(/num_gpus|gpu_driver|enable_gpu_support/);
    expect(JSON.stringify(hot['resources'])).to.not.match(/clusterc_in_\w*enable_gpu_support/);
  });

  it('gives the role plan the GPU variables of the mesos, marathon and chronos roles', () => {
    const r = compile(spec('flavor = "g1" gpus = 1'), FILE, { stopAfter: 'lower' });
    const plans = planCluster(r.models[0]!);
    const vars = (group: string, role: string): Obj => plans.find((p) => p.group.id === group)!.roles.find((x) => x.role.id === role)!.vars as Obj;
    expect(vars('agents_gpu', 'mesos')['mesos_enable_gpu_support']).to.deep.equal({ kind: 'literal', value: true });
    expect(vars('agents', 'mesos')).to.not.have.property('mesos_enable_gpu_support');
    expect(vars('masters', 'marathon')['marathon_enable_gpu_support']).to.deep.equal({ kind: 'literal', value: true });
    expect(vars('masters', 'chronos')['chronos_enable_gpu_support']).to.deep.equal({ kind: 'literal', value: true });
  });

  it('asks for a GPU flavor in HOT when the pool names none, with the GPUs in its description', () => {
    const { hot, ds } = build(spec('gpus = 2 gpu_model = "A100"'));
    expect(codes(ds)).to.deep.equal([]);
    const p = hot['parameters']['agents_gpu_flavor'];
    expect(p['description']).to.match(/^GPU flavor of each host of agents_gpu; the spec asks for 2 NVIDIA A100 GPUs$/);
    expect(ds.some((d) => d.code === 'CS3330')).to.equal(false);
  });

  it('notes in HOT what a named flavor decides (CS3330) and what the image must have (CS3331), on the attributes', () => {
    const { ds, text } = build(spec('flavor = "g1" gpus = 2 cuda = "11.8" cudnn = "8.6"'));
    const flavor = ds.find((d) => d.code === 'CS3330');
    expect(at(flavor, text)).to.equal('gpus = 2');
    const image = ds.find((d) => d.code === 'CS3331');
    expect(at(image, text)).to.equal('cuda = "11.8"');
    expect(image?.secondary?.map((l) => text.slice(l.span.start, l.span.end))).to.deep.equal(['cudnn = "8.6"']);
    expect(image?.message).to.match(/NVIDIA driver.*Container Toolkit.*CUDA 11\.8.*cuDNN 8\.6/);
  });

  it('refuses a vendor Mesos cannot isolate (CS2121), GPU details without gpus (CS2122) and gpus as an input (CS2030)', () => {
    const vendor = build(spec('gpus = 1 gpu_vendor = "AMD"'));
    expect(codes(vendor.ds)).to.deep.equal(['CS2121']);
    expect(at(vendor.ds.find((d) => d.code === 'CS2121'), vendor.text)).to.equal('"AMD"');
    expect(vendor.tosca).to.equal(null);
    const lone = build(spec('cuda = "11.8" gpu_model = "A100"'));
    expect(codes(lone.ds)).to.deep.equal(['CS2122', 'CS2122']);
    expect(lone.ds.filter((d) => d.code === 'CS2122').map((d) => at(d, lone.text))).to.deep.equal(['gpu_model', 'cuda']);
    const input = build(spec('gpus = input(1)'));
    expect(codes(input.ds)).to.deep.equal(['CS2030']);
  });

  it('GPUs belong to agent pools: `gpus` on the masters is CS2002 with that help', () => {
    const { ds } = build(spec('gpus = 1', 'gpus = 1'));
    const d = ds.find((x) => x.code === 'CS2002');
    expect(d?.help).to.match(/agent pool/);
  });
});
