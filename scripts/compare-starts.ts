/**
 * Do a scenario's starts lead to different games? Plays the same seeded games of each bot from
 * every start (or those named) and compares what they end with: deal rate, days, each signatory's
 * margin in the deals, and per point which option the final texts carry. Prints Markdown (and with
 * --json FILE writes every game to FILE), the same on every run for the same arguments.
 *
 *   npx tsx scripts/compare-starts.ts scenarios/geneva-2025/scenario.yaml --bots mediator,oracle --games 30 [--seed 1] [--starts a,b] [--points a,b] [--json FILE]
 *
 * --points names points always listed (the key ones), besides the ten whose options differ most.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { gameSeed, playOne } from '../src/engine/simulate.ts';
import { OMIT } from '../src/scenario/omit.ts';
import { loadScenarioText } from '../src/scenario/load.ts';
import type { Scenario } from '../src/scenario/schema.ts';

interface Game {
  outcome: string;
  days: number;
  /** Final text: option per point (null when dropped), deferred points marked "deferred". */
  text: Record<string, string | null>;
  margins: Record<string, number> | null;
}

interface Run { start: string; bot: string; games: Game[] }

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    bots: { type: 'string', default: 'mediator,oracle' },
    games: { type: 'string', default: '30' },
    seed: { type: 'string', default: '1' },
    starts: { type: 'string' },
    points: { type: 'string' },
    json: { type: 'string' },
  },
});
const file = positionals[0];
if (!file) throw new Error('usage: compare-starts <scenario.yaml> [--bots a,b] [--games N] [--seed S] [--starts a,b] [--points a,b] [--json FILE]');
const loaded = loadScenarioText(readFileSync(file, 'utf8'), file);
if (!loaded.ok) throw new Error(`${file} does not load`);
const scenario: Scenario = loaded.scenario;
const games = Number(values.games);
const seed = Number(values.seed);
const bots = values.bots.split(',');
const starts = values.starts ? values.starts.split(',') : scenario.starts.map((s) => s.id);

function play(start: string, bot: string, i: number): Game {
  const game = playOne(scenario, bot, gameSeed(seed, i), start);
  const view = game.view();
  const outcome = view.outcome!;
  const finalText = outcome.kind === 'deal' ? outcome.text : view.text;
  const text: Record<string, string | null> = {};
  for (const [p, c] of Object.entries(finalText)) text[p] = c.deferred ? 'deferred' : c.option === OMIT ? null : c.option;
  const out = { outcome: outcome.kind, days: outcome.day + 1, text, margins: outcome.kind === 'deal' ? outcome.score.margins : null };
  game.stop();
  return out;
}

const runs: Run[] = [];
for (const bot of bots) {
  for (const start of starts) {
    const played: Game[] = [];
    for (let i = 0; i < games; i++) {
      played.push(play(start, bot, i));
      process.stderr.write(`\r${bot} ${start} ${i + 1}/${games}`);
    }
    process.stderr.write('\n');
    runs.push({ start, bot, games: played });
  }
}

const r1 = (x: number) => Math.round(x * 10) / 10;
const mean = (xs: number[]) => (xs.length ? r1(xs.reduce((a, b) => a + b, 0) / xs.length) : null);
const label = (point: string, option: string | null) => {
  if (option === null) return 'dropped';
  if (option === 'deferred') return 'deferred';
  return scenario.points.find((p) => p.id === point)?.options.find((o) => o.id === option)?.label ?? option;
};
const signatories = scenario.ratification.signatories;

/** Share of a run's deals whose final text has each option on a point. */
function shares(run: Run, point: string): Map<string | null, number> {
  const deals = run.games.filter((g) => g.outcome === 'deal');
  const m = new Map<string | null, number>();
  for (const g of deals) m.set(g.text[point] ?? null, (m.get(g.text[point] ?? null) ?? 0) + 1 / deals.length);
  return m;
}
/** Total-variation distance between two runs' option shares on a point (0 = same, 1 = disjoint). */
function distance(a: Run, b: Run, point: string): number {
  const sa = shares(a, point);
  const sb = shares(b, point);
  let d = 0;
  for (const k of new Set([...sa.keys(), ...sb.keys()])) d += Math.abs((sa.get(k) ?? 0) - (sb.get(k) ?? 0));
  return d / 2;
}

const summary = runs.map((run) => {
  const deals = run.games.filter((g) => g.outcome === 'deal');
  return {
    start: run.start,
    bot: run.bot,
    games: run.games.length,
    deals: deals.length,
    collapses: run.games.filter((g) => g.outcome === 'collapse').length,
    timeouts: run.games.filter((g) => g.outcome === 'timeout').length,
    meanDays: mean(run.games.map((g) => g.days)),
    meanDealDays: mean(deals.map((g) => g.days)),
    meanPoints: mean(deals.map((g) => Object.values(g.text).filter((o) => o !== null).length)),
    margins: Object.fromEntries(signatories.map((s) => [s, mean(deals.map((g) => g.margins![s] ?? 0))])),
    distinctTexts: new Set(deals.map((g) => JSON.stringify(g.text))).size,
  };
});

const comparisons = bots.flatMap((bot) => {
  const mine = runs.filter((r) => r.bot === bot);
  const out = [];
  for (let i = 0; i < mine.length; i++) {
    for (let j = i + 1; j < mine.length; j++) {
      const a = mine[i]!;
      const b = mine[j]!;
      const texts = (r: Run) => new Set(r.games.filter((g) => g.outcome === 'deal').map((g) => JSON.stringify(g.text)));
      const ta = texts(a);
      const shared = [...texts(b)].filter((t) => ta.has(t)).length;
      const points = scenario.points.map((p) => ({ point: p.id, distance: Math.round(distance(a, b, p.id) * 100) / 100 }))
        .filter((p) => p.distance > 0).sort((x, y) => y.distance - x.distance);
      out.push({ bot, a: a.start, b: b.start, sharedTexts: shared, points });
    }
  }
  return out;
});

if (values.json) writeFileSync(values.json, JSON.stringify({ scenario: scenario.id, seed, games, summary, comparisons, runs }));
{
  console.log(`| bot | start | deals / collapses / timeouts | mean days (deals) | mean points in deals | ${signatories.map((s) => `margin ${s}`).join(' | ')} | distinct final texts |`);
  console.log(`|---|---|---|---|---|${signatories.map(() => '---|').join('')}---|`);
  for (const s of summary) {
    console.log(`| ${s.bot} | ${s.start} | ${s.deals} / ${s.collapses} / ${s.timeouts} of ${s.games} | ${s.meanDays} (${s.meanDealDays ?? '–'}) | ${s.meanPoints ?? '–'} | ${signatories.map((x) => s.margins[x] ?? '–').join(' | ')} | ${s.distinctTexts} |`);
  }
  for (const c of comparisons) {
    console.log(`\n${c.bot}, ${c.a} against ${c.b}: ${c.sharedTexts} final deal texts in common. Points whose final options differ most (share of deals that would have to change, 0–1):\n`);
    const ra = runs.find((r) => r.bot === c.bot && r.start === c.a)!;
    const rb = runs.find((r) => r.bot === c.bot && r.start === c.b)!;
    const fmt = (run: Run, point: string) => [...shares(run, point)].sort((x, y) => y[1] - x[1]).map(([o, sh]) => `${label(point, o)} ${Math.round(sh * 100)}%`).join(', ');
    console.log(`| point | distance | ${c.a} | ${c.b} |`);
    console.log('|---|---|---|---|');
    const key = (values.points ?? '').split(',').filter((p) => p !== '');
    const rows = [...key.map((point) => c.points.find((p) => p.point === point) ?? { point, distance: 0 }), ...c.points.filter((p) => !key.includes(p.point)).slice(0, 10)];
    for (const p of rows) {
      const title = scenario.points.find((x) => x.id === p.point)!.title;
      console.log(`| ${title} | ${p.distance} | ${fmt(ra, p.point)} | ${fmt(rb, p.point)} |`);
    }
  }
}
