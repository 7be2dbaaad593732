/** One case of the scale bench, run in its own process so a slow case can be stopped: prints JSON. */
import { analyzeExact } from '../src/analysis/analyze.ts';
import { playOne } from '../src/engine/simulate.ts';
import { syntheticScenario } from './synthetic.ts';

const [what, points, parties] = [process.argv[2]!, Number(process.argv[3]), Number(process.argv[4])];
const scenario = syntheticScenario(points, parties);
const t0 = performance.now();
if (what === 'exact') {
  const a = analyzeExact(scenario);
  // The proven gap of the most durable deal when a search stopped at its budget (0 when exact).
  const gap = a.maximin?.atMost != null ? a.maximin.atMost - a.maximin.value : 0;
  const nearest = a.fromStart && !a.fromStart.exact ? `nearest deal ${a.fromStart.atLeast}–${a.fromStart.changes} changes` : '';
  process.stdout.write(JSON.stringify({ seconds: (performance.now() - t0) / 1000, nodes: a.nodes, feasible: a.feasible, exact: a.exact, gap, nearest }));
} else {
  const game = playOne(scenario, what, 1);
  process.stdout.write(JSON.stringify({ seconds: (performance.now() - t0) / 1000, outcome: game.view().outcome?.kind }));
}
