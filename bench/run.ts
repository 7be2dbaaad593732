/**
 * `npm run bench`: every benchmark, printed side by side. Medians of repeated measurements,
 * because machines are noisy. `--quick` runs fewer rounds (used by the bench smoke test).
 */
import { runEngineBench } from './engine.ts';
import { runAnalysisBench } from './analysis.ts';
import { runBrowserBench } from './browser.ts';

const quick = process.argv.includes('--quick');
const sections: (() => string[] | Promise<string[]>)[] = [() => runEngineBench(quick), () => runAnalysisBench(quick), () => runBrowserBench(quick)];
for (const section of sections) {
  process.stdout.write(`${(await section()).join('\n')}\n\n`);
}
