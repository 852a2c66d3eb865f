import { expect } from 'chai';
import { DiagnosticCollector, sortDiagnostics } from '../../src/diagnostics/collector.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { applyPolicy } from '../../src/diagnostics/policy.js';
import { displayWidth, renderHuman, renderJson, renderSummary } from '../../src/diagnostics/render.js';

function diag(file: string, start: number, end: number, extra: Partial<Diagnostic> = {}): Diagnostic {
  return { code: 'CS0001', severity: 'error', message: 'boom', primary: { span: { file, start, end }, message: 'here' }, ...extra };
}

/** The caret line's start column must equal the display column of the span start in the shown line. */
function caretColumn(out: string): { shown: string; caret: number; width: number } {
  const lines = out.split('\n');
  const src = lines.find((l) => /^\s*\d+ \| /.test(l))!;
  const car = lines.find((l) => /^\s* \| \s*\^/.test(l))!;
  const bar = src.indexOf('| ') + 2;
  const caretStart = car.indexOf('^');
  const width = car.slice(caretStart).match(/^\^+/)![0].length;
  return { shown: src.slice(bar), caret: caretStart - bar, width };
}

describe('renderHuman', function () {
  it('renders rustc-style with code, location, frame, label and help', function () {
    const text = 'cluster "x" {\n  bad = 1\n}\n';
    const d = diag('a.cluster', 16, 19, { help: 'remove it', notes: ['a note'] });
    const out = renderHuman([d], new Map([['a.cluster', text]]));
    expect(out).to.equal(
      [
        'error[CS0001]: boom',
        ' --> a.cluster:2:3',
        '  |',
        '2 |   bad = 1',
        '  |   ^^^ here',
        '  |',
        '  = help: remove it',
        '  = note: a note',
        '',
      ].join('\n'),
    );
  });

  for (const [what, text] of [
    ['tabs', 'a\t= "\tx" bad'],
    ['CRLF', 'first\r\nsecond = bad\r\n'],
    ['non-ASCII', 'name = "ünïcødé 😀 漢字" bad'],
    ['combining marks', 'e\u0301e\u0301 = bad'],
  ] as const) {
    it(`does not shift the caret with ${what}`, function () {
      const start = text.lastIndexOf('bad');
      const out = renderHuman([diag('f', start, start + 3)], new Map([['f', text]]));
      const { shown, caret, width } = caretColumn(out);
      // The caret sits under the `bad` that is shown on screen.
      const before = shown.slice(0, shown.lastIndexOf('bad'));
      expect(caret).to.equal(displayWidth(before, 0, before.length));
      expect(width).to.equal(3);
    });
  }

  it('shows a window of a very long line with the caret still under the span', function () {
    const text = 'x'.repeat(5000) + ' bad ' + 'y'.repeat(5000);
    const start = text.indexOf('bad');
    const out = renderHuman([diag('f', start, start + 3)], new Map([['f', text]]));
    const { shown, caret, width } = caretColumn(out);
    expect(shown.length).to.be.lessThan(200);
    expect(shown.startsWith('...') && shown.endsWith('...')).to.equal(true);
    expect(shown.slice(caret, caret + width)).to.equal('bad');
  });

  it('draws at least one caret for an empty span at end of line', function () {
    const out = renderHuman([diag('f', 3, 3)], new Map([['f', 'abc\n']]));
    expect(caretColumn(out)).to.deep.include({ caret: 3, width: 1 });
  });

  it('adds colour only when asked', function () {
    const src = new Map([['f', 'abc']]);
    expect(renderHuman([diag('f', 0, 1)], src)).to.not.include('\u001b[');
    expect(renderHuman([diag('f', 0, 1)], src, { color: true })).to.include('\u001b[');
  });

  it('renders secondary labels with dashes and file-less diagnostics without a frame', function () {
    const text = 'a = 1\na = 2\n';
    const d = diag('f', 6, 7, { secondary: [{ span: { file: 'f', start: 0, end: 1 }, message: 'first here' }] });
    const out = renderHuman([d, { code: 'CS0001', severity: 'error', message: 'no file' }], new Map([['f', text]]));
    expect(out).to.include('- first here');
    expect(out).to.include('error[CS0001]: no file\n');
  });

  it('summarises counts', function () {
    expect(renderSummary([diag('f', 0, 1), diag('f', 0, 1, { severity: 'warning' })])).to.equal('1 error, 1 warning');
    expect(renderSummary([])).to.equal('');
  });
});

describe('renderJson', function () {
  it('gives code, severity, message, file, start/end line/column/offset, help and notes', function () {
    const text = 'ab\ncd😀ef';
    const start = text.indexOf('ef');
    const json = JSON.parse(renderJson([diag('f', start, start + 2, { help: 'h', notes: ['n'] })], new Map([['f', text]])));
    expect(json.diagnostics[0]).to.deep.include({
      code: 'CS0001',
      name: 'internal-error',
      severity: 'error',
      message: 'boom',
      file: 'f',
      start: { line: 2, column: 4, offset: start },
      end: { line: 2, column: 6, offset: start + 2 },
      help: 'h',
      notes: ['n'],
    });
    expect(json.summary).to.deep.equal({ errors: 1, warnings: 0, notes: 0 });
  });
});

describe('DiagnosticCollector', function () {
  it('fills message and severity from the catalogue and drops duplicates by code and span', function () {
    const c = new DiagnosticCollector();
    c.report('CS0001', { file: 'f', start: 1, end: 2 }, { detail: 'x' });
    c.report('CS0001', { file: 'f', start: 1, end: 2 }, { detail: 'x' });
    c.report('CS0001', { file: 'f', start: 0, end: 2 }, { detail: 'y' });
    expect(c.diagnostics).to.have.length(2);
    expect(c.hasErrors).to.equal(true);
    expect(c.diagnostics[0]!.message).to.equal('internal compiler error: x');
    expect(sortDiagnostics(c.diagnostics).map((d) => d.primary!.span.start)).to.deep.equal([0, 1]);
  });
});

describe('applyPolicy', function () {
  it('turns warnings into errors with denyWarnings and never drops non-configurable codes', function () {
    const w: Diagnostic = { code: 'CS0001', severity: 'warning', message: 'w' };
    expect(applyPolicy([w], { denyWarnings: true })[0]!.severity).to.equal('error');
    expect(applyPolicy([w], { allow: new Set(['internal-error']) })).to.have.length(1);
  });
});
