// Golden-file support for every test: compare text with a committed file, rewrite it with
// UPDATE_GOLDEN=1, and remember which golden files were checked so that orphans.test.ts can
// fail on golden files that no test produced. Paths are relative to the repo root (tests run
// from the root). An absent golden means the expected output is empty.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { expect } from 'chai';

/** Repo root: tests are run from it (`npm test`). */
export const ROOT = process.cwd();

/** True when goldens should be rewritten instead of compared. */
export const UPDATE = process.env['UPDATE_GOLDEN'] === '1';

const checked = new Set<string>();

/** Golden files compared (or written) during this run, as absolute paths. */
export function checkedGoldens(): ReadonlySet<string> {
  return checked;
}

/** Reads a file relative to the root with CRLF converted to LF. */
export function readFixture(rel: string): string {
  return readFileSync(resolve(ROOT, rel), 'utf8').replace(/\r\n/g, '\n');
}

/**
 * Compares `actual` with the golden file `rel`. Empty `actual` expects the file to be absent.
 * With UPDATE_GOLDEN=1 the file is written (or removed when `actual` is empty).
 */
export function expectGolden(rel: string, actual: string): void {
  const abs = resolve(ROOT, rel);
  checked.add(abs);
  if (UPDATE) {
    if (actual === '') rmSync(abs, { force: true });
    else {
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, actual);
    }
    return;
  }
  const expected = existsSync(abs) ? readFileSync(abs, 'utf8').replace(/\r\n/g, '\n') : '';
  expect(actual, `golden ${rel} differs (run UPDATE_GOLDEN=1 npm test and review the diff)`).to.equal(expected);
}
