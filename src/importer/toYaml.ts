/**
 * Write an imported scoring-sheet game as a commented scenario file, with the yaml package's
 * Document API: the comments say where every number comes from (the sheet, or a neutral
 * default of the importer) and how the scores became values, weights and reservations. Pure.
 */
import { Document, isMap, isScalar, isSeq, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { DEFAULTS, issueLetter, type Imported, type PartyMapping } from './scoringSheet.ts';

export interface ToYamlOptions {
  /** The command that regenerates the file, shown in the header (e.g. `npx accord import … -o … --force`). */
  command?: string;
}

const WIDTH = 98;

/** Words wrapped into comment lines (each with the leading space `# ` needs). */
function wrap(text: string): string {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    if (paragraph === '') {
      out.push('');
      continue;
    }
    let line = '';
    for (const word of paragraph.split(' ')) {
      if (line !== '' && line.length + 1 + word.length > WIDTH) {
        out.push(` ${line}`);
        line = word;
      } else line = line === '' ? word : `${line} ${word}`;
    }
    out.push(` ${line}`);
  }
  return out.join('\n');
}

/** A number for a comment: as is when short, else to four decimals with an ellipsis. */
function approx(x: number): string {
  const s = String(x);
  return /\.\d{5,}/.test(s) || s.includes('e') ? `${x.toFixed(4)}…` : s;
}

const list = (xs: readonly number[]): string => xs.map((x) => String(x)).join(', ');

function pair(map: unknown, key: string): Pair<unknown, unknown> {
  if (!isMap(map)) throw new Error(`toYaml: expected a mapping holding "${key}"`);
  const found = map.items.find((p) => isScalar(p.key) && p.key.value === key);
  if (!found) throw new Error(`toYaml: no key "${key}"`);
  return found as Pair<unknown, unknown>;
}

/** Comment lines above a key (with a blank line before it when `space`). */
function above(map: unknown, key: string, text: string | null, space = false): void {
  const k = pair(map, key).key as { commentBefore?: string; spaceBefore?: boolean };
  if (text !== null) k.commentBefore = wrap(text);
  if (space) k.spaceBefore = true;
}

/** A comment at the end of a key's line (after its value, when the value fits on the line). */
function after(map: unknown, key: string, text: string): void {
  const value = pair(map, key).value as { comment?: string } | null;
  if (!value || typeof value !== 'object') return;
  // An empty list written `[]` keeps its comment on its key's line.
  if (isSeq(value) && value.items.length === 0) value.flow = true;
  value.comment = ` ${text}`;
}

function flow(node: unknown): void {
  if (isMap(node) || isSeq(node)) node.flow = true;
}

function flowItems(node: unknown): void {
  if (isSeq(node)) node.items.forEach(flow);
}

const get = (map: unknown, key: string): unknown => pair(map, key).value;

/** The scenario file's text: commented YAML starting with the schema line. */
export function toYaml(imported: Imported, options: ToYamlOptions = {}): string {
  const { scenario, game, parties, mediatorId } = imported;
  const doc = new Document(scenario);
  const root = doc.contents as YAMLMap;
  const folder = game.folder.replace(/[\\/]+$/, '');
  const n = parties.length;

  doc.commentBefore = [
    ' yaml-language-server: $schema=../scenario.schema.json',
    wrap(`Imported by \`accord import\` from the scoring-sheet game in ${folder}/ (config.txt, one score file per party, initial_deal.txt).`),
    ...(options.command ? [' Regenerate it with:', `   ${options.command}`] : []),
    '',
    wrap(
      'How the sheet becomes a scenario, exactly. In the sheet a party scores every option of every issue and accepts a deal whose total is at least its minimum. ' +
        "Here, for each party and issue, m is the party's best score on the issue; an option's value is 100 × score / m, and the issue's weight is proportional to m (the largest is 100; an issue scored 0 throughout is left out). " +
        "Accord's utility, the weighted mean of the values, is then 100 × total / (sum of the m), so the reservation 100 × minimum / (sum of the m) accepts exactly the deals the sheet accepts. " +
        'It is rounded down by less than the gap between two different totals, so that a total exactly at the minimum passes whatever the rounding of the arithmetic.' +
        (parties.some((p) => p.shifts.some((s) => s !== 0)) ? ' Issues with negative scores are first shifted up so that their lowest score is 0, and the minimum with them.' : ''),
    ),
    '',
    wrap(
      'The sheet has no clock, places or temperaments: the calendar, the venue, opening aspirations, concession, trust, patience and the summit rule are neutral defaults of the importer (marked "importer default"), not part of the original exercise.',
    ),
  ].join('\n');

  after(root, 'id', 'saved games record it; by convention the folder under scenarios/ has this name');
  above(root, 'sources', 'Where the exercise comes from.', true);
  above(root, 'calendar', `Importer default: ${DEFAULTS.days} days (day one and the deadline included) from a fictional date; the original exercise has no calendar.`, true);
  after(get(root, 'calendar'), 'softDeadlines', 'importer default: none');

  above(root, 'venues', 'Importer default: a single table where every party is met, so no travel is needed. It is no real place (latitude and longitude 0).', true);
  flowItems(get(root, 'venues'));
  after(root, 'travel', 'one venue: nothing to travel between');

  above(
    root,
    'points',
    `One point per issue of the sheet (${game.options.length}). The sheet gives issues and options no names, so they are called by letter and number as in the exercise: Issue A with options A1, A2, ... Every issue must be settled (omittable: false) and none is reserved for the leaders.`,
    true,
  );
  const points = get(root, 'points') as YAMLSeq;
  points.items.forEach((pt) => flowItems(get(pt, 'options')));

  above(
    root,
    'parties',
    `The Facilitator (the player) is added by the importer: the sheet has no mediator. Then one signatory per line of config.txt, in its order: its name is the display name, its id comes from the file id, and its leader is the party itself (the sheet names no people). No party has red lines: the sheets have none, and a party's only limit is its minimum total.`,
    true,
  );
  const partyNodes = get(root, 'parties') as YAMLSeq;
  partyNodes.items.forEach((node, index) => {
    if (index === 0) {
      describeMediator(node, mediatorId);
      return;
    }
    const m = parties[index - 1]!;
    describeParty(node, m, folder, game.places);
    (node as { spaceBefore?: boolean }).spaceBefore = true;
  });

  above(root, 'starts', `The sheet's initial_deal.txt: ${game.initialDealText}`, true);
  const starts = get(root, 'starts') as YAMLSeq;
  flow(get(starts.items[0], 'text'));

  above(root, 'incentives', 'Importer default: no incentives and no events; the original exercise has none.', true);

  const p1 = parties.find((p) => p.sheet.role === 'p1')!;
  const p2 = parties.find((p) => p.sheet.role === 'p2')!;
  const atLeast = scenario.ratification.atLeast;
  above(
    root,
    'ratification',
    `The sheet's rule: ${p1.sheet.name} (p1) and ${p2.sheet.name} (p2) must accept, and at least ${atLeast} of the ${n} parties${atLeast === n - 1 ? ' (n − 1)' : ''}. The Facilitator does not sign.`,
    true,
  );
  const ratification = get(root, 'ratification');
  flow(get(ratification, 'signatories'));
  flow(get(ratification, 'vetoes'));

  above(root, 'summit', `Importer default: the leaders meet once at most ${DEFAULTS.maxOpenPoints} points are open (the format's default). The sheet has no leaders or summit.`, true);

  return doc.toString({ lineWidth: 0 });
}

function describeMediator(node: unknown, id: string): void {
  (node as { commentBefore?: string }).commentBefore = wrap(
    `The player's side (id ${id}). The format needs the mediator to weigh at least one point; it values every option 50, so every deal is worth 50 to it and it never stands in the way (reservation 0).`,
  );
  const envoys = get(node, 'envoys') as YAMLSeq;
  flowItems(envoys);
  const last = envoys.items[envoys.items.length - 1] as { comment?: string };
  last.comment = ' importer default: two envoys, as many as the veto holders';
  flow(get(node, 'weights'));
  for (const p of (get(node, 'values') as YAMLMap).items) flow(p.value);
  after(node, 'redLines', 'none');
}

function describeParty(node: unknown, m: PartyMapping, folder: string, places: number): void {
  const s = m.sheet;
  const roleText = s.role === 'player' ? 'counts towards the majority' : 'is required (a veto)';
  const floor = m.shifts.reduce((a, b) => a + b, 0);
  const best = floor + m.span;
  (node as { commentBefore?: string }).commentBefore = wrap(
    `${s.name}: ${folder}/${s.fileId}.txt; role ${s.role} in config.txt (line ${s.configLine}): its acceptance ${roleText}. ` +
      `Minimum ${s.minimum}; best possible total ${best}${floor !== 0 ? ` (worst ${floor})` : ''}.`,
  );
  const weighted = m.maxima.map((max, i) => ({ max, i })).filter((x) => x.max > 0);
  const left = m.maxima.map((max, i) => ({ max, i })).filter((x) => x.max <= 0);
  flow(get(node, 'weights'));
  if (m.span > 0) {
    after(node, 'weights', `∝ best score per issue: ${weighted.map((x) => `${issueLetter(x.i)} ${x.max}`).join(', ')}`);
  } else {
    after(node, 'weights', 'every option of every issue scores the same for this party: a constant utility of 0');
  }
  const values = get(node, 'values') as YAMLMap;
  for (const p of values.items) {
    flow(p.value);
    const i = (String((p.key as { value: unknown }).value).charCodeAt(0) - 97) | 0;
    const shift = m.shifts[i] ?? 0;
    (p.value as { comment?: string }).comment = ` scores ${list(s.scores[i] ?? [])}${shift !== 0 ? ` (shifted by +${-shift})` : ''}`;
  }
  if (left.length > 0 && m.span > 0) {
    const ids = left.map((x) => issueLetter(x.i));
    above(node, 'values', `Issue${ids.length > 1 ? 's' : ''} ${ids.join(', ')} left out: every option scores ${left.length > 1 ? 'the same' : String(s.scores[left[0]!.i]![0])} for this party, so it is indifferent.`);
  }
  after(node, 'redLines', 'the sheet has none');
  if (m.exactReservation <= 0) {
    after(node, 'reservation', `minimum ${s.minimum} is reached by every deal: accepts every deal`);
  } else {
    const above = floor !== 0 ? `(${s.minimum} − ${floor})` : String(s.minimum);
    const unit = 10 ** -places;
    const below = Number((s.minimum - unit).toFixed(places));
    const belowValue = (100 * (below - floor)) / m.span;
    after(
      node,
      'reservation',
      `100 × ${above} / ${m.span} = ${approx(m.exactReservation)}, a hair lower so that a total of exactly ${s.minimum} passes; a total of ${below} is worth ${approx(belowValue)}`,
    );
  }
  after(node, 'opening', 'importer default: halfway between the reservation and 100 (rounded)');
  after(node, 'concession', 'importer default');
  after(node, 'trust', 'importer default');
  after(node, 'patience', 'importer default');
}
