// Meaning check over a whole file: cluster names are valid file-name stems ([a-z][a-z0-9-]*,
// CS2009) and unique (CS2008, secondary label on the first). Runs before lowering.
import type { DiagnosticCollector } from '../../diagnostics/collector.js';
import type { Span } from '../../diagnostics/span.js';
import type { ClusterDecl } from '../../spec/ast.js';

const NAME = /^[a-z][a-z0-9-]{0,62}$/;

/** Reports invalid and duplicate cluster names. */
export function checkClusterNames(diag: DiagnosticCollector, clusters: readonly ClusterDecl[]): void {
  const seen = new Map<string, Span>();
  for (const c of clusters) {
    if (!c.name) continue;
    const name = c.name.value;
    if (!NAME.test(name)) {
      const fixed = name.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^[^a-z]+/, '').slice(0, 63);
      diag.report('CS2009', c.name.span, { name }, {
        help: fixed !== '' ? `use lowercase letters, digits and hyphens, e.g. \`"${fixed}"\`` : 'use lowercase letters, digits and hyphens, starting with a letter',
        ...(NAME.test(fixed) ? { fix: [{ span: c.name.span, text: `"${fixed}"` }] } : {}),
      });
    }
    const first = seen.get(name);
    if (first) {
      diag.report('CS2008', c.name.span, { name }, {
        secondary: [{ span: first, message: 'first cluster with this name' }],
        help: 'rename one of the clusters',
      });
    } else seen.set(name, c.name.span);
  }
}
