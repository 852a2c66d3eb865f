// grammar/ holds files generated from the parser; this test fails when they are stale, and
// checks that the diagram page needs no network (every script and style inlined).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { diagramAssets } from '../../src/cli/grammar.js';
import { grammarEbnf, grammarHtml } from '../../src/spec/grammar.js';
import { ROOT } from '../support/golden.js';

describe('grammar/ (generated)', function () {
  it('cluster-spec.ebnf is up to date (run `npm run grammar`)', function () {
    expect(readFileSync(join(ROOT, 'grammar/cluster-spec.ebnf'), 'utf8')).to.equal(grammarEbnf());
  });

  it('diagrams.html is up to date and works offline', function () {
    const html = grammarHtml(diagramAssets());
    expect(readFileSync(join(ROOT, 'grammar/diagrams.html'), 'utf8')).to.equal(html);
    expect(html).to.not.match(/<script[^>]+src=/i);
    expect(html).to.not.match(/<link[^>]+href=/i);
    expect(html).to.include('serializedGrammar');
  });

  it('names every rule of the parser, as grammar/README.md does', function () {
    const readme = readFileSync(join(ROOT, 'grammar/README.md'), 'utf8');
    for (const rule of ['spec', 'cluster', 'statement', 'attribute', 'block', 'count', 'value', 'inputRef', 'list']) {
      expect(grammarEbnf()).to.match(new RegExp(`^${rule} +=`, 'm'));
      expect(readme, `grammar/README.md documents ${rule}`).to.include(`\`${rule}\``);
    }
  });
});
