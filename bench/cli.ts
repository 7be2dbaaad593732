/**
 * The command line's start-up: `accord --help` and `accord check` on Geneva, through the bin as
 * npm runs it, beside `node -e 0` (Node's own start-up) and `npx -c true` (npx's own cost) in the
 * same run; and `accord analyze` on Geneva with its default time budget for the bot games.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt, median } from './stats.ts';
import { figure } from './targets.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin/accord.mjs');

function seconds(cmd: string, args: string[], runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(cmd, args, { cwd: root, stdio: 'ignore' });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed`);
    times.push((performance.now() - t0) / 1000);
  }
  return median(times);
}

export function runCliBench(quick: boolean): string[] {
  const runs = quick ? 3 : 7;
  // Once first, so the compiled program is current (the bin rebuilds it when src/ is newer).
  seconds(process.execPath, [bin, '--version'], 1);
  const node = seconds(process.execPath, ['-e', '0'], runs);
  const npxFloor = seconds('npx', ['--no-install', '-c', 'true'], runs);
  const out = ['Command line (median of ' + runs + ' runs, wall clock)'];
  out.push(figure('accord --help (node bin/accord.mjs)', seconds(process.execPath, [bin, '--help'], runs), 's', { max: 0.5 }, `node -e 0: ${fmt(node, 2)} s`));
  out.push(figure('accord check geneva (node bin/accord.mjs)', seconds(process.execPath, [bin, 'check', 'scenarios/geneva-2025/scenario.yaml'], runs), 's', { max: 1 }, `node -e 0: ${fmt(node, 2)} s`));
  out.push(figure('npx accord --help', seconds('npx', ['--no-install', 'accord', '--help'], runs), 's', { max: 0.5 }, `npx's own cost, npx -c true: ${fmt(npxFloor, 2)} s`));
  const budget = quick ? 1 : 5;
  out.push(figure(`accord analyze geneva (default budget ${budget} s)`, seconds(process.execPath, [bin, 'analyze', 'scenarios/geneva-2025/scenario.yaml', '--budget', String(budget)], 1), 's', { max: budget + 3 }, 'bot games on worker threads within the budget'));
  return out;
}
