/**
 * Analyser benchmark: the exact parts (feasibility, count, best deals) on every shipped
 * scenario and start, median of several runs.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenarioText } from '../src/scenario/load.ts';
import { analyzeExact } from '../src/analysis/analyze.ts';
import { median } from './stats.ts';
import { figure } from './targets.ts';

const root = fileURLToPath(new URL('../scenarios/', import.meta.url));

export function runAnalysisBench(quick: boolean, only?: readonly string[]): string[] {
  const out = ['Analyser, exact parts (feasibility, passing count, most durable and most balanced deal)'];
  const ids = readdirSync(root).filter((d) => existsSync(join(root, d, 'scenario.yaml')) && (!only || only.includes(d))).sort();
  for (const id of ids) {
    const file = join(root, id, 'scenario.yaml');
    const r = loadScenarioText(readFileSync(file, 'utf8'), file);
    if (!r.ok) {
      out.push(`  ${id}: does not load`);
      continue;
    }
    for (const start of r.scenario.starts) {
      const times: number[] = [];
      let result: ReturnType<typeof analyzeExact> | null = null;
      for (let i = 0; i < (quick ? 1 : 5); i++) {
        const t0 = performance.now();
        result = analyzeExact(r.scenario, start.id);
        times.push(performance.now() - t0);
      }
      const a = result!;
      // Shipped scenarios must get exact answers: a bounded one misses the target, whatever its time.
      out.push(figure(`${id} / ${start.id}`, a.exact ? median(times) / 1000 : Infinity, 's', { max: 1 }, `${a.exact ? 'exact' : `bounded, not exact, ${(median(times) / 1000).toFixed(3)} s`}; ${a.outcomes.toExponential(2)} texts, ${a.nodes} nodes, feasible: ${a.feasible ? 'yes' : a.feasible === null ? 'not settled' : 'no'}`, 3));
    }
  }
  return out;
}
