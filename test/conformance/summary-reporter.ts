// Prints the conformance suite's results by area: signing vectors, differential runs against
// the peers, document examples. Property tests record how many inputs they tried in `meta.runs`.
import type { Reporter, TestModule } from 'vitest/node';
import { basename } from 'node:path';

const AREAS: Record<string, string> = {
  'signing.test.ts': 'signing vectors',
  'serialization.test.ts': 'serialisation vectors',
  'differential.test.ts': 'differential runs (vs @alicloud/pop-core, @alicloud/openapi-util)',
  'examples.test.ts': 'document examples (JSON/XML round trip, response validators)',
  'request-examples.test.ts': 'request examples and bad inputs (request validators)',
};

export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: readonly TestModule[]) {
    const lines = ['', 'Conformance summary', '-------------------'];
    let passed = 0;
    let failed = 0;
    for (const m of [...modules].sort((a, b) => a.moduleId.localeCompare(b.moduleId))) {
      const file = basename(m.moduleId);
      let ok = 0;
      let bad = 0;
      let skipped = 0;
      let runs = 0;
      for (const t of m.children.allTests()) {
        const state = t.result().state;
        if (state === 'passed') ok++;
        else if (state === 'failed') bad++;
        else skipped++;
        runs += t.meta().runs ?? 0;
      }
      passed += ok;
      failed += bad;
      lines.push(
        `${(AREAS[file] ?? file).padEnd(72)} ${ok} passed, ${bad} failed${skipped ? `, ${skipped} skipped` : ''}${runs ? ` (${runs} generated inputs)` : ''}`,
      );
    }
    lines.push('', `${passed} passed, ${failed} failed`);
    console.log(lines.join('\n'));
  }
}
