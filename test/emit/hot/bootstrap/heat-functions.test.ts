// The tests resolve templates with a TypeScript model of Heat's str_replace/list_join (fixtures.ts).
// This differential test proves that model against Heat 19's own function classes
// (heat/engine/hot/functions.py ReplaceJson and JoinMultiple, as HOTemplate20180831 maps them),
// for every hostile string and for random ones.
import { expect } from 'chai';
import fc from 'fast-check';
import { cloudInitUserData, softwareConfig } from '../../../../src/emit/hot/bootstrap/index.js';
import { HOSTILE, SIGNAL, mastersPlan, model, refs, resolveHot, stackValues } from './fixtures.js';
import { HEAT_AVAILABLE, resolveWithHeat, type HeatJob } from './harness.js';
import { skipOrFail } from '../../../support/shared.js';

/** Both bootstraps of the fixture for each string, resolved by the model and by Heat. */
function compare(strings: readonly string[]): void {
  const jobs: HeatJob[] = [];
  const expected: unknown[][] = [];
  for (const s of strings) {
    const v = stackValues(s, `S3CRET-${s}`);
    const ud = cloudInitUserData(mastersPlan(s), model(), refs, SIGNAL);
    const sc = softwareConfig(mastersPlan(s), model(), refs).inputValues;
    jobs.push({ values: [ud, sc], params: v.params, attrs: v.attrs });
    expected.push([resolveHot(ud, v.params, v.attrs), resolveHot(sc, v.params, v.attrs)]);
  }
  expect(resolveWithHeat(jobs)).to.deep.equal(expected);
}

describe('HOT bootstrap: the Heat model of the tests agrees with Heat 19', function () {
  this.timeout(120000);
  before(function () {
    if (!HEAT_AVAILABLE) skipOrFail(this, 'python3-heat not installed (apt-get install python3-heat)');
  });

  it('for every hostile string', () => compare(HOSTILE));

  it('for random strings', () => {
    const str = fc.string({ unit: 'binary', maxLength: 30 }).filter((s) => !/\p{Surrogate}/u.test(s) && !s.includes('\0'));
    // one Heat process for the whole sample
    compare(fc.sample(str, Number(process.env['FC_RUNS'] ?? 50)));
  });
});
