/**
 * `npm run bench`: every benchmark, printed side by side. Medians of repeated measurements,
 * because machines are noisy. `--quick` runs fewer rounds (used by the bench smoke test).
 */
import { runEngineBench } from './engine.ts';
import { runAnalysisBench } from './analysis.ts';

const quick = process.argv.includes('--quick');
const sections: (() => string[])[] = [() => runEngineBench(quick), () => runAnalysisBench(quick)];
for (const section of sections) {
  process.stdout.write(`${section().join('\n')}\n\n`);
}
