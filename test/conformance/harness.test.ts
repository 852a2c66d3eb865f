// Self-test of the conformance harnesses: valid fixtures pass, each broken fixture is rejected
// for its one defect. Skips (with a warning) when python3-tosca-parser / python3-heat or the shared
// reference dir are missing, except under CI, where it fails instead.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { skipOrFail } from '../support/shared.js';
import {
  conformanceAvailable,
  runHeatValidate,
  runToscaValidate,
  sharedDir,
  type HeatResult,
  type ToscaResult,
} from './harness.js';

const root = process.cwd();
const fixtures = join(root, 'test', 'conformance', 'fixtures');

function requireTool(ctx: Mocha.Context, reason: string | null): void {
  if (reason === null) return;
  skipOrFail(ctx, `conformance: ${reason}`);
}

function listFixtures(dir: string): string[] {
  return readdirSync(join(fixtures, dir))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => join(fixtures, dir, f));
}

function byName<T extends { file: string }>(results: T[]): Map<string, T> {
  return new Map(results.map((r) => [r.file.split('/').pop() ?? r.file, r]));
}

/** One test per broken fixture: the harness rejects it with an error mentioning every needle. */
function itRejectsEach(
  broken: Record<string, string[]>,
  results: () => Map<string, { ok: boolean; errors: string[] }>,
): void {
  for (const [name, needles] of Object.entries(broken)) {
    it(`rejects ${name}`, function () {
      const r = results().get(name);
      expect(r, name).to.not.equal(undefined);
      expect(r!.ok, name).to.equal(false);
      const hit = r!.errors.some((e) => needles.every((n) => e.includes(n)));
      expect(hit, `${name}: no error mentions ${JSON.stringify(needles)} in ${JSON.stringify(r!.errors)}`).to.equal(true);
    });
  }
}

describe('conformance harnesses', function () {
  this.timeout(180_000);

  describe('tosca_validate.py (OpenStack tosca-parser)', function () {
    // file -> substrings every one of which must appear in one error
    const broken: Record<string, string[]> = {
      'broken_unknown_node_type.yaml': ['InvalidTypeError', 'tosca.nodes.indigo.MesosMastr'],
      'broken_missing_required_property.yaml': ['MissingRequiredFieldError', 'zabbix_server_metadata'],
      'broken_unknown_requirement_target.yaml': ['master_servr', 'was not found'],
      'broken_bad_get_input.yaml': ['UnknownInputError', 'slave_count'],
      'broken_unmapped_import.yaml': ['https://example.invalid/not-mapped/custom_types.yaml', 'not mapped'],
    };
    let results = new Map<string, ToscaResult>();
    let upstream: ToscaResult[] = [];

    before(function () {
      requireTool(this, conformanceAvailable().tosca);
      results = byName(runToscaValidate(listFixtures('tosca')));
      const shared = sharedDir();
      upstream = runToscaValidate([
        join(shared, 'upstream', 'tosca-templates', 'mesos_cluster.yaml'),
        join(shared, 'upstream', 'tosca-types', 'examples', 'mesos_elastic_cluster.yaml'),
      ]);
    });

    it('has a fixture for every expected defect', function () {
      for (const name of Object.keys(broken)) expect(results.has(name), name).to.equal(true);
      for (const name of results.keys()) {
        if (name.startsWith('broken_')) expect(broken, `expectation for ${name}`).to.have.property(name);
      }
    });

    it('accepts the valid fixture and summarises its structure', function () {
      const r = results.get('valid_minimal.yaml');
      expect(r, 'valid_minimal.yaml').to.not.equal(undefined);
      expect(r!.errors).to.deep.equal([]);
      expect(r!.ok).to.equal(true);
      const master = r!.nodetemplates.find((n) => n.name === 'mesos_master');
      expect(master?.type).to.equal('tosca.nodes.indigo.MesosMaster');
      expect(master?.requirements).to.deep.include({ name: 'host', node: 'master_server' });
      expect(r!.inputs.map((i) => i.name)).to.include('mesos_password');
      expect(r!.outputs.map((o) => o.name)).to.deep.equal(['mesos_endpoint']);
    });

    it('accepts the upstream INDIGO templates (imports mapped to shared/)', function () {
      for (const r of upstream) {
        expect(r.errors, r.file).to.deep.equal([]);
        expect(r.ok, r.file).to.equal(true);
        expect(r.nodetemplates.length, r.file).to.be.greaterThan(3);
      }
    });

    itRejectsEach(broken, () => results);

    it('serves a --map URL from a local file', function () {
      const url = 'https://example.invalid/not-mapped/custom_types.yaml';
      const [r] = runToscaValidate([join(fixtures, 'tosca', 'broken_unmapped_import.yaml')], {
        [url]: join(sharedDir(), 'upstream', 'tosca-types', 'custom_types.yaml'),
      });
      expect(r?.errors).to.deep.equal([]);
    });
  });

  describe('heat_validate.py (OpenStack Heat engine)', function () {
    const broken: Record<string, string[]> = {
      'broken_unknown_resource_type.yaml': ['OS::Nova::Servr', 'could not be found'],
      'broken_unknown_property.yaml': ['resources.secgroup.properties', 'Unknown Property rulez'],
      'broken_missing_required_property.yaml': ['resources.server.properties', 'Property flavor not assigned'],
      'broken_wrong_property_type.yaml': ['resources.wait.properties.count', 'is not an integer'],
      'broken_get_resource_missing.yaml': ['InvalidTemplateReference', '"secgrp"'],
      'broken_get_param_missing.yaml': ['The Parameter (netwrk) was not provided'],
      'broken_get_attr_unknown_attribute.yaml': ['outputs.ip', 'The Referenced Attribute (fip floating_ip_addr)'],
      'broken_depends_on_missing.yaml': ['InvalidTemplateReference', '"wait_handle"'],
      'broken_bad_template_version.yaml': ['InvalidTemplateVersion', '2018-08-32'],
      'broken_unknown_section.yaml': ['InvalidTemplateSection', 'resource'],
      'broken_group_resource_def_unknown_property.yaml': ['resources.group<nested_stack>', 'Unknown Property flavour'],
      'broken_group_resource_def_missing_required.yaml': [
        'resources.group<nested_stack>',
        'Property flavor not assigned',
      ],
      'broken_group_resource_def_wrong_type.yaml': ['resources.group<nested_stack>', 'wait_secs'],
      'broken_group_get_attr_unknown.yaml': ['resources.group<nested_stack>', 'first_addr'],
      'broken_asg_resource_unknown_property.yaml': ['resources.asg<nested_stack>', 'Unknown Property imag'],
    };
    let results = new Map<string, HeatResult>();

    before(function () {
      requireTool(this, conformanceAvailable().heat);
      results = byName(runHeatValidate(listFixtures('hot')));
    });

    it('has a fixture for every expected defect', function () {
      for (const name of Object.keys(broken)) expect(results.has(name), name).to.equal(true);
      for (const name of results.keys()) {
        if (name.startsWith('broken_')) expect(broken, `expectation for ${name}`).to.have.property(name);
      }
    });

    it('accepts the valid fixture, listing only live-cloud checks as skipped', function () {
      const r = results.get('valid_cluster.yaml');
      expect(r, 'valid_cluster.yaml').to.not.equal(undefined);
      expect(r!.errors).to.deep.equal([]);
      expect(r!.ok).to.equal(true);
      expect(r!.skipped).to.include('custom constraint nova.flavor (needs a live cloud)');
      expect(r!.skipped).to.include('custom constraint glance.image (needs a live cloud)');
      for (const s of r!.skipped) expect(s).to.match(/needs a live cloud|placeholder value/);
    });

    itRejectsEach(broken, () => results);

    it('validates the upstream INDIGO nested templates (mesosnode.yaml, loadbalancer.yaml)', function () {
      const dir = join(sharedDir(), 'upstream', 'mesos-cluster', 'deploy', 'openstack-heat');
      if (!existsSync(dir)) requireTool(this, `shared reference dir missing: ${dir} (set CLUSTERC_SHARED)`);
      // loadbalancer.yaml feeds parameter virtual_ip (no default, no constraint) into an IP-address
      // property, so it needs a real value rather than a placeholder.
      const rs = runHeatValidate([join(dir, 'mesosnode.yaml'), join(dir, 'loadbalancer.yaml')], {
        virtual_ip: '10.0.0.5',
      });
      for (const r of rs) expect(r.errors, r.file).to.deep.equal([]);
    });
  });
});
