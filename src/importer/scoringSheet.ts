/**
 * Import a scoring-sheet negotiation game (the format of classroom exercises such as the
 * Harborco-style games of S-Abdelnabi/LLM-Deliberation) into an Accord scenario. Pure: the
 * caller supplies the folder's texts through `read`; bad input never throws, it comes back as
 * problems naming the file and line, e.g. `game1/bank.txt:3: expected 4 numbers for issue C, got 3`.
 *
 * The sheet: `config.txt` has one party a line (`display name, file id, role, …`; role `p1`,
 * `p2` or `player`); `<file id>.txt` has one line per issue (A, B, …) with the party's score
 * for each option, then a last line with the party's minimum total; `initial_deal.txt` is
 * the opening proposal (`A1,B1,C4,…`). A party accepts a deal whose total is at least its
 * minimum; a deal passes when p1 and p2 accept and at least n−1 of the n parties do.
 *
 * The mapping is exact. For a party and issue i, let lo_i = min(0, lowest score) (a shift
 * that only matters when the sheet has negative scores), s'_i(o) = score_i(o) − lo_i and
 * m_i = max over options of s'_i. The option's value is v_i(o) = 100·s'_i(o)/m_i and the
 * issue's weight is 100·m_i/max_j m_j (issues with m_i = 0 are left out: the party is
 * indifferent to them). Accord's utility Σ w_i v_i / Σ w_i is then 100·(total − Σ lo)/Σ m,
 * so "total ≥ minimum" is "utility ≥ 100·(minimum − Σ lo)/Σ m". The reservation is that
 * number rounded down by less than the smallest utility step between two different totals,
 * so that a total exactly at the minimum still passes whatever the floating-point rounding.
 */
import type { ScenarioInput } from '../scenario/schema.ts';

/** One problem in the sheet: `file` as messages name it; `line` 0 means the file as a whole. */
export interface ImportProblem {
  file: string;
  line: number;
  message: string;
}

/** `game1/bank.txt:3: message`, or `game1/bank.txt: message` for the whole file. */
export function formatImportProblem(p: ImportProblem): string {
  return `${p.file}:${p.line > 0 ? `${p.line}:` : ''} ${p.message}`;
}

/** A file's text, or why it could not be read (e.g. `file not found`). */
export type ReadResult = string | { error: string };
/** Reads a file of the folder by its name (`config.txt`, `bank.txt`, …). */
export type ReadFile = (name: string) => ReadResult;

export type SheetRole = 'p1' | 'p2' | 'player';

/** One party of the sheet, as read. */
export interface SheetParty {
  /** Display name (first column of config.txt). */
  name: string;
  /** File id (second column): the scores are in `<fileId>.txt`. */
  fileId: string;
  role: SheetRole;
  /** Line of config.txt that names the party. */
  configLine: number;
  /** scores[i][j]: score of option j of issue i. */
  scores: number[][];
  minimum: number;
  /** Where in `<fileId>.txt` each issue's scores and the minimum are. */
  lines: { issues: number[]; minimum: number };
}

/** A whole scoring-sheet game, as read. */
export interface SheetGame {
  /** The folder as messages name it, e.g. `game1`. */
  folder: string;
  /** Number of options of each issue. */
  options: number[];
  parties: SheetParty[];
  /** The opening proposal: option index (0-based) for each issue. */
  initialDeal: number[];
  /** initial_deal.txt as written (trimmed). */
  initialDealText: string;
  /** Most decimal places in any score or minimum: every total is a multiple of 10^−places. */
  places: number;
}

/** How one party of the sheet became an Accord party: the numbers the YAML comments explain. */
export interface PartyMapping {
  id: string;
  sheet: SheetParty;
  /** lo_i: per-issue shift (0 unless the issue has negative scores). */
  shifts: number[];
  /** m_i: best shifted score per issue. */
  maxima: number[];
  /** Σ m_i: the largest total above the shifted floor. */
  span: number;
  /** 100·(minimum − Σ lo)/Σ m before rounding down; ≤ 0 when the party accepts every deal. */
  exactReservation: number;
  reservation: number;
  opening: number;
}

export interface Imported {
  scenario: ScenarioInput;
  game: SheetGame;
  /** The game's parties in config.txt order. */
  parties: PartyMapping[];
  /** Id of the neutral mediator party the importer adds. */
  mediatorId: string;
  /** What the scenario's source line says. */
  source: { title: string; url?: string };
}

export type ImportResult = { ok: true; imported: Imported } | { ok: false; problems: ImportProblem[] };

export interface ImportOptions {
  /** The scenario id (default: `scoring-<folder>`). */
  id?: string;
  /** The folder's own name, for the title (default: the last part of `folder`). */
  name?: string;
  /** The source line (default: credits S-Abdelnabi/LLM-Deliberation). */
  source?: { title: string; url?: string };
}

export const CONFIG_FILE = 'config.txt';
export const DEAL_FILE = 'initial_deal.txt';
export const LLM_DELIBERATION_URL = 'https://github.com/S-Abdelnabi/LLM-Deliberation';

/** Neutral defaults of the importer for everything the sheet has no notion of. */
export const DEFAULTS = {
  calendarStart: '2030-03-04',
  calendarDeadline: '2030-03-17',
  days: 14,
  venue: { id: 'table', name: 'The table', lat: 0, lon: 0 },
  trust: 50,
  patience: 60,
  concession: 'linear',
  maxOpenPoints: 2,
} as const;

const MAX_ISSUES = 26; // issue letters A–Z
const MAX_OPTIONS = 8; // the scenario format's limit per point
const MAX_GAME_PARTIES = 11; // 12 parties at most, one of them the mediator
const ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,47}$/;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const FILE_ID = /^[A-Za-z0-9][A-Za-z0-9 _.-]*$/;

export const issueLetter = (i: number): string => String.fromCharCode(65 + i);
const range = (n: number): string => (n <= 1 ? 'A' : `A–${issueLetter(n - 1)}`);
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** A valid Accord id from any text: lower-cased, other characters turned into "-", at most 48 long. */
export function toId(raw: string, fallback = 'imported'): string {
  const id = raw
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[-_]+/, '')
    .slice(0, 48)
    .replace(/[-_]+$/, '');
  return ID_PATTERN.test(id) ? id : fallback;
}

/** Lines of a text with their 1-based numbers, blank lines left out. */
function contentLines(text: string): { line: number; text: string }[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((t, i) => ({ line: i + 1, text: t.trim() }))
    .filter((l) => l.text !== '');
}

/** Decimal places of a number as written (`7.25` → 2). */
const decimals = (raw: string): number => {
  const dot = raw.indexOf('.');
  return dot < 0 ? 0 : raw.length - dot - 1;
};

// ---- reading the sheet ---------------------------------------------------------------------

interface ConfigRow {
  name: string;
  fileId: string;
  role: SheetRole;
  line: number;
}

function parseConfig(file: string, text: string, problems: ImportProblem[]): ConfigRow[] {
  const add = (line: number, message: string) => problems.push({ file, line, message });
  const rows: ConfigRow[] = [];
  const seen = new Map<string, number>();
  const before = problems.length;
  for (const { line, text: row } of contentLines(text)) {
    const fields = row.split(',').map((f) => f.trim());
    if (fields.length < 3) {
      add(line, `expected "display name, file id, role" (then optional columns), got ${plural(fields.length, 'field')}`);
      continue;
    }
    const [name, fileId, rawRole] = fields as [string, string, string];
    let ok = true;
    if (name === '') {
      ok = false;
      add(line, 'the display name (first column) is empty');
    } else if (name.length > 80) {
      ok = false;
      add(line, `the display name is longer than 80 characters (${name.length})`);
    }
    if (!FILE_ID.test(fileId)) {
      ok = false;
      add(line, `file id ${JSON.stringify(fileId)} must be a plain file name: letters, digits, spaces, "-", "_" or "."`);
    } else if ([CONFIG_FILE, DEAL_FILE].includes(`${fileId.toLowerCase()}.txt`)) {
      ok = false;
      add(line, `file id "${fileId}" would name ${fileId}.txt, which is not a score file; rename it`);
    } else if (seen.has(fileId.toLowerCase())) {
      ok = false;
      add(line, `file id "${fileId}" is already used on line ${seen.get(fileId.toLowerCase())}`);
    } else seen.set(fileId.toLowerCase(), line);
    const role = rawRole.toLowerCase();
    if (role !== 'p1' && role !== 'p2' && role !== 'player') {
      ok = false;
      add(line, `role ${JSON.stringify(rawRole)} must be p1, p2 or player`);
    }
    if (ok) rows.push({ name, fileId, role: role as SheetRole, line });
  }
  if (problems.length > before) return rows;
  if (rows.length === 0) {
    add(0, 'lists no parties (one a line: display name, file id, role)');
    return rows;
  }
  for (const role of ['p1', 'p2'] as const) {
    const holders = rows.filter((r) => r.role === role);
    if (holders.length === 0) add(0, `no party has role ${role} (the sheet needs exactly one p1 and one p2)`);
    for (const extra of holders.slice(1)) add(extra.line, `a second party with role ${role} (the first is on line ${holders[0]!.line}); the sheet needs exactly one`);
  }
  if (rows.length > MAX_GAME_PARTIES) add(rows[MAX_GAME_PARTIES]!.line, `more than ${MAX_GAME_PARTIES} parties; an Accord scenario has at most 12 parties, one of them the mediator`);
  return rows;
}

interface ScoreFile {
  row: ConfigRow;
  file: string;
  /** Issue lines: line number and the numbers, as written and parsed. */
  issues: { line: number; raw: string[]; values: number[] }[];
  minimum: { line: number; raw: string; value: number };
  places: number;
}

function parseScoreFile(row: ConfigRow, file: string, text: string, problems: ImportProblem[]): ScoreFile | null {
  const add = (line: number, message: string) => problems.push({ file, line, message });
  const lines = contentLines(text);
  if (lines.length < 2) {
    add(lines[0]?.line ?? 0, `expected a line of scores for each issue and a last line with the minimum total; found ${plural(lines.length, 'line')}`);
    return null;
  }
  const before = problems.length;
  const issues: ScoreFile['issues'] = [];
  let places = 0;
  lines.slice(0, -1).forEach(({ line, text: t }, i) => {
    const raw = t.split(',').map((f) => f.trim());
    const values: number[] = [];
    raw.forEach((r, j) => {
      const where = `issue ${i < MAX_ISSUES ? issueLetter(i) : i + 1}, option ${j + 1}`;
      if (r === '') add(line, `empty score (${where})`);
      else if (!NUMBER.test(r)) add(line, `${JSON.stringify(r)} is not a number (${where}); write plain decimal numbers like 12 or 7.5`);
      else {
        values.push(Number(r));
        places = Math.max(places, decimals(r));
      }
    });
    issues.push({ line, raw, values });
  });
  const last = lines[lines.length - 1]!;
  const parts = last.text.split(',').map((f) => f.trim());
  let minimum: ScoreFile['minimum'] | null = null;
  if (parts.length !== 1) add(last.line, `the last line must be the minimum total (one number), got ${plural(parts.length, 'number')}; is the minimum missing?`);
  else if (!NUMBER.test(parts[0]!)) add(last.line, `the minimum total ${JSON.stringify(parts[0])} is not a number; write a plain decimal number like 55`);
  else minimum = { line: last.line, raw: parts[0]!, value: Number(parts[0]) };
  if (minimum) places = Math.max(places, decimals(minimum.raw));
  return problems.length === before && minimum ? { row, file, issues, minimum, places } : null;
}

/** The most common value, ties going to the one seen first. */
function consensus(values: readonly number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: number | undefined;
  for (const v of values) if (best === undefined || counts.get(v)! > counts.get(best)!) best = v;
  return best;
}

function parseDeal(file: string, text: string, options: readonly number[], problems: ImportProblem[]): number[] {
  const add = (line: number, message: string) => problems.push({ file, line, message });
  const deal: (number | undefined)[] = options.map(() => undefined);
  const placedOn: number[] = [];
  const before = problems.length;
  let lastLine = 0;
  for (const { line, text: t } of contentLines(text)) {
    lastLine = line;
    for (const token of t.split(/[\s,]+/).filter((x) => x !== '')) {
      const m = /^([A-Za-z])(\d+)$/.exec(token);
      if (!m) {
        add(line, `${JSON.stringify(token)} is not an issue letter and option number like A1`);
        continue;
      }
      const issue = m[1]!.toUpperCase().charCodeAt(0) - 65;
      const option = Number(m[2]) - 1;
      if (issue >= options.length) {
        add(line, `"${token}": there is no issue ${issueLetter(issue)} (the sheet has ${plural(options.length, 'issue')}, ${range(options.length)})`);
      } else if (option < 0 || option >= options[issue]!) {
        add(line, `"${token}": issue ${issueLetter(issue)} has options 1 to ${options[issue]}`);
      } else if (deal[issue] !== undefined) {
        add(line, `"${token}": issue ${issueLetter(issue)} is already placed (on line ${placedOn[issue]})`);
      } else {
        deal[issue] = option;
        placedOn[issue] = line;
      }
    }
  }
  if (problems.length === before) {
    const missing = options.map((_, i) => i).filter((i) => deal[i] === undefined);
    if (missing.length > 0) add(lastLine, `does not place issue${missing.length > 1 ? 's' : ''} ${missing.map(issueLetter).join(', ')} (give an option for every issue, like A1,B3,…)`);
  }
  return deal.map((d) => d ?? 0);
}

/**
 * Read a scoring-sheet game. Never throws.
 * @param folder how messages name the folder, e.g. `game1` (files are `game1/bank.txt`)
 * @param read the folder's files by name
 */
export function parseScoringSheet(folder: string, read: ReadFile): { ok: true; game: SheetGame } | { ok: false; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const named = (name: string) => (folder === '' ? name : `${folder.replace(/[\\/]+$/, '')}/${name}`);
  const readText = (name: string, line = 0, via?: string): string | null => {
    const got = read(name);
    if (typeof got === 'string') return got;
    problems.push({ file: named(name), line, message: via ? `${got.error} (${via})` : got.error });
    return null;
  };

  const configText = readText(CONFIG_FILE);
  const dealText = readText(DEAL_FILE);
  // A missing initial deal is reported with whatever else is wrong; each later stage needs the earlier ones right.
  const tolerated = problems.length;
  const failed = () => problems.length > tolerated;
  if (configText === null) return { ok: false, problems };
  const rows = parseConfig(named(CONFIG_FILE), configText, problems);
  if (failed()) return { ok: false, problems };

  const files: ScoreFile[] = [];
  for (const row of rows) {
    const name = `${row.fileId}.txt`;
    const text = readText(name, 0, `${CONFIG_FILE} line ${row.line} names it`);
    if (text === null) continue;
    const parsed = parseScoreFile(row, named(name), text, problems);
    if (parsed) files.push(parsed);
  }
  if (failed()) return { ok: false, problems };

  // Every sheet must have the same issues with the same numbers of options: the most common
  // shape is taken as right, and the files that differ are named.
  const issueCount = consensus(files.map((f) => f.issues.length))!;
  for (const f of files) {
    if (f.issues.length !== issueCount) {
      problems.push({
        file: f.file,
        line: f.minimum.line,
        message: `has ${plural(f.issues.length, 'issue')} (${range(f.issues.length)}) before the minimum, but the other parties' sheets have ${issueCount} (${range(issueCount)})`,
      });
    }
  }
  if (issueCount > MAX_ISSUES) problems.push({ file: files[0]!.file, line: files[0]!.issues[MAX_ISSUES]!.line, message: `has ${issueCount} issues; a sheet has at most ${MAX_ISSUES} (A–Z)` });
  if (failed()) return { ok: false, problems };

  const options: number[] = [];
  for (let i = 0; i < issueCount; i++) {
    const count = consensus(files.map((f) => f.issues[i]!.values.length))!;
    options.push(count);
    for (const f of files) {
      const got = f.issues[i]!.values.length;
      if (got !== count) problems.push({ file: f.file, line: f.issues[i]!.line, message: `expected ${count} numbers for issue ${issueLetter(i)}, got ${got}` });
    }
    if (count > MAX_OPTIONS) problems.push({ file: files[0]!.file, line: files[0]!.issues[i]!.line, message: `issue ${issueLetter(i)} has ${count} options; an Accord point has at most ${MAX_OPTIONS}` });
  }
  if (failed() || dealText === null) return { ok: false, problems };

  const initialDeal = parseDeal(named(DEAL_FILE), dealText, options, problems);
  if (problems.length > 0) return { ok: false, problems };

  return {
    ok: true,
    game: {
      folder,
      options,
      parties: files.map((f) => ({
        name: f.row.name,
        fileId: f.row.fileId,
        role: f.row.role,
        configLine: f.row.line,
        scores: f.issues.map((i) => i.values),
        minimum: f.minimum.value,
        lines: { issues: f.issues.map((i) => i.line), minimum: f.minimum.line },
      })),
      initialDeal,
      initialDealText: dealText.trim(),
      places: Math.min(12, Math.max(...files.map((f) => f.places))),
    },
  };
}

// ---- the mapping ---------------------------------------------------------------------------

/**
 * The reservation: `exact` rounded down to the fewest decimals (at least 4, so that margins
 * shown to two decimals are the sheet's own) that stay within a
 * quarter of `step` (the smallest utility difference between two different totals), and
 * strictly below `exact` so float rounding of a utility equal to it cannot fall short.
 */
export function reservationBelow(exact: number, step: number): number {
  if (exact <= 0) return 0;
  let places = 4;
  while (places < 12 && 10 ** -places > step / 4) places++;
  const scale = 10 ** places;
  let r = Math.floor(exact * scale) / scale;
  if (exact - r < 1e-9 * Math.max(1, exact)) r -= 1 / scale;
  return Math.max(0, Number(r.toFixed(places)));
}

function mapParty(id: string, p: SheetParty, places: number, file: string, problems: ImportProblem[]): PartyMapping | null {
  const shifts = p.scores.map((row) => Math.min(0, ...row));
  const maxima = p.scores.map((row, i) => Math.max(...row) - shifts[i]!);
  const span = maxima.reduce((a, b) => a + b, 0);
  const floor = shifts.reduce((a, b) => a + b, 0);
  const above = p.minimum - floor;
  if (above > span + 1e-9) {
    problems.push({
      file,
      line: p.lines.minimum,
      message: `the minimum ${p.minimum} is above the largest total this party can reach (${floor + span}): it would accept no deal, which a scenario cannot express`,
    });
    return null;
  }
  const exactReservation = span > 0 ? (100 * above) / span : above <= 0 ? 0 : 100;
  const step = span > 0 ? (100 * 10 ** -places) / span : 100;
  const reservation = reservationBelow(exactReservation, step);
  // A default, not part of the sheet: rounded for reading, never below the reservation.
  const opening = Math.max(reservation, Math.round(((reservation + 100) / 2) * 100) / 100);
  return { id, sheet: p, shifts, maxima, span, exactReservation, reservation, opening };
}

/** Party ids from the file ids, made valid and unique (and never the mediator's). */
function partyIds(parties: readonly SheetParty[], reserved: string): string[] {
  const used = new Set([reserved]);
  return parties.map((p, i) => {
    const base = toId(p.fileId, `party-${i + 1}`);
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base.slice(0, 44)}-${n}`;
    used.add(id);
    return id;
  });
}

/**
 * The scenario for a game that has been read. Fails only when a party's minimum cannot be
 * reached by any deal (the party would accept nothing).
 */
export function scenarioFromSheet(game: SheetGame, options: ImportOptions = {}): ImportResult {
  const problems: ImportProblem[] = [];
  const folderName = options.name ?? (game.folder.replace(/[\\/]+$/, '').split(/[\\/]/).pop() || 'sheet');
  const id = options.id ?? toId(`scoring-${folderName}`, 'scoring-game');
  if (!ID_PATTERN.test(id)) return { ok: false, problems: [{ file: game.folder, line: 0, message: `scenario id ${JSON.stringify(id)} is not a valid id (lower-case letters, digits, "-" or "_")` }] };
  const mediatorId = 'facilitator';
  const ids = partyIds(game.parties, mediatorId);
  const named = (fileId: string) => `${game.folder.replace(/[\\/]+$/, '')}/${fileId}.txt`;
  const mappings = game.parties.map((p, i) => mapParty(ids[i]!, p, game.places, named(p.fileId), problems));
  if (problems.length > 0) return { ok: false, problems };
  const parties = mappings as PartyMapping[];

  const pointIds = game.options.map((_, i) => issueLetter(i).toLowerCase());
  const optionId = (i: number, j: number) => `${pointIds[i]}${j + 1}`;
  const points = game.options.map((count, i) => ({
    id: pointIds[i]!,
    number: i + 1,
    title: `Issue ${issueLetter(i)}`,
    omittable: false,
    leadersOnly: false,
    options: Array.from({ length: count }, (_, j) => ({ id: optionId(i, j), label: `${issueLetter(i)}${j + 1}` })),
  }));

  const p1 = parties.find((p) => p.sheet.role === 'p1')!;
  const p2 = parties.find((p) => p.sheet.role === 'p2')!;
  const n = parties.length;
  const atLeast = Math.max(n - 1, 2);
  const venue = DEFAULTS.venue.id;
  const title = `Scoring game: ${folderName}`.slice(0, 120);
  const source = options.source ?? { title: `Scoring game "${folderName}" of S-Abdelnabi/LLM-Deliberation (MIT licence, © 2023 Sahar Abdelnabi)`.slice(0, 300), url: LLM_DELIBERATION_URL };

  const mediator = {
    id: mediatorId,
    name: 'Facilitator',
    leader: 'Facilitator',
    role: 'mediator' as const,
    home: venue,
    envoys: [
      { id: 'facilitator-1', name: 'First facilitator' },
      { id: 'facilitator-2', name: 'Second facilitator' },
    ],
    briefing: 'You chair the table. You have no stake in the outcome: every deal is worth the same to you.',
    weights: Object.fromEntries(pointIds.map((pt) => [pt, 100])),
    values: Object.fromEntries(points.map((pt) => [pt.id, Object.fromEntries(pt.options.map((o) => [o.id, 50]))])),
    redLines: [],
    reservation: 0,
    opening: 0,
  };

  const signatories = parties.map((m) => {
    const top = Math.max(...m.maxima);
    const weights: Record<string, number> = {};
    const values: Record<string, Record<string, number>> = {};
    m.maxima.forEach((max, i) => {
      if (max <= 0) return;
      weights[pointIds[i]!] = (100 * max) / top;
      values[pointIds[i]!] = Object.fromEntries(m.sheet.scores[i]!.map((s, j) => [optionId(i, j), (100 * (s - m.shifts[i]!)) / max]));
    });
    if (m.span <= 0) {
      // Indifferent to everything and accepting every deal: a constant utility of 0 against a reservation of 0.
      pointIds.forEach((pt, i) => {
        weights[pt] = 100;
        values[pt] = Object.fromEntries(m.sheet.scores[i]!.map((_, j) => [optionId(i, j), 0]));
      });
    }
    const role = m.sheet.role === 'player' ? 'a party whose agreement counts towards the majority' : 'a party whose agreement is required (a veto)';
    return {
      id: m.id,
      name: m.sheet.name,
      leader: m.sheet.name,
      role: 'signatory' as const,
      home: venue,
      briefing: `In the original exercise, ${m.sheet.name} is ${role}.`,
      weights,
      values,
      redLines: [],
      reservation: m.reservation,
      opening: m.opening,
      concession: DEFAULTS.concession,
      trust: DEFAULTS.trust,
      patience: DEFAULTS.patience,
    };
  });

  const dealText = Object.fromEntries(game.initialDeal.map((opt, i) => [pointIds[i]!, optionId(i, opt)]));
  const issues = plural(game.options.length, 'issue');
  const rule = `${p1.sheet.name} and ${p2.sheet.name} accept and at least ${atLeast} of the ${n} parties accept`;
  const scenario: ScenarioInput = {
    format: 1,
    id,
    title,
    version: '1.0.0',
    disclaimer:
      'An imported scoring exercise, not a model of real events. Scores, minimums, the opening deal and the ratification rule come from the original sheet; the calendar, venue and negotiating temperaments are neutral defaults of the importer.',
    summary: `A scoring-sheet negotiation game imported from "${folderName}": ${n} parties score ${issues}; a deal passes when ${rule}.`.slice(0, 1000),
    briefing: [
      `This is the scoring-sheet exercise "${folderName}". Each of the ${n} parties has a private score for every option of ${issues} (A to ${issueLetter(game.options.length - 1)}) and a private minimum total: it accepts a deal worth at least its minimum, and nothing less.`,
      '',
      `You are the Facilitator. Meet the parties, learn what they need, and table a deal that passes: ${rule}. Every issue must be settled; none can be left out.`,
      '',
      `The sheet names no issues or options, so they are called by letter and number, as in the exercise (A1, B2, ...). The talks start from the exercise's initial deal, ${game.initialDealText}.`,
    ].join('\n').slice(0, 8000),
    sources: [source],
    calendar: { start: DEFAULTS.calendarStart, deadline: DEFAULTS.calendarDeadline, softDeadlines: [] },
    venues: [{ ...DEFAULTS.venue }],
    travel: [],
    points,
    parties: [mediator, ...signatories],
    starts: [{ id: 'initial-deal', title: 'The initial deal', summary: `The exercise's opening proposal: ${game.initialDealText}.`.slice(0, 2000), text: dealText }],
    incentives: [],
    events: [],
    ratification: { signatories: parties.map((p) => p.id), vetoes: [p1.id, p2.id], atLeast },
    summit: { maxOpenPoints: DEFAULTS.maxOpenPoints },
  };
  return { ok: true, imported: { scenario, game, parties, mediatorId, source } };
}

/** Read a scoring-sheet folder and map it onto a scenario. Pure given `read`; never throws. */
export function importScoringSheet(folder: string, read: ReadFile, options: ImportOptions = {}): ImportResult {
  const parsed = parseScoringSheet(folder, read);
  return parsed.ok ? scenarioFromSheet(parsed.game, options) : parsed;
}

// ---- the sheet's own rule, for tests and tools -----------------------------------------------

/** A party's total for a deal (option index per issue), as the sheet computes it. */
export function sheetTotal(party: SheetParty, deal: readonly number[]): number {
  return deal.reduce((sum, opt, i) => sum + (party.scores[i]?.[opt] ?? 0), 0);
}

/**
 * Does the party accept the deal under the sheet's rule (total ≥ minimum)? Computed in whole
 * units of 10^−places, so decimal scores such as 0.1 + 0.2 add up as written.
 * @param places decimal places of the sheet's numbers (`SheetGame.places`)
 */
export function sheetAccepts(party: SheetParty, deal: readonly number[], places = 0): boolean {
  const unit = (x: number) => Math.round(x * 10 ** places);
  const total = deal.reduce((sum, opt, i) => sum + unit(party.scores[i]?.[opt] ?? 0), 0);
  return total >= unit(party.minimum);
}

/** Does the deal pass under the sheet's rule (p1 and p2 accept, and at least n−1 of n)? */
export function sheetPasses(game: SheetGame, deal: readonly number[]): boolean {
  const yes = game.parties.filter((p) => sheetAccepts(p, deal, game.places));
  const n = game.parties.length;
  return yes.some((p) => p.role === 'p1') && yes.some((p) => p.role === 'p2') && yes.length >= Math.max(n - 1, 2);
}
