/**
 * The live-class screens: "Run a class" (the teacher's set-up form), the teacher console
 * (every table live, and the lesson's controls), the class debrief with its exports, and the
 * student's join screen and waiting room. Built with h() (text as text nodes, never HTML):
 * display names, headlines and scenario strings show as the characters they are.
 */
import { DIFFICULTIES, type Difficulty } from '../../engine/knowledge.ts';
import { classDebriefCsv, classDebriefSummary, type ClassDebrief } from '../../server/classDebrief.ts';
import { CODE_LENGTH, MAX_HEADLINE, MAX_NAME, MAX_TABLES, SEAT_POLICIES, type ClassSetup, type ClassState, type SeatPolicy, type SeatMessage, type StudentState, type TableReport } from '../../server/protocol.ts';
import type { CatalogueEntry } from '../app/catalogue.ts';
import { download } from '../debrief/download.ts';
import { button, h, rerender, uid, type Child } from '../dom/h.ts';
import { qrSvg } from './qr.ts';
import { plain, type Term } from '../viewModel/glossary.ts';
import type { LinkStatus } from './link.ts';

export const POLICY_TEXT: Record<SeatPolicy, string> = {
  random: 'At random (tables filled evenly)',
  chosen: 'Chosen by the students',
  teacher: 'Set by the teacher',
};

const STATUS_TEXT: Record<LinkStatus, string> = {
  connecting: 'Connecting…',
  online: 'Connected',
  reconnecting: 'Connection lost: reconnecting…',
  closed: 'Disconnected',
};

function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  const id = control.id || uid('f');
  control.id = id;
  const hintId = hint ? `${id}-hint` : null;
  if (hintId) control.setAttribute('aria-describedby', hintId);
  return h('div', { class: 'field' }, h('label', { attrs: { for: id } }, label), control, hint ? h('p', { id: hintId!, class: 'hint' }, hint) : null);
}

function select(key: string, options: { value: string; label: string }[], value: string, onChange: (v: string) => void): HTMLSelectElement {
  const s = h('select', { key }, ...options.map((o) => h('option', { attrs: { value: o.value, selected: o.value === value } }, o.label)));
  s.value = value;
  s.addEventListener('change', () => onChange(s.value));
  return s;
}

// ---- the teacher's set-up form -------------------------------------------------------------

export interface SetupDeps {
  catalogue: readonly CatalogueEntry[];
  newSeed(): number;
  create(setup: ClassSetup): Promise<string | null>;
  back(): void;
}

export function setupView(deps: SetupDeps): HTMLElement {
  const playable = deps.catalogue.map((e) => ({ e, r: e.load() })).filter((x) => x.r.ok) as { e: CatalogueEntry; r: { ok: true; scenario: import('../../scenario/schema.ts').Scenario } }[];
  let scenario = playable[0]?.e.id ?? '';
  let start = '';
  let difficulty: Difficulty = 'standard';
  let policy: SeatPolicy = 'random';
  let tables = 5;
  let seed = deps.newSeed() >>> 0;
  let dayMinutes = '';
  let error: string | null = null;
  let busy = false;
  const content = h('div', { class: 'class-setup' });

  const render = () => {
    const chosen = playable.find((p) => p.e.id === scenario)?.r.scenario;
    if (chosen && !chosen.starts.some((s) => s.id === start)) start = chosen.starts[0]?.id ?? '';
    const tablesInput = h('input', { key: 'tables', attrs: { type: 'number', min: 1, max: MAX_TABLES, value: tables, inputmode: 'numeric' } });
    tablesInput.addEventListener('input', () => (tables = Number(tablesInput.value)));
    const seedInput = h('input', { key: 'seed', attrs: { type: 'number', min: 0, max: 4294967295, value: seed, inputmode: 'numeric' } });
    seedInput.addEventListener('input', () => (seed = Number(seedInput.value)));
    const dayInput = h('input', { key: 'day-minutes', attrs: { type: 'number', min: 0.25, max: 120, step: 0.25, value: dayMinutes, inputmode: 'decimal', placeholder: 'off' } });
    dayInput.addEventListener('input', () => (dayMinutes = dayInput.value));
    const policySet = h('fieldset', { class: 'choices' }, h('legend', null, 'Seats'),
      ...SEAT_POLICIES.map((p) => {
        const id = uid('policy');
        const input = h('input', { id, key: `policy:${p}`, attrs: { type: 'radio', name: 'policy', value: p } });
        input.checked = p === policy;
        input.addEventListener('change', () => (policy = p));
        return h('div', { class: 'choice compact' }, input, h('label', { class: 'choice-title', attrs: { for: id } }, POLICY_TEXT[p]));
      }));
    const form = h('form', { class: 'start-form', attrs: { 'aria-label': 'New class' } },
      field('Scenario', select('scenario', playable.map((p) => ({ value: p.e.id, label: p.r.scenario.title })), scenario, (v) => {
        scenario = v;
        start = '';
        render();
      })),
      chosen && chosen.starts.length > 1 ? field('Starting text', select('start', chosen.starts.map((s) => ({ value: s.id, label: s.title })), start, (v) => (start = v))) : null,
      field('Difficulty', select('difficulty', DIFFICULTIES.map((d) => ({ value: d, label: d })), difficulty, (v) => (difficulty = v as Difficulty)), 'How much hidden information is revealed: open, standard or hard.'),
      field('Seed', seedInput, 'Every table plays the same game from this seed.'),
      field('Number of tables', tablesInput, `1 to ${MAX_TABLES}. Empty seats are played by their machines.`),
      policySet,
      field('Length of a day, in minutes', dayInput, 'Leave empty: a day ends when every seat has ended it. You can change it during the lesson.'),
      error ? h('p', { class: 'form-error', attrs: { role: 'alert' } }, error) : null,
      h('div', { class: 'actions-row sticky-actions' },
        button('Back', deps.back, { key: 'back', class: 'quiet' }),
        h('button', { key: 'create', class: 'primary', attrs: { type: 'submit', disabled: busy } }, busy ? 'Starting…' : 'Start the class'),
      ),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (busy) return;
      const minutes = dayMinutes.trim() === '' ? null : Number(dayMinutes);
      busy = true;
      error = null;
      render();
      void deps.create({ scenario, start, seed: seed >>> 0, difficulty, tables: Math.round(tables), seatPolicy: policy, dayMinutes: minutes }).then((err) => {
        busy = false;
        error = err;
        render();
      });
    });
    rerender(content, [
      h('p', { class: 'kicker' }, 'Live class'),
      h('h1', { id: 'class-heading', class: 'title', attrs: { tabindex: -1 } }, 'Run a class'),
      h('p', { class: 'lede' }, 'Students join from their own devices with a code. Every table plays the same game; machines play the empty seats; you watch and steer every table from here.'),
      form,
    ]);
  };
  render();
  return content;
}

// ---- the teacher console -------------------------------------------------------------------

export interface ConsoleDeps {
  joinUrl(code: string): string;
  send(type: string, message: unknown): void;
  showDebrief(): void;
  leave(): void;
}

/** What the teacher has typed or picked in the console's forms (kept across live updates). */
export interface ConsoleForm {
  injectTable: string;
  injectEvent: string | null;
  headline: string;
  adjustTable: string;
  adjustParty: string | null;
  adjustChange: string;
  minutes: string | null;
}

export function newConsoleForm(): ConsoleForm {
  return { injectTable: 'all', injectEvent: null, headline: '', adjustTable: '0', adjustParty: null, adjustChange: 'patience:+10', minutes: null };
}

export interface ConsoleModel {
  state: ClassState | null;
  status: LinkStatus;
  notices: string[];
  debriefReady: boolean;
}

function tableCard(report: ClassState['tables'][number]): HTMLElement {
  const title = `Table ${report.index + 1}`;
  if ('pending' in report) {
    return h('article', { class: 'table-card', attrs: { 'aria-label': title } }, h('h3', null, title), h('p', { class: 'hint' }, 'Starting…'));
  }
  const r = report as TableReport;
  const s = r.summary;
  const outcome = s.outcome === 'deal' ? 'Deal signed' : s.outcome === 'collapse' ? 'Talks collapsed' : s.outcome === 'timeout' ? 'Deadline passed' : null;
  return h('article', { class: `table-card${s.outcome ? ` ended-${s.outcome}` : ''}`, attrs: { 'aria-label': title } },
    h('h3', null, title, outcome ? h('span', { class: 'tag' }, outcome) : null, r.status.paused ? h('span', { class: 'tag' }, 'paused') : null),
    h('p', { class: 'meta' }, `Day ${s.day + 1} · ${s.date} · ${s.daysLeft} days left · ${s.pointsInText} points in the text`,
      r.status.dayLeftMs !== null ? ` · day ends in ${Math.ceil(r.status.dayLeftMs / 1000)} s` : ''),
    h('p', { class: 'group-label' }, 'Would sign now'),
    h('ul', { class: 'plain sign-list' }, ...s.wouldSign.map((w) => h('li', { class: w.yes ? 'yes' : 'no' }, w.yes ? '✓ ' : '✗ ', w.name, h('span', { class: 'visually-hidden' }, w.yes ? ': yes' : ': no')))),
    h('p', { class: 'group-label' }, `Open points (${s.openPoints.length})`),
    s.openPoints.length > 0 ? h('ul', { class: 'plain open-points' }, ...s.openPoints.map((p) => h('li', null, p))) : h('p', { class: 'hint' }, 'None.'),
    h('p', { class: 'group-label' }, 'Seats'),
    h('ul', { class: 'plain seats' }, ...r.seats.map((seat) => h('li', null,
      h('strong', null, seat.name), ': ',
      seat.holder ?? 'machine',
      seat.holder && !seat.connected ? (seat.machine ? ' (away; its machine plays)' : ' (away)') : '',
    ))),
    h('p', { class: 'group-label' }, 'Latest'),
    h('ol', { class: 'plain latest' }, ...s.latest.slice(-4).map((n) => h('li', null, h('span', { class: 'meta' }, `${n.date} `), n.text))),
  );
}

/** The console in parts, so the live parts re-render without touching the forms. */
export interface ConsoleParts {
  head: Child[];
  /** Forms and buttons: re-rendered only when `controlsKey` changes. */
  controls: Child[];
  controlsKey: string;
  tables: Child[];
  students: Child[];
  studentsKey: string;
}

export function consoleParts(model: ConsoleModel, deps: ConsoleDeps, form: ConsoleForm): ConsoleParts | null {
  const st = model.state;
  if (!st) return null;
  const url = deps.joinUrl(st.code);
  const paused = st.paused;
  const adjustable = st.parties.filter((p) => p.role !== 'mediator');
  form.injectEvent ??= st.events[0]?.id ?? 'custom';
  form.adjustParty ??= adjustable[0]?.id ?? '';
  form.minutes ??= st.dayMinutes === null ? '' : String(st.dayMinutes);

  const tableOptions = st.tables.map((t) => ({ value: String(t.index), label: `Table ${t.index + 1}` }));
  const headlineInput = h('input', { key: 'headline', attrs: { type: 'text', maxlength: MAX_HEADLINE, placeholder: 'e.g. Ceasefire violations reported overnight' } });
  headlineInput.value = form.headline;
  headlineInput.addEventListener('input', () => (form.headline = headlineInput.value));
  const injectForm = h('form', { class: 'inline-form', attrs: { 'aria-label': 'Inject an event' } },
    field('Tables', select('inject-table', [{ value: 'all', label: 'All tables' }, ...tableOptions], form.injectTable, (v) => (form.injectTable = v))),
    field('Event', select('inject-event', [...st.events.map((e) => ({ value: e.id, label: e.headline })), { value: 'custom', label: 'A headline of your own…' }], form.injectEvent, (v) => (form.injectEvent = v))),
    field('Your headline (for “a headline of your own”)', headlineInput),
    h('button', { key: 'inject', attrs: { type: 'submit' } }, 'Inject the event'),
  );
  injectForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const table = form.injectTable === 'all' ? null : Number(form.injectTable);
    if (form.injectEvent === 'custom') {
      if (form.headline.trim() === '') return;
      deps.send('teacher.inject', { table, headline: form.headline.trim() });
      headlineInput.value = '';
      form.headline = '';
    } else deps.send('teacher.inject', { table, event: form.injectEvent });
  });

  const changeOptions = (partyId: string) => {
    const p = st.parties.find((x) => x.id === partyId);
    return [
      { value: 'patience:+10', label: 'More patience (+10)' },
      { value: 'patience:-10', label: 'Less patience (−10)' },
      ...(p?.redLines ?? []).flatMap((l) => [
        { value: `lift:${l.id}`, label: `Lift red line: ${l.reason}` },
        { value: `restore:${l.id}`, label: `Restore red line: ${l.reason}` },
      ]),
    ];
  };
  const changeHolder = h('div');
  const renderChange = () => {
    changeHolder.replaceChildren(field('Change', select('adjust-change', changeOptions(form.adjustParty ?? ''), form.adjustChange, (v) => (form.adjustChange = v))));
  };
  renderChange();
  const adjustForm = h('form', { class: 'inline-form', attrs: { 'aria-label': 'Loosen or tighten a party' } },
    field('Table', select('adjust-table', tableOptions, form.adjustTable, (v) => (form.adjustTable = v))),
    field('Party', select('adjust-party', adjustable.map((p) => ({ value: p.id, label: p.name })), form.adjustParty, (v) => {
      form.adjustParty = v;
      form.adjustChange = 'patience:+10';
      renderChange();
    })),
    changeHolder,
    h('button', { key: 'adjust', attrs: { type: 'submit' } }, 'Apply'),
  );
  adjustForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const [kind, arg] = form.adjustChange.split(':') as [string, string];
    const base = { table: Number(form.adjustTable), party: form.adjustParty };
    if (kind === 'patience') deps.send('teacher.adjust', { ...base, patience: Number(arg) });
    else deps.send('teacher.adjust', { ...base, redLine: { line: arg, lifted: kind === 'lift' } });
  });

  const dayInput = h('input', { key: 'day-length', attrs: { type: 'number', min: 0.25, max: 120, step: 0.25, inputmode: 'decimal', placeholder: 'off' } });
  dayInput.value = form.minutes;
  dayInput.addEventListener('input', () => (form.minutes = dayInput.value));
  const dayForm = h('form', { class: 'inline-form', attrs: { 'aria-label': 'Length of a day' } },
    field('Length of a day, in minutes', dayInput, 'Empty: a day ends when every seat has ended it.'),
    h('button', { key: 'set-day', attrs: { type: 'submit' } }, 'Set'),
  );
  dayForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const m = (form.minutes ?? '').trim();
    deps.send('teacher.dayLength', { minutes: m === '' ? null : Number(m) });
  });

  const students = st.students;
  const seatChoices = st.tables.flatMap((t) => ('pending' in t ? [] : (t as TableReport).seats.map((s) => ({ value: `${t.index}:${s.id}`, label: `Table ${t.index + 1}: ${s.name}` }))));

  return {
    head: [
      h('header', { class: 'console-head' },
        h('p', { class: 'kicker' }, 'Live class · teacher console'),
        h('h1', { id: 'class-heading', class: 'title', attrs: { tabindex: -1 } }, st.scenarioTitle),
        h('p', { class: 'meta' }, `${st.startTitle} · seed ${st.setup.seed} · ${st.setup.difficulty} · ${st.tables.length} table${st.tables.length === 1 ? '' : 's'} · seats ${POLICY_TEXT[st.setup.seatPolicy].toLowerCase()}`),
        h('p', { class: `link-status status-${model.status}`, attrs: { role: 'status' } }, STATUS_TEXT[model.status], st.ended ? ' · The lesson has ended.' : paused ? ' · Paused.' : ''),
      ),
      model.notices.length > 0 ? h('ul', { class: 'plain console-notices', attrs: { 'aria-label': 'Messages' } }, ...model.notices.slice(-3).map((n) => h('li', null, n))) : null,
    ],
    controlsKey: JSON.stringify([st.code, paused, st.ended, st.dayMinutes, st.tables.length, model.status === 'online']),
    controls: [
      h('section', { class: 'join-box', attrs: { 'aria-labelledby': 'join-h' } },
        h('h2', { id: 'join-h' }, 'Students join with'),
        h('div', { class: 'join-row' },
          h('div', null,
            h('p', { class: 'code', attrs: { 'aria-label': `Class code ${st.code.split('').join(' ')}` } }, st.code),
            h('p', { class: 'join-url' }, h('a', { attrs: { href: url, target: '_blank', rel: 'noopener' } }, url)),
            h('p', { class: 'hint' }, 'Open the link, or open this page’s address and type the code.'),
          ),
          qrSvg(url, `QR code for ${url}`),
        ),
      ),
      h('section', { class: 'controls', attrs: { 'aria-labelledby': 'controls-h' } },
        h('h2', { id: 'controls-h' }, 'Lesson'),
        h('div', { class: 'actions-row' },
          button(paused ? 'Resume all tables' : 'Pause all tables', () => deps.send('teacher.pause', { paused: !paused }), { key: 'pause', class: paused ? 'primary' : '', attrs: { disabled: st.ended } }),
          button('Class debrief', deps.showDebrief, { key: 'debrief' }),
          button(st.ended ? 'Lesson ended' : 'End the lesson', () => {
            if (window.confirm('End the lesson for every table? Students can no longer play.')) deps.send('teacher.end', {});
          }, { key: 'end', attrs: { disabled: st.ended } }),
          button('Leave the console', deps.leave, { key: 'leave', class: 'quiet' }),
        ),
        dayForm,
      ),
      h('section', { class: 'controls', attrs: { 'aria-labelledby': 'steer-h' } },
        h('h2', { id: 'steer-h' }, 'Steer'),
        injectForm,
        adjustForm,
      ),
    ],
    tables: [
      h('h2', { id: 'tables-h' }, 'Tables'),
      h('div', { class: 'table-grid' }, ...st.tables.map(tableCard)),
    ],
    studentsKey: JSON.stringify([students, seatChoices.length]),
    students: [
      h('h2', { id: 'students-h' }, `Students (${students.length})`),
      students.length === 0 ? h('p', { class: 'hint' }, 'Nobody has joined yet.') :
        h('table', { class: 'data' },
          h('thead', null, h('tr', null, h('th', { attrs: { scope: 'col' } }, 'Name'), h('th', { attrs: { scope: 'col' } }, 'Seat'), h('th', { attrs: { scope: 'col' } }, 'Online'))),
          h('tbody', null, ...students.map((s) => {
            const seatLabel = s.table === null ? 'none yet' : seatChoices.find((c) => c.value === `${s.table}:${s.seat}`)?.label ?? `Table ${s.table + 1}`;
            const assign = st.setup.seatPolicy === 'teacher' || s.table === null
              ? select(`assign:${s.id}`, [{ value: '', label: 'Give a seat…' }, ...seatChoices], '', (v) => {
                  if (!v) return;
                  const [t, seat] = v.split(':') as [string, string];
                  deps.send('teacher.assign', { student: s.id, table: Number(t), seat });
                })
              : null;
            if (assign) assign.setAttribute('aria-label', `Seat for ${s.name}`);
            return h('tr', null, h('td', null, s.name), h('td', null, seatLabel, assign ? ' ' : null, assign), h('td', null, s.online ? 'yes' : 'no'));
          })),
        ),
    ],
  };
}

// ---- the class debrief ---------------------------------------------------------------------

/** Column heads with a plain explanation (a tooltip from the glossary). */
const HEAD_TERMS: Record<string, Term> = { Durability: 'durability', 'Balance (typical margin)': 'balance' };
const OUTCOME: Record<string, string> = { deal: 'Deal', collapse: 'Collapse', timeout: 'Deadline passed', unfinished: 'Unfinished' };
const num = (x: number | null) => (x === null ? '–' : x.toFixed(2));

/** `again`: ask every table for its results once more (shown when some did not answer in time). */
export function debriefView(d: ClassDebrief | null, back: () => void, again: () => void): HTMLElement[] {
  if (!d) return [h('h1', { id: 'class-heading', class: 'title', attrs: { tabindex: -1 } }, 'Class debrief'), h('p', { attrs: { role: 'status' } }, 'Gathering every table’s results…'), button('Back to the console', back, { key: 'back' })];
  const stem = `class-${d.scenario.id}-${d.seed}`;
  const seats = d.tables[0]?.seats ?? [];
  const summary = [
    ...classDebriefSummary(d).map((line, i) => h('p', i === 0 ? { class: 'lede' } : null, line)),
    ...(d.best?.exact === false ? [h('p', { class: 'bounded' }, d.best.bounded)] : []),
  ];
  const heading = [h('p', { class: 'kicker' }, 'Live class'), h('h1', { id: 'class-heading', class: 'title', attrs: { tabindex: -1 } }, 'Class debrief')];
  // No table has reported: nothing to tabulate or export, only what to do.
  const askAgain = d.missing.length > 0 ? button('Ask the tables again', again, { key: 'again', class: d.tables.length === 0 ? 'primary' : '' }) : null;
  if (d.tables.length === 0) return [...heading, ...summary, h('div', { class: 'actions-row' }, askAgain, button('Back to the console', back, { key: 'back' }))];
  return [
    ...heading,
    ...summary,
    h('div', { class: 'actions-row' },
      button('Back to the console', back, { key: 'back' }),
      askAgain,
      button('Export CSV', () => download(`${stem}.csv`, classDebriefCsv(d), 'text/csv'), { key: 'csv' }),
      button('Export JSON', () => download(`${stem}.json`, JSON.stringify(d, null, 2), 'application/json'), { key: 'json' }),
    ),
    h('h2', null, 'Outcomes'),
    h('div', { class: 'table-scroll' }, h('table', { class: 'data' },
      h('thead', null, h('tr', null, ...['Table', 'Outcome', 'Day', 'Points', 'Durability', 'Balance (typical margin)'].map((c) => h('th', { attrs: { scope: 'col', title: HEAD_TERMS[c] ? plain(HEAD_TERMS[c]) : null } }, c)))),
      h('tbody', null, ...d.tables.map((t) => h('tr', null,
        h('th', { attrs: { scope: 'row' } }, `Table ${t.table + 1}`), h('td', null, OUTCOME[t.outcome] ?? t.outcome), h('td', null, t.day + 1), h('td', null, t.points), h('td', null, num(t.durability)), h('td', null, num(t.balance))))),
    )),
    h('h2', null, 'Each seat’s score'),
    h('p', { class: 'hint' }, 'A party’s score is its margin above its walk-away in the signed text (none without a deal); the mediator’s is the deal’s durability.'),
    h('div', { class: 'table-scroll' }, h('table', { class: 'data' },
      h('thead', null, h('tr', null, h('th', { attrs: { scope: 'col' } }, 'Seat'), ...d.tables.map((t) => h('th', { attrs: { scope: 'col' } }, `Table ${t.table + 1}`)))),
      h('tbody', null, ...seats.map((s, i) => h('tr', null,
        h('th', { attrs: { scope: 'row' } }, s.seatName),
        ...d.tables.map((t) => {
          const x = t.seats[i]!;
          return h('td', null, num(x.score), h('span', { class: 'meta' }, ` ${x.player ?? 'machine'}`));
        })))),
    )),
    h('h2', null, 'Options chosen on each point'),
    h('div', { class: 'table-scroll' }, h('table', { class: 'data points-matrix' },
      h('thead', null, h('tr', null, h('th', { attrs: { scope: 'col' } }, 'Point'), ...d.tables.map((t) => h('th', { attrs: { scope: 'col' } }, `Table ${t.table + 1}`)),
        h('th', { attrs: { scope: 'col' } }, 'Most durable deal'), h('th', { attrs: { scope: 'col' } }, 'Most balanced deal'))),
      h('tbody', null, ...d.points.map((p) => h('tr', null,
        h('th', { attrs: { scope: 'row' } }, p.title),
        ...p.tables.map((c) => h('td', { class: c !== null && c === p.durable ? 'match' : '' }, c ?? 'open', c !== null && c === p.durable ? h('span', { class: 'visually-hidden' }, ' (as in the most durable deal)') : null)),
        h('td', null, p.durable ?? '–'), h('td', null, p.balanced ?? '–')))),
    )),
  ];
}

// ---- students ------------------------------------------------------------------------------

export interface JoinDeps {
  code: string;
  name: string;
  error: string | null;
  busy: boolean;
  join(code: string, name: string): void;
  back(): void;
}

export function joinView(deps: JoinDeps): HTMLElement[] {
  const code = h('input', { id: 'join-code', key: 'code', class: 'code-input', attrs: { type: 'text', value: deps.code, maxlength: CODE_LENGTH, autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false', required: true } });
  const name = h('input', { id: 'join-name', key: 'name', attrs: { type: 'text', value: deps.name, maxlength: MAX_NAME, autocomplete: 'nickname', required: true } });
  const form = h('form', { class: 'start-form', attrs: { 'aria-label': 'Join a class' } },
    field('Class code', code, 'Six letters and digits, from your teacher.'),
    field('Your name', name, 'How your teacher and table will see you.'),
    deps.error ? h('p', { class: 'form-error', attrs: { role: 'alert' } }, deps.error) : null,
    h('div', { class: 'actions-row' },
      button('Back', deps.back, { key: 'back', class: 'quiet' }),
      h('button', { key: 'join', class: 'primary', attrs: { type: 'submit', disabled: deps.busy } }, deps.busy ? 'Joining…' : 'Join'),
    ),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    deps.join(code.value.trim().toUpperCase(), name.value);
  });
  return [
    h('p', { class: 'kicker' }, 'Live class'),
    h('h1', { id: 'class-heading', class: 'title', attrs: { tabindex: -1 } }, 'Join a class'),
    form,
  ];
}

export interface WaitDeps {
  you: StudentState | null;
  status: LinkStatus;
  message: string | null;
  choose(table: number, seat: string): void;
  leave(): void;
}

export function waitView(deps: WaitDeps): HTMLElement[] {
  const y = deps.you;
  const heading = h('h1', { id: 'class-heading', class: 'title', attrs: { tabindex: -1 } }, y ? y.scenarioTitle : 'Joining…');
  const body: (HTMLElement | null)[] = [];
  if (deps.message) body.push(h('p', { class: 'form-error', attrs: { role: 'alert' } }, deps.message));
  if (y) {
    body.push(h('p', null, 'You are ', h('strong', null, y.student.name), '.'));
    if (y.ended) body.push(h('p', { attrs: { role: 'status' } }, 'The lesson has ended.'));
    else if (y.assignment) body.push(h('p', { attrs: { role: 'status' } }, `Your seat: ${y.assignment.seatName} at table ${y.assignment.table + 1}. `, STATUS_TEXT[deps.status]));
    else if (y.policy === 'chosen') {
      body.push(h('h2', null, 'Choose your seat'));
      body.push(y.free.length === 0 ? h('p', null, 'Every seat is taken.') : h('ul', { class: 'plain seat-choices' }, ...y.free.map((f) => h('li', null,
        button(`Table ${f.table + 1}: ${f.name}`, () => deps.choose(f.table, f.seat), { key: `seat:${f.table}:${f.seat}` })))));
    } else body.push(h('p', { attrs: { role: 'status' } }, 'Waiting for the teacher to give you a seat.'));
  } else body.push(h('p', { attrs: { role: 'status' } }, STATUS_TEXT[deps.status]));
  body.push(h('div', { class: 'actions-row' }, button('Leave the class', deps.leave, { key: 'leave', class: 'quiet' })));
  return [h('p', { class: 'kicker' }, 'Live class'), heading, ...body.filter((x): x is HTMLElement => x !== null)];
}

export interface PartyClassDeps {
  seat: SeatMessage;
  /** Why the seat's last "end the day" was refused, or null. */
  refusal: string | null;
  leave(): void;
}

/**
 * What a live class adds around a student's party seat (the seat itself is the same component as
 * on one device, src/game/seats/partySeat.ts): the class and who the day waits for, a refusal,
 * who plays each seat at the table, and leaving the class.
 */
export function partyClassParts(deps: PartyClassDeps): { head: HTMLElement[]; foot: HTMLElement[]; waiting: string } {
  const { view, seats } = deps.seat;
  const name = (id: string) => seats.find((s) => s.id === id)?.name ?? id;
  const others = view.waitingFor.filter((s) => s !== view.seat).map(name);
  const waiting = view.ended ? `You have ended the day; waiting for ${others.join(', ') || 'the others'}.` : '';
  const line = view.outcome ? '' : waiting || (others.length > 0 ? `Still in today’s talks: ${others.join(', ')}.` : '');
  return {
    head: [
      h('p', { class: 'eyebrow' }, `Live class · ${view.scenario.title}`),
      h('p', { attrs: { role: 'status' } }, line),
      deps.refusal ? h('p', { class: 'seat-refusal', attrs: { role: 'alert' } }, `Not possible: ${deps.refusal}.`) : h('p', { attrs: { role: 'alert' } }),
    ],
    foot: [
      h('section', { class: 'seat-block class-table', attrs: { 'aria-labelledby': 'class-table-h' } },
        h('h2', { id: 'class-table-h' }, 'At this table'),
        h('ul', { class: 'plain' }, ...seats.map((s) => h('li', null, h('strong', null, s.name),
          s.id === view.seat ? ' — you' : s.machine || !s.holder ? ' — played by the machine' : ` — ${s.holder}${s.connected ? '' : ' (away)'}`)))),
      h('div', { class: 'seat-buttons' }, button('Leave the class', () => deps.leave(), { key: 'leave' })),
    ],
    waiting: waiting || 'You have ended the day.',
  };
}
