// The inputs of one cluster while it is being lowered: keeps them in order, and reports
// CS2028 when two uses derive the same name (secondary label on the first). Secrets never
// get a default; implicit inputs are those the compiler creates (see lower.ts).
import type { DiagnosticCollector } from '../diagnostics/collector.js';
import type { Input } from './model.js';

/** The growing list of inputs of one cluster. */
export class InputTable {
  private readonly list: Input[] = [];

  constructor(private readonly diag: DiagnosticCollector) {}

  /** Adds `input` at the end (or at `at`); returns false and reports CS2028 on a name clash. */
  add(input: Input, at?: number): boolean {
    const first = this.list.find((i) => i.name === input.name);
    if (first) {
      this.diag.report('CS2028', input.origin, { name: input.name }, {
        ...(first.origin ? { secondary: [{ span: first.origin, message: 'first input with this name' }] } : {}),
        help: 'rename the pool label or remove one of the `input` uses',
      });
      return false;
    }
    const clean: Input = input.secret ? withoutDefault(input) : input;
    if (at === undefined) this.list.push(clean);
    else this.list.splice(at, 0, clean);
    return true;
  }

  /** Number of inputs so far (a position for a later `add(input, at)`). */
  get length(): number {
    return this.list.length;
  }

  /** True when an input of that name exists. */
  has(name: string): boolean {
    return this.list.some((i) => i.name === name);
  }

  /** The inputs in order. */
  get all(): readonly Input[] {
    return this.list;
  }
}

function withoutDefault(i: Input): Input {
  const { default: _dropped, ...rest } = i;
  return rest;
}
