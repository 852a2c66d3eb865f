// The read-back property of canonical YAML: an emitted document, parsed with the YAML 1.1 schema
// that PyYAML (Heat, tosca-parser) uses, equals the data the emitter built. Tests assert it on
// every output instead of the emitters re-parsing their own text at run time.
import { expect } from 'chai';
import YAML from 'yaml';
import { canonicalize, type YamlValue } from '../../src/emit/yaml.js';

/** Asserts that `text` reads back (YAML 1.1) as `data` after canonicalisation. */
export function expectReadsBack(text: string, data: YamlValue, what = 'document'): void {
  const back = YAML.parse(text, { version: '1.1', maxAliasCount: 0 });
  expect(back, `${what} reads back as the emitted data`).to.deep.equal(canonicalize(data));
}
