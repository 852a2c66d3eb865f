// Platform checks (src/model/checks/platform.ts): an image outside the supported-platform table is
// an error at compile time, with the span of what said so, instead of a bootstrap that fails at boot.
import { expect } from 'chai';
import { DiagnosticCollector } from '../../src/diagnostics/collector.js';
import { lowerSpec } from '../../src/model/lower.js';
import { imageOs } from '../../src/model/checks/platform.js';
import { parseForTest } from './support/parse.js';

function check(cloud: string, masters = ''): { code: string; text: string }[] {
  const src = `cluster "c" {\n  cloud { ${cloud} }\n  masters 1 { ${masters} }\n  agents 1\n}\n`;
  const diag = new DiagnosticCollector();
  lowerSpec(parseForTest(src, 'p.cluster', diag), diag);
  return diag.diagnostics.filter((d) => d.severity === 'error').map((d) => ({ code: d.code, text: src.slice(d.primary!.span.start, d.primary!.span.end) }));
}

describe('model: platform checks', () => {
  it('accepts Ubuntu 22.04 images, by name, by codename, or with an unhelpful name', () => {
    for (const image of ['"ubuntu-22.04"', '"Ubuntu 22.04 LTS (jammy)"', '"jammy-server-cloudimg-amd64"', '"my-golden-image"', 'input']) {
      expect(check(`image = ${image}`), image).to.deep.equal([]);
    }
  });

  it('refuses an os outside the table (CS2060), on the os value', () => {
    expect(check('image = "x" os = "ubuntu 24.04"')).to.deep.equal([{ code: 'CS2060', text: '"ubuntu 24.04"' }]);
    expect(check('image = "x" os = "centos 7"')).to.deep.equal([{ code: 'CS2060', text: '"centos 7"' }]);
  });

  it('refuses an image whose name says another distribution or release (CS2061), also on a group', () => {
    expect(check('image = "centos-7"')).to.deep.equal([{ code: 'CS2061', text: '"centos-7"' }]);
    expect(check('image = "Ubuntu-24.04-noble"')).to.deep.equal([{ code: 'CS2061', text: '"Ubuntu-24.04-noble"' }]);
    expect(check('image = "ubuntu-22.04"', 'image = "debian-12-genericcloud"')).to.deep.equal([{ code: 'CS2061', text: '"debian-12-genericcloud"' }]);
  });

  it('takes an explicit os as the truth about a misleading name', () => {
    expect(check('image = "centos-7-renamed" os = "ubuntu 22.04"')).to.deep.equal([]);
  });

  it('reads distribution and release from image names', () => {
    expect(imageOs('ubuntu-20.04')).to.deep.equal({ distribution: 'ubuntu', version: '20.04' });
    expect(imageOs('Rocky-9-GenericCloud')).to.deep.equal({ distribution: 'rocky', version: '9' });
    expect(imageOs('focal')).to.deep.equal({ distribution: 'ubuntu', version: '20.04' });
    expect(imageOs('almalinux')).to.deep.equal({ distribution: 'almalinux' });
    expect(imageOs('mesos-node')).to.equal(undefined);
  });

  it('refuses Consul names the command line or DNS cannot carry (CS2064)', () => {
    const consul = (attrs: string): string[] => {
      const src = `cluster "c" {\n  masters 1\n  agents 1\n  consul { ${attrs} }\n}\n`;
      const diag = new DiagnosticCollector();
      lowerSpec(parseForTest(src, 'p.cluster', diag), diag);
      return diag.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${src.slice(d.primary!.span.start, d.primary!.span.end)}`);
    };
    expect(consul('datacenter = "bari-1"  domain = "cluster.local"')).to.deep.equal([]);
    expect(consul('datacenter = "bari 1"')).to.deep.equal(['CS2064 "bari 1"']);
    expect(consul('domain = "a..b"')).to.deep.equal(['CS2064 "a..b"']);
    expect(consul("domain = \"it's\"")).to.deep.equal([`CS2064 "it's"`]);
  });
});
