import { expect } from 'chai';
import fc from 'fast-check';
import { LineIndex, countCodePoints } from '../../src/diagnostics/line-index.js';

describe('LineIndex', function () {
  it('maps offsets to 1-based lines and columns across LF, CRLF and CR', function () {
    const text = 'ab\ncd\r\nef\rgh';
    const idx = new LineIndex(text);
    expect(idx.lineCount).to.equal(4);
    expect(idx.position(0)).to.deep.equal({ line: 1, column: 1, offset: 0 });
    expect(idx.position(4)).to.deep.equal({ line: 2, column: 2, offset: 4 });
    expect(idx.position(7)).to.deep.equal({ line: 3, column: 1, offset: 7 });
    expect(idx.position(10)).to.deep.equal({ line: 4, column: 1, offset: 10 });
    expect(idx.lineText(1)).to.equal('cd');
    expect(idx.lineText(2)).to.equal('ef');
  });

  it('counts code points, not UTF-16 units, in columns', function () {
    const text = 'x = "😀é"  y';
    const idx = new LineIndex(text);
    const y = text.indexOf('y');
    expect(idx.position(y).column).to.equal(countCodePoints(text, 0, y) + 1);
    expect(idx.position(y).column).to.equal(11);
  });

  it('clamps offsets beyond the text', function () {
    const idx = new LineIndex('a\n');
    expect(idx.position(99)).to.deep.equal({ line: 2, column: 1, offset: 2 });
    expect(idx.position(-5)).to.deep.equal({ line: 1, column: 1, offset: 0 });
  });

  it('puts an offset on a CR of a CRLF on the line it ends', function () {
    const idx = new LineIndex('ab\r\ncd');
    expect(idx.position(2)).to.deep.equal({ line: 1, column: 3, offset: 2 });
  });

  it('finds the same line starts and surrogate pairs as a scan of every character', function () {
    // The scan LineIndex did before it used regular expressions: the reference.
    const scan = (text: string) => {
      const starts = [0];
      const pairs: number[] = [];
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c >= 0xd800 && c <= 0xdbff) {
          const d = text.charCodeAt(i + 1);
          if (d >= 0xdc00 && d <= 0xdfff) {
            pairs.push(i);
            i++;
          }
        } else if (c === 10) starts.push(i + 1);
        else if (c === 13) {
          if (text.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        }
      }
      return { starts, pairs };
    };
    const unit = fc.constantFrom('a', '\n', '\r', '\r\n', '\ud83d', '\ude00', '\udbff', '\udc00', '😀', 'é', '\t');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 60 }).map((xs) => xs.join('')), (text) => {
        const idx = new LineIndex(text);
        const want = scan(text);
        expect(idx.lineCount, JSON.stringify(text)).to.equal(want.starts.length);
        for (let l = 0; l < want.starts.length; l++) expect(idx.lineStart(l), JSON.stringify(text)).to.equal(want.starts[l]);
        expect((idx as unknown as { pairs: number[] }).pairs, JSON.stringify(text)).to.deep.equal(want.pairs);
      }),
      { numRuns: 2000, seed: 7 },
    );
  });

  it('computes every column as countCodePoints from the line start does (surrogates, lone halves, CR/LF)', function () {
    const unit = fc.constantFrom('a', '\n', '\r', '\r\n', '\ud83d', '\ude00', '😀', 'é', '\t');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }).map((xs) => xs.join('')), (text) => {
        const idx = new LineIndex(text);
        for (let o = 0; o <= text.length; o++) {
          const p = idx.position(o);
          const line = p.line - 1;
          expect(p.column, `offset ${o} of ${JSON.stringify(text)}`).to.equal(countCodePoints(text, idx.lineStart(line), Math.min(o, idx.lineEnd(line))) + 1);
        }
      }),
      { numRuns: 300, seed: 16 },
    );
  });
});
