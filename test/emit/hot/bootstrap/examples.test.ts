// The bootstrap of every group of every example (real front end, lowering and role plan), in both
// modes, with every string input of the stack set to a hostile value: scripts parse, the shell code
// and the documents do not depend on the values, the vars file carries every string `!unsafe`, and
// the whole user_data runs to SUCCESS in the sandbox (stubbed apt/ansible/curl).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import YAML from 'yaml';
import { DiagnosticCollector } from '../../../../src/diagnostics/collector.js';
import { cloudInitUserData, softwareConfig, type HotRefs } from '../../../../src/emit/hot/bootstrap/index.js';
import { lowerSpec } from '../../../../src/model/lower.js';
import type { ClusterModel } from '../../../../src/model/model.js';
import { planCluster } from '../../../../src/roles/index.js';
import { parseSpec } from '../../../../src/spec/index.js';
import { ROOT } from '../../../support/golden.js';
import { resolveHot, type StackParams } from './fixtures.js';
import { ANSIBLE_TAGS, bashSyntaxError, runSandboxed, runWriter, splitHeredocs, stringScalars } from './harness.js';

const refs: HotRefs = {
  param: (name) => ({ get_param: name }),
  groupAddresses: (id) => ({ get_attr: [`${id}_addresses`, 'value'] }),
  generatedSecret: (id) => ({ get_attr: [`${id}_generated`, 'value'] }),
};
const SIGNAL = { get_attr: ['wait_handle', 'curl_cli'] };
const CURL = "curl -i -X POST -H 'X-Auth-Token: t' -H 'Content-Type: application/json' -H 'Accept: application/json' http://heat/signal";
const HOSTILE = `'"$(touch /tmp/pwned)\`id\`\n{{ lookup('pipe','id') }}{% if 1 %}- a: *b #c${'\u2028'}@CLUSTERC_V1@`;

/** Stack parameters (every input, strings hostile) and attributes (group addresses) for a model. */
function stack(m: ClusterModel, s: string): { params: StackParams; attrs: Record<string, unknown> } {
  const params: Record<string, StackParams[string]> = {};
  for (const i of m.inputs) {
    params[i.name] = i.type === 'string' ? s : i.type === 'boolean' ? true : i.type === 'list' ? [s] : 3;
  }
  const attrs: Record<string, unknown> = { 'wait_handle.curl_cli': CURL };
  for (const id of ['marathon', 'chronos'].flatMap((f) => ['key', 'pkcs', 'jks'].map((k) => `${f}_${k}_password`))) attrs[`${id}_generated.value`] = 'Gen3rated';
  for (const g of [m.masters, ...m.agentPools, ...(m.loadBalancers ? [m.loadBalancers] : [])]) attrs[`${g.id}_addresses.value`] = ['10.0.0.1', '10.0.0.2'];
  return { params, attrs };
}

function models(file: string): ClusterModel[] {
  const diag = new DiagnosticCollector();
  const text = readFileSync(join(ROOT, 'examples', file), 'utf8');
  return lowerSpec(parseSpec(text, `examples/${file}`, diag), diag);
}

describe('HOT bootstrap of the examples', function () {
  this.timeout(120000);
  const files = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.cluster')).sort();

  for (const file of files) {
    it(`${file}: every group, both modes, hostile inputs stay data`, () => {
      const ms = models(file);
      expect(ms.length).to.be.above(0);
      for (const m of ms) {
        for (const plan of planCluster(m)) {
          const ud = cloudInitUserData(plan, m, refs, SIGNAL);
          const hostile = stack(m, HOSTILE);
          const script = resolveHot(ud, hostile.params, hostile.attrs) as string;
          const benign = resolveHot(ud, stack(m, 'benign').params, stack(m, 'benign').attrs) as string;
          expect(bashSyntaxError(script), plan.group.id).to.equal(undefined);
          const split = splitHeredocs(script);
          expect(split.code).to.equal(splitHeredocs(benign).code);
          const playbook = split.files.get('/var/lib/clusterc/playbook.yml')!;
          expect(playbook).to.equal(splitHeredocs(benign).files.get('/var/lib/clusterc/playbook.yml'));
          const play = (YAML.parse(playbook, { customTags: ANSIBLE_TAGS }) as { roles: { role: string }[] }[])[0]!;
          expect(play.roles.map((r) => r.role)).to.deep.equal(plan.roles.map((r) => r.role.galaxy));
          const vars = runWriter(split.files.get('/var/lib/clusterc/write-vars.py')!, split.files.get('/var/lib/clusterc/values.json')!, 'wrapped');
          for (const sc of stringScalars(vars)) expect(sc.tag).to.equal('!unsafe');
          if (m.inputs.some((i) => i.type === 'string')) expect(vars).to.include('!unsafe');
          const run = runSandboxed(script);
          expect(run.status, run.log).to.equal(0);
          expect((run.signals as { status: string }[]).map((x) => x.status)).to.deep.equal(['SUCCESS']);

          const parts = softwareConfig(plan, m, refs);
          expect(bashSyntaxError(parts.setupConfig)).to.equal(undefined);
          expect(() => YAML.parse(parts.config, { customTags: ANSIBLE_TAGS })).not.to.throw();
          expect(JSON.stringify(parts)).to.not.include(HOSTILE);
          for (const i of m.inputs.filter((x) => x.secret)) {
            // secrets reach the deployment only through get_param
            const json = JSON.stringify(parts.inputValues);
            if (json.includes(`"${i.name}"`)) expect(json).to.include(`{"get_param":"${i.name}"}`);
          }
        }
      }
    });
  }
});
