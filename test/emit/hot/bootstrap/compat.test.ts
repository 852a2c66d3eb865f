// The role compatibility fixes (src/emit/hot/bootstrap/compat.ts): every fix applies to the real
// role text at the pinned commit and cites the right lines (where CLUSTERC_ROLES_DIR provides
// the checkouts), the program is all-or-nothing and fails loudly naming the role and file when a
// target text is missing or occurs a different number of times (excerpts written for this test),
// and both bootstrap modes run it right after `ansible-galaxy role install`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'chai';
import YAML from 'yaml';
import { COMPAT_FIXES, compatProgram, fixesFor } from '../../../../src/emit/hot/bootstrap/compat.js';
import { cloudInitUserData, softwareConfig } from '../../../../src/emit/hot/bootstrap/index.js';
import { ROLES } from '../../../../src/roles/index.js';
import { SIGNAL, mastersPlan, model, refs } from './fixtures.js';
import { PYTHON, tmp } from './harness.js';
import { ROOT } from '../../../support/golden.js';

const ROLES_DIR = process.env['CLUSTERC_ROLES_DIR'];
const ALL = Object.values(ROLES).map((r) => r.galaxy);

/** Runs the compat program on a roles dir; returns status and output. */
function run(installed: readonly string[], roles: string): { status: number | null; out: string } {
  const dir = tmp();
  try {
    writeFileSync(join(dir, 'compat.py'), compatProgram(installed));
    const r = spawnSync(PYTHON, [join(dir, 'compat.py'), roles], { encoding: 'utf8' });
    return { status: r.status, out: r.stdout + r.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes files (role-relative paths under `indigo-dc.<role>/`) into a fresh roles dir. */
function rolesDir(files: Record<string, string>): string {
  const dir = tmp();
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}

describe('HOT bootstrap: role compatibility fixes', () => {
  it('every fix names a catalog role, a file, its lines, and a replacement that differs', () => {
    for (const f of COMPAT_FIXES) {
      expect(ROLES[f.role], f.id).to.not.equal(undefined);
      expect(f.file).to.match(/^((tasks|handlers)\/[a-z_-]+\.yml|templates\/[a-z_-]+\.(j2|json|xml))$/);
      expect(f.lines).to.match(/^\d+(-\d+)?(, \d+)*$/);
      expect(f.replace).to.not.equal(f.find);
      expect(f.count).to.be.above(0);
    }
    expect(new Set(COMPAT_FIXES.map((f) => f.id)).size).to.equal(COMPAT_FIXES.length);
  });

  it('QUIRKS.md lists every fix with its role file and lines', () => {
    const quirks = readFileSync(join(ROOT, 'src/emit/hot/QUIRKS.md'), 'utf8');
    for (const f of COMPAT_FIXES) expect(quirks, f.id).to.include(`| \`${f.id}\` | ${f.role} \`${f.file}:${f.lines}`);
  });

  it('only the fixes of the installed roles are in a host\'s program', () => {
    expect(fixesFor(['indigo-dc.docker', 'indigo-dc.calico']).map((f) => f.id)).to.deep.equal(['calico-handler-name']);
    expect(compatProgram(['indigo-dc.docker'])).to.include('FIXES = json.loads("[]")');
  });

  describe('on excerpts', () => {
    const excerpt = {
      'indigo-dc.calico/tasks/main.yml': '- name: configure docker\n  lineinfile:\n    dest: /etc/default/docker\n  notify:\n    - restart docker\n',
      'indigo-dc.chronos/tasks/main.yml': '- name: Set facts\n  include: facts.yml\n- block:\n    - name: ssl\n      include: enable_ssl.yml\n',
    };

    it('applies the fixes, stamps the role and skips them on a second run', () => {
      const dir = rolesDir(excerpt);
      try {
        const first = run(['indigo-dc.calico', 'indigo-dc.chronos'], dir);
        expect(first.status, first.out).to.equal(0);
        expect(readFileSync(join(dir, 'indigo-dc.calico/tasks/main.yml'), 'utf8')).to.include('    - Restart docker\n').and.not.include('restart docker');
        const chronos = readFileSync(join(dir, 'indigo-dc.chronos/tasks/main.yml'), 'utf8');
        expect(chronos).to.equal('- name: Set facts\n  import_tasks: facts.yml\n- block:\n    - name: ssl\n      import_tasks: enable_ssl.yml\n');
        expect(readFileSync(join(dir, 'indigo-dc.chronos/.clusterc-compat'), 'utf8')).to.equal('chronos-include\n');
        const second = run(['indigo-dc.calico', 'indigo-dc.chronos'], dir);
        expect(second.status, second.out).to.equal(0);
        expect(readFileSync(join(dir, 'indigo-dc.chronos/tasks/main.yml'), 'utf8')).to.equal(chronos);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('fails naming the role, file and fix when a target text is missing, and changes nothing', () => {
      const dir = rolesDir({ ...excerpt, 'indigo-dc.calico/tasks/main.yml': '  notify:\n    - Restart docker\n' });
      try {
        const r = run(['indigo-dc.calico', 'indigo-dc.chronos'], dir);
        expect(r.status).to.equal(1);
        expect(r.out).to.include('indigo-dc.calico tasks/main.yml: fix calico-handler-name (lines 16) expects its target text 1 time(s) but finds it 0 time(s)');
        // all or nothing: the chronos fix was not applied either
        expect(readFileSync(join(dir, 'indigo-dc.chronos/tasks/main.yml'), 'utf8')).to.equal(excerpt['indigo-dc.chronos/tasks/main.yml']);
        expect(existsSync(join(dir, 'indigo-dc.chronos/.clusterc-compat'))).to.equal(false);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('fails when a target occurs more often than at the pinned commit, or the file is missing', () => {
      const dir = rolesDir({ 'indigo-dc.chronos/tasks/main.yml': excerpt['indigo-dc.chronos/tasks/main.yml'] + '  include: more.yml\n' });
      try {
        const r = run(['indigo-dc.calico', 'indigo-dc.chronos'], dir);
        expect(r.status).to.equal(1);
        expect(r.out).to.include('indigo-dc.chronos tasks/main.yml: fix chronos-include (lines 9, 25) expects its target text 2 time(s) but finds it 3 time(s)');
        expect(r.out).to.include('indigo-dc.calico tasks/main.yml: cannot read it for fix calico-handler-name');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('on the real roles at the pinned commits', function () {
    before(function () {
      if (ROLES_DIR === undefined || ROLES_DIR === '') {
        console.warn('      skipped: CLUSTERC_ROLES_DIR is not set (test/deploy/README.md says how to get the role checkouts)');
        this.skip();
      }
    });

    /** A role file at the pinned commit (git show, not the work tree). */
    const pinned = (id: keyof typeof ROLES, file: string): string => {
      const r = spawnSync('git', ['-C', join(ROLES_DIR!, `ansible-role-${id}`), 'show', `${ROLES[id].version}:${file}`], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`cannot read ${id} ${file} at ${ROLES[id].version}: ${r.stderr}`);
      return r.stdout;
    };

    it('each fix finds its target text as often as it expects, starting at the line it cites', () => {
      for (const f of COMPAT_FIXES) {
        const text = pinned(f.role, f.file);
        expect(text.split(f.find).length - 1, `${f.id}: occurrences in ${f.role} ${f.file}`).to.equal(f.count);
        const firstLine = text.slice(0, text.indexOf(f.find)).split('\n').length + (f.find.startsWith('\n') ? 1 : 0);
        expect(firstLine, `${f.id}: first line`).to.equal(Number(/^\d+/.exec(f.lines)![0]));
      }
    });

    it('the program applies every fix to the pinned roles and the results are valid YAML', () => {
      const files: Record<string, string> = {};
      for (const f of COMPAT_FIXES) files[`indigo-dc.${f.role}/${f.file}`] = pinned(f.role, f.file);
      const dir = rolesDir(files);
      try {
        const r = run(ALL, dir);
        expect(r.status, r.out).to.equal(0);
        for (const f of COMPAT_FIXES) {
          const text = readFileSync(join(dir, `indigo-dc.${f.role}`, f.file), 'utf8');
          expect(text, f.id).to.include(f.replace);
          if (/\.ya?ml$/.test(f.file)) expect(() => YAML.parse(text), `${f.role} ${f.file}`).to.not.throw();
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  it('both modes run the program after `ansible-galaxy role install` and before the play', () => {
    const script = JSON.stringify(cloudInitUserData(mastersPlan('x'), model(), refs, SIGNAL));
    const galaxy = script.indexOf('ansible-galaxy role install');
    const compat = script.indexOf('python3 /var/lib/clusterc/compat.py /etc/ansible/roles');
    expect(galaxy).to.be.above(0);
    expect(compat).to.be.above(galaxy);
    expect(script.indexOf('ansible-playbook -i localhost,')).to.be.above(compat);
    const setup = softwareConfig(mastersPlan('x'), model(), refs).setupConfig;
    expect(setup.indexOf('python3 /var/lib/clusterc/compat.py /etc/ansible/roles')).to.be.above(setup.indexOf('ansible-galaxy role install'));
    expect(setup).to.include("cat > /var/lib/clusterc/compat.py <<'CLUSTERC_COMPAT_EOF'");
  });
});
