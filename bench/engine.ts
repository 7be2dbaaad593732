/**
 * Engine benchmarks: full games per second with the real XState engine on one core (tutorial
 * and Geneva, per bot, against the targets of issue #13), and how long a party takes to answer a
 * tabled text (p50/p99), beside the pure judgement it wraps.
 */
import { shippedScenario, tutorial } from '../src/testing/scenarios.ts';
import { figure } from './targets.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { playOne } from '../src/engine/simulate.ts';
import { createGame } from '../src/engine/session.ts';
import { counterProposal, evaluate } from '../src/engine/evaluate.ts';
import { partyContext } from '../src/engine/negotiationMachine.ts';
import { fmt, median, percentile } from './stats.ts';

export const loadTutorial = tutorial;

/** Games per second for a bot, as the median of `rounds` timed batches. */
function gamesPerSecond(scenario: Scenario, bot: string, games: number, rounds: number): { rate: number; days: number } {
  const rates: number[] = [];
  let days = 0;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (let i = 0; i < games; i++) {
      const g = playOne(scenario, bot, r * games + i);
      days += (g.view().outcome?.day ?? 0) + 1;
      g.stop();
    }
    rates.push((games * 1000) / (performance.now() - t0));
  }
  return { rate: median(rates), days: days / (games * rounds) };
}

/**
 * Latency of one party decision through the actors (envoy tables the text → party machine
 * judges and counter-proposes → answer recorded), beside the same judgement as a pure call.
 */
function decisionLatency(tutorial: Scenario, samples: number): { actor: number[]; pure: number[] } {
  // More actions a day and more capital than play allows, so the bench measures decisions, not the calendar.
  // A long calendar and patient parties, so every sample is a real judgement, not a walk-out.
  const scenario: Scenario = {
    ...tutorial,
    calendar: { ...tutorial.calendar, actionsPerDay: 10, deadline: '2032-12-31', softDeadlines: [] },
    parties: tutorial.parties.map((p) => ({ ...p, patience: 100 })),
    events: [],
    mediator: { ...tutorial.mediator, capital: 1000, costs: { ...tutorial.mediator.costs, table: 0 } },
  };
  const actor: number[] = [];
  const pure: number[] = [];
  const options = ['f40', 'f50', 'f60'];
  // A fresh game every few samples: rejections wear patience down, and a walk-out is not a decision.
  while (actor.length < samples) {
    const game = createGame(scenario, { seed: actor.length });
    game.send({ type: 'envoy.travel', envoy: 'envoy-lead', to: 'aldor' });
    game.send({ type: 'day.end' });
    for (let i = 0; i < 20; i++) {
      // Vary the text so nothing is answered from a cache.
      game.send({ type: 'text.redraft', point: 'flow', option: options[i % options.length]! });
      if (game.view().envoys.find((e) => e.id === 'envoy-lead')!.actionsLeft === 0) game.send({ type: 'day.end' });
      const t0 = performance.now();
      const r = game.send({ type: 'envoy.table', envoy: 'envoy-lead', party: 'aldoria' });
      actor.push(performance.now() - t0);
      if (!r.ok) throw new Error(r.reason);
      const kind = r.notices.find((n) => n.party === 'aldoria')?.kind;
      if (kind !== 'proposal.accepted' && kind !== 'proposal.rejected') throw new Error(`bench expected an answer, got ${kind}`);
      const ctx = game.truth();
      const pc = partyContext(ctx, 'aldoria')!;
      const t1 = performance.now();
      const ev = evaluate(pc.party, pc.mood, ctx.text, ctx.day, ctx.totalDays);
      if (!ev.acceptable) counterProposal(pc.party, pc.mood, ctx.text, scenario.points, ctx.day, ctx.totalDays);
      pure.push(performance.now() - t1);
    }
    game.stop();
  }
  return { actor, pure };
}

/**
 * Games per CPU-second for a bot (this process's user + system time, so other work on a shared
 * machine does not count against it), playing for about `ms` of CPU (at least `min` games);
 * the wall-clock rate beside it.
 */
function rateFor(scenario: Scenario, bot: string, ms: number, min = 2): { cpu: number; wall: number } {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const cpuMs = () => {
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / 1000;
  };
  let n = 0;
  while (n < min || cpuMs() < ms) {
    playOne(scenario, bot, n).stop();
    n++;
  }
  return { cpu: (n * 1000) / cpuMs(), wall: (n * 1000) / (performance.now() - t0) };
}

export function runEngineBench(quick: boolean): string[] {
  const scenario = loadTutorial();
  const out: string[] = ['Engine (one core, Node ' + process.version + '): full games per CPU-second of this process'];
  // Warm up the JIT so the first measured round is not an outlier.
  gamesPerSecond(scenario, 'mediator', 5, 1);
  const geneva = shippedScenario('geneva-2025');
  const ms = quick ? 400 : 2000;
  const targets: [string, Scenario, string, number][] = [
    ['tutorial', scenario, 'random', 1000],
    ['Geneva', geneva, 'random', 100],
    ['Geneva', geneva, 'mediator', 50],
    ['Geneva', geneva, 'oracle', 20],
  ];
  for (const [name, s, bot, min] of targets) {
    // Warm up this scenario and bot first: from cold, V8 is still compiling the engine for the first
    // seconds (its compiler threads count as this process's CPU), and a short run measured the
    // compiler as much as the games (the tutorial's figure was about half its steady rate).
    rateFor(s, bot, ms / 2, 1);
    const r = rateFor(s, bot, ms, quick ? 1 : 3);
    out.push(figure(`${name}, ${bot} bot`, r.cpu, 'games/CPU-s', { min }, `${fmt(r.wall, 1)} games/s by the wall clock`, 1));
  }
  const rounds = quick ? 3 : 7;
  const games = quick ? 10 : 40;
  const rows: [string, { rate: number; days: number }][] = [];
  for (const bot of ['random', 'mediator', 'oracle']) rows.push([bot, gamesPerSecond(scenario, bot, games, rounds)]);
  for (const [bot, r] of rows) out.push(`  full games/s, ${bot.padEnd(8)} bot: ${fmt(r.rate, 1).padStart(8)}  (tutorial, median of ${rounds} batches of ${games}; ${fmt(r.days, 1)} days a game)`);
  const lat = decisionLatency(scenario, quick ? 300 : 2000);
  const p50 = median(lat.actor);
  const p99 = percentile(lat.actor, 99);
  const pure50 = median(lat.pure);
  out.push(`  party decision latency (envoy tables → party machine judges → answer recorded): p50 ${fmt(p50 * 1000, 1)} µs, p99 ${fmt(p99 * 1000, 1)} µs`);
  out.push(`  the judgement alone as a pure call: p50 ${fmt(pure50 * 1000, 1)} µs; whole decision / judgement ${fmt(p50 / pure50, 1)}×`);
  return out;
}
