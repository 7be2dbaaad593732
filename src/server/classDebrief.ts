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
  best: Debrief['best'];
  deals: number;
}

export interface DebriefInput {
  scenario: { id: string; title: string; parties: { id: string; name: string; role: string }[] };
  start: string;
  seed: number;
  difficulty: string;
  tables: { index: number; debrief: TableDebrief & { unfinished?: true }; holders: Record<string, string | null> }[];
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
    best: first?.best ?? { feasible: false, exact: true, durability: null, balance: null, bounded: '' },
    deals: tables.filter((t) => t.outcome === 'deal').length,
  };
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
