/**
 * `npm run bench`: every benchmark, printed side by side, each figure beside its target and the
 * baseline measured in the same run. Medians of repeated measurements, because machines are
 * noisy; on a shared machine the ratios (game ÷ bare page) say more than the absolute times.
 *
 *   --quick   fewer rounds (used by the bench smoke test)
 *   --check   exit 1 when any target is missed (a local guard, not CI timing)
 *   --build   rebuild the pages first
 *   --only=engine,cli,analysis,scale,limits,browser   run some sections
 */
import { runEngineBench } from './engine.ts';
import { runAnalysisBench } from './analysis.ts';
import { runBrowserBench } from './browser.ts';
import { runCliBench } from './cli.ts';
import { runScaleBench } from './scale.ts';
import { runLimitsBench } from './limits.ts';
import { summary, figures } from './targets.ts';

const quick = process.argv.includes('--quick');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const sections: [string, () => string[] | Promise<string[]>][] = [
  ['engine', () => runEngineBench(quick)],
  ['cli', () => runCliBench(quick)],
  ['analysis', () => runAnalysisBench(quick)],
  ['scale', () => runScaleBench(quick)],
  ['limits', () => runLimitsBench(quick)],
  ['browser', () => runBrowserBench(quick)],
];
for (const [name, section] of sections) {
  if (only && !only.includes(name)) continue;
  process.stdout.write(`${(await section()).join('\n')}\n\n`);
}
process.stdout.write(`${summary().join('\n')}\n`);
if (process.argv.includes('--check') && figures.some((f) => !f.ok)) process.exitCode = 1;
