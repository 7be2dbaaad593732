import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/accord.mjs', import.meta.url));

function accord(...args: string[]) {
  const run = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('accord analyze', () => {
  it('--json prints feasibility, counts, the best deals with margins, bot figures and the time taken', () => {
    const r = accord('analyze', 'scenarios/tutorial/scenario.yaml', '--games', '3', '--seed', '2', '--json');
    expect(r.status).toBe(0);
    const a = JSON.parse(r.stdout) as Record<string, unknown> & {
      maximin: { text: Record<string, string | null>; margins: Record<string, number> };
      nash: { text: Record<string, string | null>; margins: Record<string, number> };
      bots: Record<string, { games: number; deals: number; meanDays: number }>;
    };
    expect(a.feasible).toBe(true);
    expect(a.outcomes).toBe(768);
    expect(typeof a.feasibleCount).toBe('number');
    for (const deal of [a.maximin, a.nash]) {
      expect(Object.keys(deal.text).sort()).toEqual(['dam', 'flow', 'fund', 'island', 'monitoring']);
      expect(Object.keys(deal.margins).sort()).toEqual(['aldoria', 'belmar', 'commission']);
    }
    expect(Object.keys(a.bots).sort()).toEqual(['greedy', 'mediator', 'oracle', 'random']);
    for (const b of Object.values(a.bots)) expect(b).toMatchObject({ games: 3, deals: expect.any(Number), meanDays: expect.any(Number) });
    expect(typeof a.seconds).toBe('number');
  });

  it('prints the best deals for a person, and names an unknown start', () => {
    const text = accord('analyze', 'scenarios/tutorial/scenario.yaml', '--games', '0');
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/a deal is possible +yes/);
    expect(text.stdout).toMatch(/most durable deal/);
    // Balance reads as the typical margin (at most 100), never as the raw Nash product.
    const balance = /most balanced deal \(balance (\d+\.\d): the typical margin/.exec(text.stdout);
    expect(balance).not.toBeNull();
    expect(Number(balance![1])).toBeLessThanOrEqual(100);
    expect(text.stdout).not.toMatch(/Nash/);
    const bad = accord('analyze', 'scenarios/tutorial/scenario.yaml', '--start', 'nope');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/"nope" is not a start/);
  });

  it('--games gives the same bot figures on worker threads as in one thread, equal to simulate', () => {
    const run = (workers: string) => {
      const r = accord('analyze', 'scenarios/tutorial/scenario.yaml', '--games', '5', '--seed', '9', '--workers', workers, '--json');
      expect(r.status).toBe(0);
      return (JSON.parse(r.stdout) as { bots: Record<string, unknown> }).bots;
    };
    const inThread = run('0');
    expect(run('2')).toEqual(inThread);
    const sim = accord('simulate', 'scenarios/tutorial/scenario.yaml', '--bot', 'mediator', '--games', '5', '--seed', '9', '--json');
    const s = JSON.parse(sim.stdout) as { deals: number; meanDays: number; games: number };
    expect(inThread.mediator).toMatchObject({ games: 5, deals: s.deals, meanDays: s.meanDays });
  });

  it('without --games, the bots play within the time budget and progress shows on stderr', () => {
    const t0 = performance.now();
    const r = accord('analyze', 'scenarios/tutorial/scenario.yaml', '--budget', '1', '--json');
    const seconds = (performance.now() - t0) / 1000;
    expect(r.status).toBe(0);
    const a = JSON.parse(r.stdout) as { bots: Record<string, { games: number }> };
    for (const b of Object.values(a.bots)) expect(b.games).toBeGreaterThan(0);
    expect(r.stderr).toMatch(/analyze: bot games \(within 1 s\)/);
    // Without a budget the pool would go on to 100,000 games a bot (minutes); with it, about a second
    // plus start-up, which on a loaded two-core machine has taken up to 17 s.
    expect(seconds).toBeLessThan(30);
    expect(accord('analyze', 'scenarios/tutorial/scenario.yaml', '--budget', 'soon').stderr).toMatch(/expected seconds/);
  });

  it('an exact search stopped by --work says it is bounded, not exact, in text and JSON; by default Geneva is exact', () => {
    const text = accord('analyze', 'scenarios/geneva-2025/scenario.yaml', '--games', '0', '--work', '300');
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/Best found, not proven best: the analyser stopped at its work budget/);
    expect(text.stdout).toMatch(/most durable deal found \(largest smallest margin, [\d.]+; bounded, not exact: the best is at most [\d.]+\)/);
    expect(text.stdout).toMatch(/bounded search/);
    expect(text.stdout).not.toMatch(/exact search/);
    const json = JSON.parse(accord('analyze', 'scenarios/geneva-2025/scenario.yaml', '--games', '0', '--work', '300', '--json').stdout) as {
      exact: boolean;
      maximin: { value: number; exact: boolean; atMost: number | null };
    };
    expect(json.exact).toBe(false);
    expect(json.maximin.exact).toBe(false);
    // Geneva's most durable deal is 14.139 (the exact answer below): the bounds hold it.
    expect(json.maximin.value).toBeLessThanOrEqual(14.139);
    expect(json.maximin.atMost).toBeGreaterThanOrEqual(14.139);
    const exact = JSON.parse(accord('analyze', 'scenarios/geneva-2025/scenario.yaml', '--games', '0', '--json').stdout) as typeof json;
    expect(exact.exact).toBe(true);
    expect(exact.maximin).toMatchObject({ value: 14.139, exact: true, atMost: null });
  });
});

describe('accord analyze on a scenario nobody can win', () => {
  it('names the conflicting conditions and each party against its walk-away, in text and JSON', () => {
    const text = accord('analyze', 'src/cli/fixtures/infeasible.yaml', '--games', '0');
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/a deal is possible +no/);
    expect(text.stdout).toContain("- Aldoria's walk-away: it signs no text worth less than 80 to it");
    expect(text.stdout).toContain("- Belmar's signature is required");
    expect(text.stdout).toMatch(/Aldoria +best 100\.0, walk-away 80/);
    const json = JSON.parse(accord('analyze', 'src/cli/fixtures/infeasible.yaml', '--games', '0', '--json').stdout) as {
      conflict: { conditions: { kind: string; party?: string }[]; reach: { party: string; best: number | null; walkAway: number }[] };
    };
    expect(json.conflict.conditions).toContainEqual({ kind: 'walkAway', party: 'aldoria', reservation: 80 });
    expect(json.conflict.reach.find((r) => r.party === 'belmar')).toEqual({ party: 'belmar', best: 100, walkAway: 80 });
  });
});
