// CS3209: a HOT template above Heat's default max_template_size gets a warning naming its size.
import { expect } from 'chai';
import { compile } from '../../../src/compile.js';
import { HEAT_MAX_TEMPLATE_SIZE } from '../../../src/emit/hot/index.js';

function spec(pools: number): string {
  const lines = ['cluster "big" {', '  cloud { image = "ubuntu-22.04" network = "n" key_name = "k" public_network = "p" }', '  masters 3 { flavor = "m1" }'];
  for (let i = 0; i < pools; i++) lines.push(`  agents "p${i}" 1 { flavor = "m1" }`);
  return [...lines, '}'].join('\n') + '\n';
}

describe('emit/hot template size', function () {
  this.timeout(60000);
  it('warns with CS3209 above Heat\'s max_template_size, and not below', function () {
    const small = compile(spec(2), 'small.cluster', { targets: ['hot'] });
    expect(small.diagnostics.map((d) => d.code)).to.not.include('CS3209');
    const big = compile(spec(120), 'big.cluster', { targets: ['hot'] });
    const hot = big.files.find((f) => f.target === 'hot')!;
    expect(Buffer.byteLength(hot.content)).to.be.greaterThan(HEAT_MAX_TEMPLATE_SIZE);
    const d = big.diagnostics.filter((x) => x.code === 'CS3209');
    expect(d).to.have.length(1);
    expect(d[0]!.severity).to.equal('warning');
    expect(d[0]!.primary?.span.start).to.equal('cluster '.length);
  });
});
