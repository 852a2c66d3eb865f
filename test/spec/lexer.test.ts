import { expect } from 'chai';
import { isUnit, specLexer } from '../../src/spec/tokens.js';

function kinds(text: string): string[] {
  const r = specLexer().tokenize(text);
  return r.tokens.map((t) => `${t.tokenType.name}:${t.image}`);
}

describe('lexer', function () {
  it('skips both comment styles and white space', function () {
    expect(kinds('a # x\n// y\r\n\tb')).to.deep.equal(['Identifier:a', 'Identifier:b']);
  });

  it('lexes keywords, but not as prefixes of names', function () {
    expect(kinds('cluster input secret true false clusters inputs truely')).to.deep.equal([
      'Cluster:cluster', 'Input:input', 'Secret:secret', 'True:true', 'False:false',
      'Identifier:clusters', 'Identifier:inputs', 'Identifier:truely',
    ]);
  });

  it('lexes strings with escapes, and unterminated strings as their own token', function () {
    expect(kinds('"a\\"b\\\\" "open\n')).to.deep.equal(['CompleteString:"a\\"b\\\\"', 'UnterminatedString:"open']);
  });

  it('tells numbers, ranges, addresses and CIDRs apart', function () {
    expect(kinds('4 1.5 2..10 10.0.0.1 10.0.0.0/24')).to.deep.equal([
      'Integer:4', 'Decimal:1.5', 'Integer:2', 'DotDot:..', 'Integer:10', 'Ipv4:10.0.0.1', 'Cidr:10.0.0.0/24',
    ]);
  });

  it('allows units glued to numbers but makes other glued letters one bad number', function () {
    expect(kinds('4GB 10min 4x 1e5 1.2.3')).to.deep.equal([
      'Integer:4', 'Identifier:GB', 'Integer:10', 'Identifier:min', 'BadNumber:4x', 'BadNumber:1e5', 'BadNumber:1.2.3',
    ]);
  });

  it('makes a name with non-ASCII letters one token', function () {
    expect(kinds('ménage')).to.deep.equal(['BadIdentifier:ménage']);
    // non-ASCII first, last, after digits and underscores; ASCII names around it stay names
    expect(kinds('é ab_9é x日本 name cluster_é')).to.deep.equal(['BadIdentifier:é', 'BadIdentifier:ab_9é', 'BadIdentifier:x日本', 'Identifier:name', 'BadIdentifier:cluster_é']);
  });

  it('reports characters outside the language with their offsets', function () {
    const r = specLexer().tokenize('a ; b @@ c');
    expect(r.errors.map((e) => [e.offset, e.length])).to.deep.equal([[2, 1], [6, 2]]);
  });

  it('knows the units', function () {
    for (const u of ['B', 'KB', 'MB', 'GB', 'TB', 'KiB', 'MiB', 'GiB', 'TiB', 's', 'min', 'h', 'd']) expect(isUnit(u), u).to.equal(true);
    for (const u of ['gb', 'Gb', 'm', 'hours', 'constructor', '__proto__']) expect(isUnit(u), u).to.equal(false);
  });
});
