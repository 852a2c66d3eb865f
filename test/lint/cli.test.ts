// End-to-end tests of `clusterc lint` (src/cli/lint.ts) through the built CLI: exit codes, directory
// expansion, --import-map, --allow/--deny, --max-errors, JSON output, and the SARIF 2.1.0 shape that
// GitHub code scanning requires (checked with a JSON Schema of the required fields).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import AjvModule from 'ajv';
import { expect } from 'chai';
import { ROOT } from '../support/golden.js';

const CLI = join(ROOT, 'dist/src/cli.js');
const CASES = 'test/cases/lint';

function lint(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, 'lint', '--color', 'never', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The SARIF fields GitHub code scanning reads (sarif-support-for-code-scanning), as a JSON Schema. */
const SARIF_REQUIRED = {
  type: 'object',
  required: ['$schema', 'version', 'runs'],
  properties: {
    version: { const: '2.1.0' },
    runs: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['tool', 'results'],
        properties: {
          tool: {
            type: 'object',
            required: ['driver'],
            properties: {
              driver: {
                type: 'object',
                required: ['name', 'informationUri', 'rules'],
                properties: {
                  rules: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['id', 'name', 'shortDescription', 'fullDescription', 'defaultConfiguration'],
                      properties: { defaultConfiguration: { type: 'object', required: ['level'], properties: { level: { enum: ['error', 'warning', 'note'] } } } },
                    },
                  },
                },
              },
            },
          },
          results: {
            type: 'array',
            items: {
              type: 'object',
              required: ['ruleId', 'ruleIndex', 'level', 'message', 'locations'],
              properties: {
                level: { enum: ['error', 'warning', 'note'] },
                message: { type: 'object', required: ['text'] },
                locations: {
                  type: 'array',
                  minItems: 1,
                  items: {
                    type: 'object',
                    required: ['physicalLocation'],
                    properties: {
                      physicalLocation: {
                        type: 'object',
                        required: ['artifactLocation', 'region'],
                        properties: {
                          artifactLocation: { type: 'object', required: ['uri', 'uriBaseId'], properties: { uri: { type: 'string', pattern: '^[^/]' } } },
                          region: {
                            type: 'object',
                            required: ['startLine', 'startColumn', 'endLine', 'endColumn'],
                            properties: { startLine: { type: 'integer', minimum: 1 }, startColumn: { type: 'integer', minimum: 1 } },
                          },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
};

describe('clusterc lint (CLI)', () => {
  it('exits 1 with errors and 0 on a clean file', () => {
    const bad = lint(`${CASES}/templates/input.yaml`);
    expect(bad.code).to.equal(1);
    expect(bad.stderr).to.match(/error\[LT2010\]/);
    expect(bad.stderr).to.match(/--> test\/cases\/lint\/templates\/input\.yaml:25:13/);
    expect(lint(`${CASES}/clean-definitions/input.yaml`).code).to.equal(0);
  });

  it('exits 0 when only warnings remain, and --deny makes them errors', () => {
    const args = [`${CASES}/functions/input.yaml`, '--allow', 'unknown-input', '--allow', 'unknown-property-reference', '--allow', 'LT2012'];
    const warn = lint(...args);
    expect(warn.code).to.equal(0);
    expect(warn.stderr).to.match(/warning\[LT2015\]/);
    expect(lint(...args, '--deny', 'unused-input').code).to.equal(1);
    expect(lint(...args, '--allow', 'unused-input').stderr).to.equal('');
  });

  it('rejects an unknown rule name with exit 2', () => {
    const r = lint(`${CASES}/functions/input.yaml`, '--allow', 'no-such-rule');
    expect(r.code).to.equal(2);
    expect(r.stderr).to.match(/unknown lint name/);
  });

  it('walks directories and caps errors with --max-errors', () => {
    const r = lint(`${CASES}/imports`, '--format', 'json', '--max-errors', '1');
    const json = JSON.parse(r.stdout) as { diagnostics: { code: string; severity: string }[] };
    expect(json.diagnostics.filter((d) => d.severity === 'error')).to.have.length(1);
    expect(r.code).to.equal(1);
  });

  it('serves URL imports from --import-map (exact URL and `/` prefix)', () => {
    const url = 'https://example.org/tosca/types.yaml';
    const unmapped = lint(`${CASES}/imports/input.yaml`, '--format', 'json');
    expect((JSON.parse(unmapped.stdout) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code)).to.include('LT2018');
    for (const m of [`${url}=${CASES}/imports/loop-a.yaml`, `https://example.org/tosca/=${CASES}/clean-definitions/`]) {
      const r = lint(`${CASES}/imports/input.yaml`, '--format', 'json', '--import-map', m);
      const codes = (JSON.parse(r.stdout) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code);
      expect(codes, m).not.to.include('LT2018');
    }
  });

  it('prints SARIF 2.1.0 with the fields GitHub code scanning requires', () => {
    const r = lint(`${CASES}/duplicate-key/input.yaml`, `${CASES}/functions/input.yaml`, '--format', 'sarif');
    expect(r.code).to.equal(1);
    const log = JSON.parse(r.stdout) as {
      runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[]; relatedLocations?: unknown[] }[] }[];
    };
    const Ajv = ((AjvModule as unknown as { default?: unknown }).default ?? AjvModule) as new (o: object) => { validate(s: object, d: unknown): boolean; errorsText(): string };
    const ajv = new Ajv({ allErrors: true });
    expect(ajv.validate(SARIF_REQUIRED, log), ajv.errorsText()).to.equal(true);
    const run = log.runs[0]!;
    for (const res of run.results) expect(run.tool.driver.rules[res.ruleIndex]?.id).to.equal(res.ruleId);
    const dup = run.results.find((x) => x.ruleId === 'LT0002')!;
    expect(dup.locations[0]?.physicalLocation.artifactLocation.uri).to.equal('test/cases/lint/duplicate-key/input.yaml');
    expect(dup.locations[0]?.physicalLocation.region).to.deep.include({ startLine: 12, startColumn: 7 });
    expect(dup.relatedLocations).to.have.length(1);
    expect(run.results.find((x) => x.ruleId === 'LT2015')?.level).to.equal('warning');
  });
});
