/**
 * What travels between a live class's browsers and its server: every message a client may
 * send, as a zod schema checked before anything else looks at it, and the size limits. Shared
 * by the server (which checks) and the client (which builds messages of the same shape).
 * Pure data: no Colyseus, no DOM.
 */
import { z } from 'zod';
import { seatCommandSchema } from '../engine/save.ts';
import { DIFFICULTIES } from '../engine/knowledge.ts';

/** Largest message a client may send, in characters of its JSON. Larger ones are refused. */
export const MAX_MESSAGE_CHARS = 4096;
/** Largest WebSocket frame the server reads at all; bigger frames close that one connection. */
export const MAX_FRAME_BYTES = 64 * 1024;
/** Longest display name, in characters (after trimming). */
export const MAX_NAME = 32;
/** Most tables in one class. */
export const MAX_TABLES = 40;
/** Longest custom headline the teacher may inject. */
export const MAX_HEADLINE = 200;

/** Join codes: six characters from an alphabet without look-alikes (0/O, 1/I/L). */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 6;
export const codeSchema = z.string().trim().toUpperCase().regex(new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`), 'a join code is six letters and digits');

const id = z.string().min(1).max(48).regex(/^[A-Za-z0-9_.-]+$/);
const token = z.string().min(16).max(128).regex(/^[A-Za-z0-9_.:-]+$/);

/**
 * A display name: plain text, trimmed, control characters removed, at most MAX_NAME characters.
 * It is always shown as text (never HTML), so no other character is refused.
 */
export const nameSchema = z.string()
  .transform((s) => s.replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, '').replace(/\s+/g, ' ').trim())
  .pipe(z.string().min(1, 'a name is needed').max(MAX_NAME, `a name is at most ${MAX_NAME} characters`));

export const SEAT_POLICIES = ['random', 'chosen', 'teacher'] as const;
export type SeatPolicy = (typeof SEAT_POLICIES)[number];

/** A new class, as the teacher's browser asks for it (POST /api/classes). */
export const classSetupSchema = z.strictObject({
  scenario: id,
  start: id.optional(),
  seed: z.number().int().min(0).max(0xffffffff),
  difficulty: z.enum(DIFFICULTIES as unknown as [string, ...string[]]),
  tables: z.number().int().min(1).max(MAX_TABLES),
  seatPolicy: z.enum(SEAT_POLICIES),
  /** Minutes a day lasts before the teacher's clock ends it; null: days end when the seats end them. */
  dayMinutes: z.number().min(0.25).max(120).nullable().optional(),
});
export type ClassSetup = z.output<typeof classSetupSchema>;

export const joinRequestSchema = z.strictObject({ code: codeSchema });

/** Options a client joins the class room with. */
export const classJoinSchema = z.union([
  z.strictObject({ teacher: token }),
  z.strictObject({ code: codeSchema, name: nameSchema, student: token.optional() }),
]);

/** Options a client joins a table room with: the seat pass the class room handed out. */
export const tableJoinSchema = z.strictObject({ pass: z.string().min(16).max(600).regex(/^[A-Za-z0-9_.-]+$/) });

/** Messages to the class room. */
export const classMessages = {
  'seat.choose': z.strictObject({ table: z.number().int().min(0).max(MAX_TABLES - 1), seat: id }),
  'teacher.assign': z.strictObject({ student: id, table: z.number().int().min(0).max(MAX_TABLES - 1), seat: id }),
  'teacher.pause': z.strictObject({ paused: z.boolean() }),
  'teacher.dayLength': z.strictObject({ minutes: z.number().min(0.25).max(120).nullable() }),
  'teacher.inject': z.strictObject({
    table: z.number().int().min(0).max(MAX_TABLES - 1).nullable(),
    event: id.optional(),
    headline: z.string().trim().min(1).max(MAX_HEADLINE).optional(),
  }).refine((m) => (m.event === undefined) !== (m.headline === undefined), 'either a scenario event or a headline'),
  /** Loosen or tighten one party at one table: lift or restore one of its red lines, or shift its patience. */
  'teacher.adjust': z.strictObject({
    table: z.number().int().min(0).max(MAX_TABLES - 1),
    party: id,
    redLine: z.strictObject({ line: id, lifted: z.boolean() }).optional(),
    patience: z.number().int().min(-50).max(50).refine((n) => n !== 0, 'a change of patience is not zero').optional(),
  }).refine((m) => (m.redLine === undefined) !== (m.patience === undefined), 'either a red line or patience'),
  'teacher.end': z.strictObject({}),
  'teacher.debrief': z.strictObject({}),
} as const;
export type ClassMessageType = keyof typeof classMessages;
export type ClassMessage<T extends ClassMessageType> = z.output<(typeof classMessages)[T]>;

/** Messages to a table room. */
export const tableMessages = {
  /** Any seat's command (the table then checks it against the sender's seat: a party's, the mediator's; world commands are the teacher's). */
  command: z.strictObject({ command: seatCommandSchema, /** Echoed back with the view, for latency measurement. */ ref: z.number().int().min(0).max(2 ** 31).optional() }),
} as const;
export type TableMessageType = keyof typeof tableMessages;

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Check one message: size first (as JSON text), then shape. Never throws. */
export function checkMessage<T extends z.ZodType>(schema: T, message: unknown): Checked<z.output<T>> {
  let size: number;
  try {
    size = JSON.stringify(message ?? null).length;
  } catch {
    return { ok: false, reason: 'the message is not plain data' };
  }
  if (size > MAX_MESSAGE_CHARS) return { ok: false, reason: `the message is too large (${size} characters; at most ${MAX_MESSAGE_CHARS})` };
  const parsed = schema.safeParse(message);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
    return { ok: false, reason: `the message has the wrong shape (${where}${issue?.message ?? 'bad shape'})` };
  }
  return { ok: true, value: parsed.data };
}

// ---- what the server sends ---------------------------------------------------------------

/** One seat of a table, as the class sees it. */
export interface SeatStatus {
  id: string;
  name: string;
  role: 'mediator' | 'signatory' | 'consulted';
  /** Display name of the student holding the seat, or null. */
  holder: string | null;
  connected: boolean;
  /** Its machine is playing it now (nobody there, or away too long). */
  machine: boolean;
}

/** The table's clock and lesson state, sent to its seats and to the teacher. */
export interface TableStatus {
  paused: boolean;
  ended: boolean;
  /** Minutes a day lasts on the teacher's clock, or null. */
  dayMinutes: number | null;
  /** Milliseconds left in the day on the teacher's clock (null without a clock or while paused). */
  dayLeftMs: number | null;
}

/** Table → class channel and class → teacher: one table's state. */
export interface TableReport {
  index: number;
  tableId: string;
  seats: SeatStatus[];
  status: TableStatus;
  summary: import('./liveTable.ts').TableSummary;
  /** The server process holding the table (several behind Redis). */
  process: string;
}

export interface StudentInfo {
  id: string;
  name: string;
  table: number | null;
  seat: string | null;
  online: boolean;
}

/** Class room → teacher ('class.state' whole, then 'class.patch': what changed, see classStatePatch.ts). */
export interface ClassState {
  classId: string;
  code: string;
  setup: ClassSetup;
  scenarioTitle: string;
  startTitle: string;
  paused: boolean;
  dayMinutes: number | null;
  ended: boolean;
  tables: (TableReport | { index: number; tableId: string; pending: true })[];
  students: StudentInfo[];
  /** The scenario's events the teacher may inject. */
  events: { id: string; headline: string }[];
  /** The parties, with their red lines (the teacher may lift or restore one). */
  parties: { id: string; name: string; role: string; redLines: { id: string; reason: string }[] }[];
}

/** Class room → student ('class.you'). */
export interface StudentState {
  classId: string;
  student: { id: string; token: string; name: string };
  /** The game every table plays (the scenario is the one shipped with the page). */
  game: { scenario: string; start: string; seed: number; difficulty: string };
  scenarioTitle: string;
  policy: SeatPolicy;
  ended: boolean;
  assignment: { table: number; seat: string; seatName: string; tableId: string; pass: string } | null;
  /** Seats still free (seat policy "chosen"). */
  free: { table: number; seat: string; name: string }[];
}

/**
 * One seat's whole message: its view, the table's clock and who sits where. On the wire ('view')
 * it travels as a `SeatWire` (src/server/viewPatch.ts): whole at first, then what changed.
 */
export interface SeatMessage {
  seat: string;
  view: import('../engine/seatView.ts').SeatView;
  status: TableStatus;
  seats: SeatStatus[];
  ref?: number;
}
