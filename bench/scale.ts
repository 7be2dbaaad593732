/**
 * How the exact analyser and the bots grow with scenario size (synthetic scenarios, see
 * synthetic.ts): points 28 → 60 → 100 at 4 parties, parties 4 → 8 → 12 at 28 points, and the
 * 60-point, 8-party case the issue sets a target for. Each case runs in its own process and is
 * stopped after a time limit ("> limit" then). Each exact-analysis line says whether the answer
 * is exact or bounded (a search stopped at its work budget), with the proven gap.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { fmt } from './stats.ts';
import { figure } from './targets.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

function runCase(what: string, points: number, parties: number, limitS: number): { seconds: number; note: string; exact?: boolean } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/scaleCase.ts', what, String(points), String(parties)], { cwd: root, encoding: 'utf8', timeout: limitS * 1000 });
  if (r.status !== 0 || !r.stdout) return { seconds: Infinity, note: `> ${limitS} s (stopped)` };
  const out = JSON.parse(r.stdout) as { seconds: number; nodes?: number; outcome?: string; exact?: boolean; gap?: number; nearest?: string };
  if (out.nodes === undefined) return { seconds: out.seconds, note: `${out.outcome}` };
  // Never a bound presented as exact: a search stopped at its budget says so, with its proven gap.
  const bounded = [out.gap ? `most durable deal gap ${fmt(out.gap, 2)}` : '', out.nearest ?? ''].filter(Boolean).join(', ');
  return { seconds: out.seconds, exact: out.exact, note: `${out.exact ? 'exact' : `bounded, not exact: ${bounded}; ${fmt(out.seconds, 2)} s`}; ${out.nodes} nodes` };
}

export function runScaleBench(quick: boolean): string[] {
  const limit = quick ? 10 : 40;
  const out = [`Scale (synthetic scenarios; each case in its own process, stopped after ${limit} s)`];
  const exact: [number, number][] = quick ? [[28, 4], [60, 8]] : [[28, 4], [60, 4], [100, 4], [28, 8], [28, 12], [60, 12], [100, 12], [60, 8]];
  for (const [p, n] of exact) {
    const r = runCase('exact', p, n, limit);
    // The target is for an exact answer: a bounded one misses it, whatever its time.
    if (p === 60 && n === 8) out.push(figure(`analyser, ${p} points × ${n} parties (exact)`, r.exact === false ? Infinity : r.seconds, 's', { max: 5 }, r.note));
    else out.push(`  analyser, ${`${p} points × ${n} parties`.padEnd(22)} ${Number.isFinite(r.seconds) ? `${fmt(r.seconds, 2)} s` : ''} (${r.note})`);
  }
  const bots: [number, number][] = quick ? [[28, 4]] : [[28, 4], [60, 8], [100, 12]];
  for (const [p, n] of bots) {
    for (const bot of ['random', 'mediator']) {
      const r = runCase(bot, p, n, limit);
      out.push(`  one ${bot} bot game, ${`${p} points × ${n} parties`.padEnd(22)} ${Number.isFinite(r.seconds) ? `${fmt(r.seconds, 2)} s` : ''} (${r.note})`);
    }
  }
  return out;
}
