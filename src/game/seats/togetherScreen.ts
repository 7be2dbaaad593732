/**
 * "Play with others on this device": choose the scenario, start, difficulty and length, then who
 * plays each seat (a person, or the machine in a style), optionally one seat per envoy of the
 * mediation team. The choice is checked with the engine's `seatsOf` before the game starts.
 */
import type { TogetherSetup } from '../app/controller.ts';
import { DIFFICULTIES, type Difficulty } from '../../engine/knowledge.ts';
import { BOT_NAMES } from '../../engine/bots/index.ts';
import { PARTY_STYLES, STYLE_HELP } from '../../engine/partyStyles.ts';
import { seatsOf, type SeatHolder } from '../../engine/seats.ts';
import { GAME_LENGTHS, GAME_LENGTH_TEXT, type GameLength } from '../../scenario/gameLength.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { button, h, rerender, uid } from '../dom/h.ts';
import type { ScreenDeps, ScreenView } from '../dom/screen.ts';
import { DIFFICULTY_TEXT } from '../viewModel/title.ts';
import './seats.css';

function select(label: string, key: string, options: { value: string; label: string }[], value: string, onChange: (v: string) => void): HTMLElement {
  const id = uid('sel');
  const s = h('select', { id, key }, ...options.map((o) => h('option', { attrs: { value: o.value } }, o.label)));
  s.value = value;
  s.addEventListener('change', () => onChange(s.value));
  return h('div', { class: 'field' }, h('label', { attrs: { for: id } }, label), s);
}

const holderValue = (h: SeatHolder | undefined): string => (!h || h === 'person' ? 'person' : `bot:${h.bot}`);

export function togetherScreen(deps: ScreenDeps): ScreenView {
  const { controller } = deps;
  const playable = controller.catalogue.map((e) => ({ entry: e, loaded: e.load() })).filter((x) => x.loaded.ok) as { entry: (typeof controller.catalogue)[number]; loaded: { ok: true; scenario: Scenario } }[];
  let entry = playable.find((p) => p.entry.id === 'tutorial')?.entry.id ?? playable[0]?.entry.id ?? '';
  let start = '';
  let difficulty: Difficulty = 'standard';
  let length: GameLength = 'standard';
  let split = false;
  const holders = new Map<string, Record<string, SeatHolder>>();
  let problem: string | null = null;

  const content = h('div', { class: 'seat-content' });
  const el = h('main', { class: 'seat-setup', attrs: { 'aria-labelledby': 'together-heading' } }, content);

  function render(): void {
    const chosen = playable.find((p) => p.entry.id === entry);
    const scenario = chosen?.loaded.scenario;
    if (scenario && !scenario.starts.some((s) => s.id === start)) start = scenario.starts[0]!.id;
    const mine = holders.get(entry) ?? {};
    holders.set(entry, mine);
    const seated = scenario ? seatsOf(scenario, { split, seats: {} }) : null;
    const seats = seated?.ok ? seated.seats : [];
    const hasEnvoys = (scenario?.parties.find((p) => p.role === 'mediator')?.envoys.length ?? 0) > 1;
    const splitBox = h('input', { id: 'together-split', key: 'split', attrs: { type: 'checkbox' } });
    splitBox.checked = split;
    splitBox.addEventListener('change', () => {
      split = splitBox.checked;
      render();
    });
    rerender(content, [
      h('header', { class: 'seat-head' },
        h('p', { class: 'kicker' }, 'Pass and play'),
        h('h1', { id: 'together-heading', class: 'title', attrs: { tabindex: -1 } }, 'Play with others on this device'),
        h('p', { class: 'lede' }, 'Each person plays a seat: the mediator, or one of the parties with its own private role sheet. Machines play the other seats. Between turns a hand-over screen hides everything until the next person confirms who they are.'),
      ),
      h('section', { class: 'seat-block', attrs: { 'aria-labelledby': 'together-game' } },
        h('h2', { id: 'together-game' }, 'The game'),
        select('Scenario', 'together-scenario', playable.map((p) => ({ value: p.entry.id, label: p.loaded.scenario.title })), entry, (v) => {
          entry = v;
          render();
        }),
        scenario ? select('Starting text', 'together-start', scenario.starts.map((s) => ({ value: s.id, label: s.title })), start, (v) => {
          start = v;
        }) : null,
        select('Difficulty', 'together-difficulty', DIFFICULTIES.map((d) => ({ value: d, label: `${DIFFICULTY_TEXT[d].label}` })), difficulty, (v) => {
          difficulty = v as Difficulty;
        }),
        select('Game length', 'together-length', GAME_LENGTHS.map((l) => ({ value: l, label: GAME_LENGTH_TEXT[l].label })), length, (v) => {
          length = v as GameLength;
        }),
      ),
      h('section', { class: 'seat-block', attrs: { 'aria-labelledby': 'together-seats' } },
        h('h2', { id: 'together-seats' }, 'Who plays each seat'),
        hasEnvoys ? h('div', { class: 'field-inline' }, splitBox, h('label', { attrs: { for: 'together-split' } }, ' One seat per envoy of the mediation team')) : null,
        h('div', { class: 'seat-grid' }, ...seats.map((s) => select(s.name, `holder:${s.id}`,
          [{ value: 'person', label: 'A person' },
            ...(s.kind === 'party'
              ? PARTY_STYLES.map((st) => ({ value: `bot:${st}`, label: `The machine: ${st}` }))
              : BOT_NAMES.map((b) => ({ value: `bot:${b}`, label: `The machine: ${b} bot` })))],
          holderValue(mine[s.id] ?? s.holder), (v) => {
            mine[s.id] = v === 'person' ? 'person' : { bot: v.slice(4) };
          }))),
        h('p', { class: 'hint' }, `Machine styles for a party: ${PARTY_STYLES.map((st) => `${st}, ${STYLE_HELP[st]}`).join('; ')}.`),
      ),
      problem ? h('p', { class: 'form-error', attrs: { role: 'alert' } }, `Cannot start: ${problem}.`) : null,
      h('div', { class: 'seat-done' },
        button('Back to the title', () => controller.toTitle(), { key: 'together-back', class: 'quiet' }),
        button('Start the game', () => {
          const ids = new Set(seats.map((s) => s.id));
          const setup: TogetherSetup = {
            entry, start, difficulty, length, split,
            seats: Object.fromEntries(Object.entries(mine).filter(([id]) => ids.has(id))),
          };
          problem = controller.beginTogether(setup);
          if (problem) render();
        }, { key: 'together-start-game', class: 'primary' }),
      ),
    ]);
  }

  render();
  return {
    el,
    update: () => undefined,
    focusStart: () => content.querySelector<HTMLElement>('#together-heading')?.focus(),
    destroy: () => undefined,
  };
}
