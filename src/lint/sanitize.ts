// Output safety of the linter: text taken from the linted files (names in messages, source lines in code
// frames, file names) may hold terminal control sequences (`\e[2J`, OSC 8 links, title changes) or bidi
// overrides. Every such code unit is replaced by a visible one of the same UTF-16 length before anything is
// printed, so spans keep pointing at the same offsets: C0 controls → their Control Pictures (ESC → ␛),
// DEL → ␡, C1 controls and bidi controls → U+FFFD. Tab and line breaks stay in source texts.
import type { Diagnostic, Label } from '../diagnostics/diagnostic.js';

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\u202A-\u202E\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const UNSAFE_LINE = /[\x00-\x1F\x7F-\x9F\u202A-\u202E\u2066-\u2069]/g;

function picture(c: string): string {
  const n = c.charCodeAt(0);
  if (n < 0x20) return String.fromCharCode(0x2400 + n);
  if (n === 0x7f) return '\u2421';
  return '\uFFFD';
}

/** `s` with control characters made visible (tab, LF and CR kept: for source texts). */
export function sanitizeText(s: string): string {
  return s.replace(UNSAFE, picture);
}

/** `s` with every control character made visible, line breaks too (for one-line messages). */
function sanitizeLine(s: string): string {
  return s.replace(UNSAFE_LINE, picture);
}

function label(l: Label): Label {
  const span = { ...l.span, file: sanitizeText(l.span.file) };
  return l.message === undefined ? { span } : { span, message: sanitizeLine(l.message) };
}

/** Diagnostics whose texts and file names carry no raw control characters. */
export function sanitizeDiagnostics(ds: readonly Diagnostic[]): Diagnostic[] {
  return ds.map((d) => ({
    ...d,
    message: sanitizeLine(d.message),
    ...(d.primary ? { primary: label(d.primary) } : {}),
    ...(d.secondary ? { secondary: d.secondary.map(label) } : {}),
    ...(d.notes ? { notes: d.notes.map(sanitizeText) } : {}),
    ...(d.help !== undefined ? { help: sanitizeText(d.help) } : {}),
    ...(d.path ? { path: d.path.map((p) => (typeof p === 'string' ? sanitizeLine(p) : p)) } : {}),
  }));
}
