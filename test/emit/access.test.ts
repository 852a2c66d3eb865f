// Exposure (issue 16 item 7a/b), through the front door: the `access` block decides who outside the
// cluster reaches SSH, the admin UIs/APIs and marathon-lb's application ports, in both outputs:
// HOT security-group rules (one remote_ip_prefix per CIDR), TOSCA endpoint ports (one PortSpec per
// CIDR with remote_cidr, as grycap/im reads them); defaults are the narrowest that deploy (HOT: no
// SSH, no admin port; TOSCA: SSH for the orchestrator's IM); every port open to anywhere gets a
// note (CS3160 TOSCA, CS3320 HOT), and TOSCA says what the IM needs (CS3161, CS3162).
import { expect } from 'chai';
import { parse } from 'yaml';
import { compile } from '../../src/compile.js';

type Obj = Record<string, any>;

function build(body: string): { hot: Obj; tosca: Obj; codes: string[]; diags: ReturnType<typeof compile>['diagnostics'] } {
  const src = `cluster "c" {\n  cloud { image = "ubuntu-22.04"  network = "n"  public_network = "p"  key_name = "k" }\n  masters 1 { flavor = "f" }\n  agents 1 { flavor = "f" }\n  load_balancers 1 { flavor = "f" }\n${body}\n}\n`;
  const r = compile(src, 'c.cluster', { targets: ['hot', 'tosca'] });
  expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).to.deep.equal([]);
  const file = (t: string): Obj => parse(r.files.find((f) => f.target === t)!.content) as Obj;
  return { hot: file('hot'), tosca: file('tosca'), codes: r.diagnostics.map((d) => d.code), diags: r.diagnostics };
}

/** [port, cidr] of every rule of a security group that admits addresses outside the cluster. */
function outside(hot: Obj, sg: string): [number, string][] {
  return (hot['resources'][sg]['properties']['rules'] as Obj[]).filter((r) => r['remote_ip_prefix'] !== undefined).map((r) => [r['port_range_min'], r['remote_ip_prefix']]);
}

/** [name, port, remote_cidr] of the endpoint ports of a TOSCA Compute. */
function endpoint(tosca: Obj, node: string): [string, number, string | undefined][] {
  const ports = (tosca['topology_template']['node_templates'][node]['capabilities']['endpoint']?.['properties']['ports'] ?? {}) as Obj;
  return Object.entries(ports).map(([k, p]) => [k, p['source'], p['remote_cidr']]);
}

describe('exposure: the access block in both outputs', () => {
  it('by default opens only marathon-lb 80/443 to anywhere in HOT; TOSCA adds SSH for the IM', () => {
    const { hot, tosca, diags } = build('');
    expect(outside(hot, 'masters_secgroup')).to.deep.equal([]);
    expect(outside(hot, 'load_balancers_secgroup')).to.deep.equal([[80, '0.0.0.0/0'], [443, '0.0.0.0/0']]);
    expect((hot['resources']['agents_secgroup']['properties']['rules'] as Obj[]).some((r) => r['port_range_min'] === 22)).to.equal(false);
    expect(endpoint(tosca, 'mesos_master_server')).to.deep.equal([['ssh_port', 22, undefined]]);
    expect(endpoint(tosca, 'mesos_lb_server')).to.deep.equal([['ssh_port', 22, undefined], ['http_port', 80, undefined], ['https_port', 443, undefined]]);
    // one note per group and output, naming every port open to anywhere
    const notes = diags.filter((d) => d.code === 'CS3160' || d.code === 'CS3320').map((d) => `${d.code} ${d.message}`).sort();
    expect(notes).to.deep.equal([
      'CS3160 the TOSCA output opens 22/tcp (SSH) of `masters` to anywhere (0.0.0.0/0): SSH by default, which the orchestrator\'s IM needs',
      'CS3160 the TOSCA output opens 22/tcp (SSH), 80/tcp (marathon-lb HTTP), 443/tcp (marathon-lb HTTPS) of `load_balancers` to anywhere (0.0.0.0/0): SSH by default, which the orchestrator\'s IM needs; `apps` by default',
      'CS3320 the HOT output opens 80/tcp (marathon-lb HTTP), 443/tcp (marathon-lb HTTPS) of `load_balancers` to anywhere (0.0.0.0/0): `apps` by default',
    ]);
    expect(diags.find((d) => d.code === 'CS3320')!.severity).to.equal('note');
  });

  it('opens each class to its CIDRs only: one HOT rule and one TOSCA port (remote_cidr) per CIDR', () => {
    const { hot, tosca, codes } = build('  access { ssh = [192.0.2.0/24]  admin = [192.0.2.0/24, 198.51.100.7/32]  apps = [203.0.113.0/24] }');
    expect(outside(hot, 'masters_secgroup')).to.deep.equal([
      [22, '192.0.2.0/24'], [4443, '192.0.2.0/24'], [4443, '198.51.100.7/32'], [5050, '192.0.2.0/24'], [5050, '198.51.100.7/32'], [8443, '192.0.2.0/24'], [8443, '198.51.100.7/32'],
    ]);
    expect(outside(hot, 'load_balancers_secgroup').filter(([p]) => p === 80 || p === 443)).to.deep.equal([[80, '203.0.113.0/24'], [443, '203.0.113.0/24']]);
    expect(outside(hot, 'agents_secgroup')).to.deep.equal([]);
    expect(endpoint(tosca, 'mesos_master_server')).to.deep.equal([
      ['ssh_port', 22, '192.0.2.0/24'],
      ['chronos_port', 4443, '192.0.2.0/24'], ['chronos_port_2', 4443, '198.51.100.7/32'],
      ['mesos_port', 5050, '192.0.2.0/24'], ['mesos_port_2', 5050, '198.51.100.7/32'],
      ['marathon_port', 8443, '192.0.2.0/24'], ['marathon_port_2', 8443, '198.51.100.7/32'],
    ]);
    // nothing is open to anywhere: no world-open note; the IM must be in access.ssh (CS3162)
    expect(codes.filter((c) => ['CS3160', 'CS3320', 'CS3161'].includes(c))).to.deep.equal([]);
    expect(codes).to.include('CS3162');
  });

  it('an empty access.ssh closes SSH in HOT; in TOSCA the IM opens it anyway, and CS3161 says so', () => {
    const { hot, tosca, diags } = build('  access { ssh = [] }');
    expect(outside(hot, 'masters_secgroup')).to.deep.equal([]);
    expect(endpoint(tosca, 'mesos_master_server')).to.deep.equal([]);
    const w = diags.filter((d) => d.code === 'CS3161');
    expect(w.map((d) => d.severity)).to.deep.equal(['warning']);
  });

  it('notes the list that asks for anywhere, at its span', () => {
    const src = 'cluster "c" {\n  masters 1 { flavor = "f" }\n  agents 1 { flavor = "f" }\n  access { admin = [0.0.0.0/0] }\n}\n';
    const r = compile(src, 'c.cluster', { targets: ['hot'] });
    const n = r.diagnostics.filter((d) => d.code === 'CS3320');
    expect(n).to.have.length(1);
    expect(src.slice(n[0]!.primary!.span.start, n[0]!.primary!.span.end)).to.equal('[0.0.0.0/0]');
    expect(n[0]!.message).to.contain('5050/tcp').and.contain('`access.admin` allows anywhere');
  });

  it('refuses a CIDR with host bits with the network as the fix (CS2080)', () => {
    const src = 'cluster "c" {\n  masters 1\n  agents 1\n  access { ssh = [192.0.2.7/24] }\n}\n';
    const r = compile(src, 'c.cluster', { targets: ['hot'] });
    expect(r.files).to.deep.equal([]);
    const d = r.diagnostics.find((x) => x.code === 'CS2080')!;
    expect(src.slice(d.primary!.span.start, d.primary!.span.end)).to.equal('192.0.2.7/24');
    expect(d.fix).to.deep.equal([{ span: d.primary!.span, text: '192.0.2.0/24' }]);
  });
});
