// Did-you-mean helper of the model phase (src/model/suggest.ts).
import { expect } from 'chai';
import { closest, editDistance } from '../../src/model/suggest.js';

describe('suggest', function () {
  it('counts an adjacent transposition as one edit', function () {
    expect(editDistance('mastres', 'masters')).to.equal(1);
    expect(editDistance('', 'abc')).to.equal(3);
    expect(editDistance('flavour', 'flavor')).to.equal(1);
    expect(editDistance('same', 'same')).to.equal(0);
  });

  it('picks the closest known name within a third of its length, ignoring case', function () {
    expect(closest('Marathn', ['marathon', 'chronos'])).to.equal('marathon');
    expect(closest('frobnicate', ['marathon', 'chronos'])).to.equal(undefined);
    expect(closest('cpu', ['cpus', 'disk'])).to.equal('cpus');
  });
});
