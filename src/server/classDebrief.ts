/**
 * The class debrief: every table's outcome side by side, each seat's score, and which options
 * the tables chose on each point beside the analyser's best deals; with CSV and JSON exports.
 * Pure (no Node, no DOM): the server builds it, the teacher's browser shows and exports it.
 */
import type { Debrief } from '../debrief/debrief.ts';
import { BALANCE_COLUMN, csvCell } from '../debrief/classResults.ts';

/** The part of a table's debrief the class needs (no series or timeline). */
export type TableDebrief = Pick<Debrief, 'outcome' | 'score' | 'startPoints' | 'finalPoints' | 'points' | 'parties' | 'best' | 'leftOnTable' | 'balance'>;

/** `over`: whether the table's game has ended (an unfinished one is reported as such, not as a deadline). */
export function trimDebrief(d: Debrief, over = true): TableDebrief & { unfinished?: true } {
  return {
    ...(over ? {} : { unfinished: true as const }),
    outcome: d.outcome.kind === 'deal' ? { ...d.outcome } : d.outcome,
    score: d.score,
    startPoints: d.startPoints,
    finalPoints: d.finalPoints,
    points: d.points,
    parties: d.parties,
    best: d.best,
    leftOnTable: d.leftOnTable,
    balance: d.balance,
  };
}

export interface SeatScore {
  seat: string;
  seatName: string;
  /** Who played it: a student's display name, or null for its machine. */
  player: string | null;
  /** Margin above walk-away for a party (null when the table has no deal: nobody gained); the deal's durability for the mediator. */
  score: number | null;
}

export interface ClassTableRow {
  table: number;
  outcome: 'deal' | 'collapse' | 'timeout' | 'unfinished';
  /** Day the table ended (or stood at). */
  day: number;
  points: number;
  durability: number | null;
  balance: number | null;
  seats: SeatScore[];
}

export interface ClassPointRow {
  point: string;
  title: string;
  /** Per table, the option label chosen (null: still open / deferred). */
  tables: (string | null)[];
  durable: string | null;
  balanced: string | null;
  /** Tables whose choice matches the most durable deal's. */
  matchDurable: number;
}

export interface ClassDebrief {
  scenario: { id: string; title: string };
  start: string;
  seed: number;
  difficulty: string;
  tables: ClassTableRow[];
  points: ClassPointRow[];
  /** The analyser's answer, from the first table that reported; null when no table did (then nothing is known, not "no deal"). */
  best: Debrief['best'] | null;
  deals: number;
  /** Tables of the class that did not send their results in time (0-based), left out of the rows above. */
  missing: number[];
}

export interface DebriefInput {
  scenario: { id: string; title: string; parties: { id: string; name: string; role: string }[] };
  start: string;
  seed: number;
  difficulty: string;
  tables: { index: number; debrief: TableDebrief & { unfinished?: true }; holders: Record<string, string | null> }[];
  /** How many tables the class has (default: those reporting), so the ones that did not report can be named. */
  tableCount?: number;
}

/** Build the class debrief from the tables' debriefs. Pure. */
export function buildClassDebrief(input: DebriefInput): ClassDebrief {
  const first = input.tables[0]?.debrief;
  const tables: ClassTableRow[] = input.tables.map(({ index, debrief: d, holders }) => ({
    table: index,
    outcome: d.unfinished ? 'unfinished' : d.outcome.kind,
    day: d.outcome.day,
    points: d.finalPoints,
    durability: d.score?.durability ?? null,
    // The readable balance (the typical margin), as the debrief shows it; never the raw Nash product.
    balance: d.balance ?? null,
    seats: input.scenario.parties.map((p) => {
      const row = d.parties.find((r) => r.id === p.id);
      return {
        seat: p.id,
        seatName: p.name,
        player: holders[p.id] ?? null,
        score: p.role === 'mediator' ? (d.score?.durability ?? null) : d.outcome.kind === 'deal' && row ? row.player : null,
      };
    }),
  }));
  const points: ClassPointRow[] = (first?.points ?? []).map((p) => {
    const chosen = input.tables.map((t) => t.debrief.points.find((x) => x.id === p.id)?.player ?? null);
    return {
      point: p.id,
      title: p.number !== undefined ? `${p.number}. ${p.title}` : p.title,
      tables: chosen,
      durable: p.durable,
      balanced: p.balanced,
      matchDurable: chosen.filter((c) => c !== null && c === p.durable).length,
    };
  });
  return {
    scenario: { id: input.scenario.id, title: input.scenario.title },
    start: input.start,
    seed: input.seed,
    difficulty: input.difficulty,
    tables,
    points,
    best: first?.best ?? null,
    deals: tables.filter((t) => t.outcome === 'deal').length,
    missing: Array.from({ length: input.tableCount ?? 0 }, (_, i) => i).filter((i) => !input.tables.some((t) => t.index === i)),
  };
}

const tableList = (indexes: readonly number[]): string => {
  const names = indexes.map((i) => String(i + 1));
  return `${indexes.length === 1 ? 'Table' : 'Tables'} ${names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}` : names[0]!}`;
};

/**
 * What the class debrief says first, in plain sentences for the teacher: how many tables reached
 * a deal and the best deal possible; or, when no table has sent its results, that nothing is
 * known yet (never that no deal is possible); and which tables did not answer in time. Pure.
 */
export function classDebriefSummary(d: ClassDebrief): string[] {
  const late = d.missing.length === 0 ? null
    : `${tableList(d.missing)} did not send ${d.missing.length === 1 ? 'its' : 'their'} results in time and ${d.missing.length === 1 ? 'is' : 'are'} not counted here (a table still starting, or on a server process that is not answering). Ask the tables again in a moment.`;
  if (d.tables.length === 0 || d.best === null) {
    return [`${d.scenario.title}: no table has sent its results yet, so there is nothing to compare (this does not mean a deal is impossible).`, ...(late ? [late] : [])];
  }
  const n = d.tables.length;
  const reached = d.missing.length === 0
    ? `${d.scenario.title}: ${d.deals} of ${n} table${n === 1 ? '' : 's'} reached a deal.`
    : `${d.scenario.title}: ${d.deals} of the ${n} table${n === 1 ? '' : 's'} that sent ${n === 1 ? 'its' : 'their'} results reached a deal.`;
  const best = d.best.exact === false ? '' : d.best.feasible
    ? ` The most durable deal possible leaves every signatory at least ${d.best.durability === null ? '–' : d.best.durability.toFixed(2)} above its walk-away.`
    : ' The analyser finds no text every required party could sign in this scenario.';
  return [reached + best, ...(late ? [late] : [])];
}

/** The class debrief as CSV: one row per table and seat, then one row per point. */
export function classDebriefCsv(d: ClassDebrief): string {
  const rows: (string | number | null)[][] = [];
  rows.push(['table', 'outcome', 'day', 'points', 'durability', BALANCE_COLUMN, 'seat', 'player', 'score']);
  for (const t of d.tables) {
    for (const s of t.seats) rows.push([t.table + 1, t.outcome, t.day, t.points, t.durability, t.balance, s.seatName, s.player ?? 'machine', s.score]);
  }
  rows.push([]);
  rows.push(['point', ...d.tables.map((t) => `table ${t.table + 1}`), 'most durable deal', 'most balanced deal', 'tables matching the most durable']);
  for (const p of d.points) rows.push([p.title, ...p.tables.map((c) => c ?? 'open'), p.durable, p.balanced, p.matchDurable]);
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
