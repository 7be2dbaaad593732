/**
 * The briefing: the situation, your role, the parties, the calendar and the rules, and the
 * class link for this exact game. Begin starts play.
 */
import type { AppState } from '../app/controller.ts';
import { gameLinkQuery, isLoopbackAddress } from '../app/urlParams.ts';
import { briefingView } from '../viewModel/briefing.ts';
import { publicScenario } from '../viewModel/publicScenario.ts';
import { DIFFICULTY_TEXT } from '../viewModel/title.ts';
import { GAME_LENGTH_TEXT } from '../../scenario/gameLength.ts';
import { button, h, region, rerender } from './h.ts';
import type { ScreenDeps, ScreenView } from './screen.ts';

/** The page address with only the given query (keeps `renderer` out: the class picks its own). */
export function linkFor(query: string): string {
  return `${window.location.origin}${window.location.pathname}${query}`;
}

export function briefingScreen(deps: ScreenDeps): ScreenView {
  const { controller } = deps;
  const content = h('div', { class: 'screen-content prose' });
  const el = h('main', { class: 'panel panel-left panel-wide briefing-screen', attrs: { 'aria-labelledby': 'briefing-heading' } }, content);
  let copied = '';

  function classLink(choice: NonNullable<AppState['choice']>): HTMLElement {
    if (choice.entry === 'custom') {
      return region(2, 'Class link', { class: 'class-link' },
        h('p', null, 'Class links open shipped scenarios only. To share this game, share the scenario file and the seed: ', h('strong', null, String(choice.seed)), '.'),
      );
    }
    const query = gameLinkQuery({ scenario: choice.entry, start: choice.start, seed: choice.seed, difficulty: choice.difficulty, length: choice.length });
    // Opened from this computer only (localhost, 127.0.0.1, a file): a link to it opens nowhere else.
    const local = isLoopbackAddress(window.location.protocol, window.location.hostname);
    const url = local ? query : linkFor(query);
    const field = h('input', { key: 'link', class: 'link-field', attrs: { type: 'text', readonly: true, value: url, 'aria-label': local ? 'Class link settings' : 'Class link' } });
    const copy = () => {
      const done = (how: string) => {
        copied = how;
        render(controller.snapshot());
      };
      field.select();
      if (navigator.clipboard?.writeText) {
        navigator.clipboard.writeText(url).then(() => done(local ? 'Settings copied.' : 'Link copied.'), () => done('Copy did not work here: the link is selected, press Ctrl+C.'));
      } else done('The link is selected: press Ctrl+C to copy it.');
    };
    if (local) {
      return region(2, 'Class link', { class: 'class-link' },
        h('p', null, `This page was opened from ${window.location.protocol === 'file:' ? 'a file' : window.location.host} on this computer only, so a link to it would not open on students’ machines. To get a link they can open:`),
        h('ul', null,
          h('li', null, 'run ', h('code', null, 'npm run class'), ' on this computer: it prints an address on the school network; or'),
          h('li', null, 'put the built game (the ', h('code', null, 'dist'), ' folder) on any static web host (see the README),'),
        ),
        h('p', null, 'then open the game from that address and choose this game again; its link appears here. Or add these settings to that address, so everyone plays the same scenario, start, seed and difficulty:'),
        h('div', { class: 'link-row' }, field, button('Copy settings', copy, { key: 'copy' })),
        h('p', { class: 'hint', attrs: { role: 'status' } }, copied),
      );
    }
    return region(2, 'Class link', { class: 'class-link' },
      h('p', null, 'Everyone who opens this link plays the same scenario, start, seed and difficulty, so results can be compared.'),
      h('div', { class: 'link-row' }, field, button('Copy link', copy, { key: 'copy' })),
      h('p', { class: 'hint', attrs: { role: 'status' } }, copied),
    );
  }

  function render(state: AppState): void {
    const choice = state.choice;
    if (!choice) return;
    const pub = publicScenario(choice.scenario);
    const b = briefingView(pub, choice.start);
    rerender(content, [
      h('p', { class: 'kicker' }, 'Briefing'),
      h('h1', { id: 'briefing-heading', class: 'title', attrs: { tabindex: -1 } }, b.title),
      h('p', { class: 'disclaimer' }, b.disclaimer),
      h('p', { class: 'meta' }, h('strong', null, b.startTitle), ` · ${DIFFICULTY_TEXT[choice.difficulty].label} difficulty · ${GAME_LENGTH_TEXT[choice.length].label.toLowerCase()} game · seed ${choice.seed}`),
      b.startSummary ? h('p', null, b.startSummary) : null,
      region(2, 'The situation', {}, ...b.paragraphs.map((p) => h('p', null, p))),
      region(2, 'Your role', {},
        h('p', null, `You lead the mediation for ${b.role.party}`, b.role.leader ? ` (${b.role.leader})` : '', '. Your envoys:'),
        h('ul', { class: 'plain' }, ...b.role.envoys.map((e) => h('li', null, h('strong', null, e.name), e.title ? `, ${e.title}` : '', ` — starts in ${e.where}`))),
      ),
      region(2, 'The parties', {},
        ...b.parties.map((p) => h('div', { class: 'party-brief' },
          h('h3', null, p.name),
          h('p', { class: 'meta' }, `${p.leader} · ${p.role} · met in ${p.where}`),
          ...p.briefing.map((x) => h('p', null, x)),
          p.statedRedLines.length > 0 ? h('p', { class: 'redline' }, h('strong', null, 'Stated red line: '), p.statedRedLines.join(' ')) : null,
        )),
      ),
      region(2, 'Calendar', {},
        h('dl', { class: 'facts' },
          h('dt', null, 'Talks open'), h('dd', null, b.calendar.start),
          h('dt', null, 'Deadline'), h('dd', null, `${b.calendar.deadline} (${b.calendar.days})`),
          ...(b.calendar.softDeadlines.length > 0 ? [h('dt', null, 'Soft deadlines'), h('dd', null, h('ul', { class: 'plain' }, ...b.calendar.softDeadlines.map((d) => h('li', null, d))))] : []),
          h('dt', null, 'Envoys'), h('dd', null, b.calendar.actionsPerDay),
        ),
      ),
      region(2, 'Rules of the deal', {},
        h('p', null, h('strong', null, 'Signing: '), b.ratificationRule),
        h('p', null, h('strong', null, 'Summit: '), b.summitRule),
      ),
      classLink(choice),
      h('div', { class: 'actions-row sticky-actions' },
        button('Back', () => controller.toTitle(), { key: 'back', class: 'quiet' }),
        button('Printables', () => controller.openPrintables(choice.entry, choice.start), { key: 'printables', class: 'quiet' }),
        button('Begin', () => controller.begin(), { key: 'begin', class: 'primary' }),
      ),
    ]);
  }

  render(controller.snapshot());
  return {
    el,
    update: render,
    focusStart: () => content.querySelector<HTMLElement>('#briefing-heading')?.focus(),
    destroy: () => undefined,
  };
}
