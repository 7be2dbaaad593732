/**
 * The title screen: choose a scenario, its starting text and a difficulty; resume or delete a
 * saved game (one per scenario and start); load a scenario file (picker or drag and drop); sources and credits.
 */
import { slotName, type AppState, type SlotSummary } from '../app/controller.ts';
import type { Difficulty } from '../../engine/knowledge.ts';
import { DIFFICULTIES } from '../../engine/knowledge.ts';
import { GAME_LENGTHS, GAME_LENGTH_TEXT, type GameLength } from '../../scenario/gameLength.ts';
import { publicScenario } from '../viewModel/publicScenario.ts';
import { catalogueChoices, choiceOf, DIFFICULTY_TEXT, GENERAL_DISCLAIMER, isPlayable, type BrokenChoice, type ScenarioChoice } from '../viewModel/title.ts';
import { bannerView } from './banner.ts';
import { button, buttonWith, h, rerender, uid } from './h.ts';
import { confirmDialog, slotLines } from './savesDialogs.ts';
import { download } from '../debrief/download.ts';
import { looksLikeResult, readFiles, readWholeFile, watchFileDrops } from './fileDrop.ts';
import { MAX_SCENARIO_CHARS } from '../../scenario/problems.ts';
import { coolChecker, warmChecker } from '../app/offThread.ts';
import { MAX_RESULT_CHARS } from '../../engine/saveFile.ts';
import type { ScenarioChoiceSource } from './sources.ts';
import type { ScreenDeps, ScreenView } from './screen.ts';

/** The live-class entries on the title (present when the page can reach a class server). */
export interface TitleLive {
  run(): void;
  join(): void;
  /** Code of the class this browser is teaching, if any. */
  remembered(): string | null;
  resume(): void;
}

export function titleScreen(deps: ScreenDeps, choices: ScenarioChoiceSource, live?: TitleLive): ScreenView {
  const { controller } = deps;
  const shipped = catalogueChoices(controller.catalogue);
  let entry = shipped.find(isPlayable)?.entry ?? '';
  let start = '';
  let difficulty: Difficulty = 'standard';
  let length: GameLength = 'standard';
  let lastCustomFile: string | null = null;
  let shownProblems: AppState['fileProblems'] = null;
  let shownResultProblem: AppState['resultProblem'] = null;

  const content = h('div', { class: 'screen-content' });
  const el = h('main', { class: 'panel panel-left title-screen', attrs: { 'aria-labelledby': 'title-heading' } }, content);
  const dropHint = h('div', { class: 'drop-hint', attrs: { hidden: true, 'aria-hidden': 'true' } }, h('p', null, 'Drop a scenario file (.yaml) to load it, or students’ result files (.json) to compare them'));

  const all = (state: AppState): (ScenarioChoice | BrokenChoice)[] => {
    const custom = choices.custom();
    const list = [...shipped];
    if (state.custom && custom) list.push(choiceOf('custom', publicScenario(custom), state.custom.file));
    return list;
  };

  const load = (file: File) => {
    void readWholeFile(file, MAX_SCENARIO_CHARS, 'the file').then((read) => {
      if (!read.ok) return controller.refuseFile('scenario', read.name, read.message);
      void controller.loadScenarioFile(read.name, read.text).then((ok) => {
        if (ok) entry = 'custom';
      });
    });
  };
  // Result files dropped (one or a whole class's) open the class results; anything else is a scenario.
  const stopDrops = watchFileDrops(dropHint, (files) => {
    void readFiles(files, MAX_RESULT_CHARS).then((read) => {
      if (read.some((f) => looksLikeResult(f.text))) controller.openClassResults(read);
      else load(files[0]!);
    });
  });

  function render(state: AppState): void {
    // A file checker waits ready while the player may open a file (again after each check).
    warmChecker();
    const newProblems = state.fileProblems !== null && state.fileProblems !== shownProblems;
    shownProblems = state.fileProblems;
    const newResultProblem = state.resultProblem !== null && state.resultProblem !== shownResultProblem;
    shownResultProblem = state.resultProblem;
    const list = all(state);
    const newCustom = state.custom !== null && state.custom.file !== lastCustomFile;
    if (state.custom && state.custom.file !== lastCustomFile) {
      lastCustomFile = state.custom.file;
      entry = 'custom';
      start = '';
    }
    const chosen = list.find((c): c is ScenarioChoice => isPlayable(c) && c.entry === entry) ?? list.find(isPlayable);
    if (chosen) entry = chosen.entry;
    if (chosen && !chosen.starts.some((s) => s.id === start)) start = chosen.starts[0]?.id ?? '';

    rerender(content, [
      h('header', { class: 'title-head' },
        h('p', { class: 'kicker' }, 'A game of diplomatic negotiation'),
        h('h1', { id: 'title-heading', class: 'title', attrs: { tabindex: -1 } }, 'Accord'),
        h('p', { class: 'lede' }, 'Lead a mediation team: meet the parties, redraft the plan point by point, and table one text that every required party signs before the deadline.'),
      ),
      bannerView(state.banner, () => controller.dismissBanner()),
      state.saves.length > 0 ? savesBlock(state.saves) : null,
      form(list, chosen),
      togetherBlock(),
      live ? liveBlock(live) : null,
      loadBlock(state),
      h('footer', { class: 'title-foot' },
        h('p', { class: 'disclaimer' }, GENERAL_DISCLAIMER),
        button('Sources and credits', deps.credits, { key: 'credits', class: 'link-like' }),
        ' ',
        button('Help and keys', deps.help, { key: 'help', class: 'link-like' }),
        ' ',
        button('Settings', deps.settings, { key: 'settings', class: 'link-like', attrs: { 'aria-keyshortcuts': 'O' } }),
      ),
    ]);
    if (newProblems) content.querySelector('.file-problems')?.scrollIntoView({ block: 'nearest' });
    // A refused result file: its message, next to the file input, takes focus so it is read at once.
    if (newResultProblem) content.querySelector<HTMLElement>('.result-problem')?.focus();
    if (state.custom && newCustom) content.querySelector('.load .ok')?.scrollIntoView({ block: 'nearest' });
  }

  /** The saved games, one per scenario and start: what each is, and Resume or Delete (asked first). */
  function savesBlock(saves: SlotSummary[]): HTMLElement {
    return h('section', { class: 'continue saves', attrs: { 'aria-labelledby': 'saves-h' } },
      h('h2', { id: 'saves-h', attrs: { tabindex: -1 } }, saves.length === 1 ? 'Saved game' : `Saved games (${saves.length})`),
      h('p', { class: 'hint' }, 'One game is kept for each scenario and starting text, saved after every move and at the end of every day.'),
      h('ul', { class: 'slot-list' }, ...saves.map((s, i) => {
        const name = slotName(s);
        const next = saves[i + 1] ?? saves[i - 1];
        return h('li', { class: `slot${s.problem ? ' slot-damaged' : ''}` },
          h('div', { class: 'slot-text' }, ...slotLines(s)),
          h('div', { class: 'actions-row' },
            s.problem ? null : buttonWith(['Resume', { hidden: ` ${name}` }], () => controller.resume(s.key), { key: `resume:${s.key}`, class: i === 0 ? 'primary' : '' }),
            // One that cannot be opened here: its stored text, exactly, as a file (another version of Accord may read it).
            s.problem ? buttonWith(['Download a copy', { hidden: ` of the saved game of ${name}` }], () => {
              const copy = controller.savedCopy(s.key);
              if (copy) download(copy.name, copy.text);
            }, { key: `copy:${s.key}` }) : null,
            buttonWith(['Delete', { hidden: ` the saved game of ${name}` }], () => askToDelete(s, () => {
              const target = next ? content.querySelector<HTMLElement>(`[data-key="${CSS.escape(`resume:${next.key}`)}"], [data-key="${CSS.escape(`delete:${next.key}`)}"]`) : null;
              (target ?? content.querySelector<HTMLElement>('#saves-h') ?? content.querySelector<HTMLElement>('[data-key="start"]'))?.focus();
            }), { key: `delete:${s.key}`, class: 'quiet' }),
          ),
        );
      })),
    );
  }

  /** Delete a slot once the player confirms; `refocus` runs after, on the list as it then is. */
  function askToDelete(slot: SlotSummary, refocus: () => void): void {
    confirmDialog(`Delete this saved game?`, [
      h('p', null, h('strong', null, slotName(slot))),
      ...slotLines(slot).slice(1),
      h('p', null, 'Deleting it cannot be undone. Your other saved games stay as they are.'),
    ], [
      { label: 'Delete the saved game', class: 'danger', act: () => controller.deleteSave(slot.key), after: refocus },
      { label: 'Keep it', class: 'primary', autofocus: true },
    ]);
  }

  function form(list: (ScenarioChoice | BrokenChoice)[], chosen: ScenarioChoice | undefined): HTMLElement {
    const scenarioSet = h('fieldset', { class: 'choices' }, h('legend', null, 'Scenario'));
    const descriptions = new Map<string, string>();
    for (const c of list) {
      if (!isPlayable(c)) {
        scenarioSet.append(h('div', { class: 'choice broken' },
          h('p', { class: 'choice-title' }, `${c.entry}: cannot be played`),
          h('ul', { class: 'problems', attrs: { 'aria-label': `Problems in ${c.file}` } }, ...c.problems.map((p) => h('li', { class: 'problem' }, p))),
        ));
        continue;
      }
      const id = uid('scn');
      const descId = `${id}-desc`;
      const input = h('input', { id, key: `scenario:${c.entry}`, attrs: { type: 'radio', name: 'scenario', value: c.entry, 'aria-describedby': c.entry === chosen?.entry ? descId : null } });
      input.checked = c.entry === chosen?.entry;
      input.addEventListener('change', () => {
        entry = c.entry;
        start = '';
        render(controller.snapshot());
      });
      scenarioSet.append(h('div', { class: 'choice compact' },
        input,
        h('label', { class: 'choice-title', attrs: { for: id } }, c.title, c.file ? h('span', { class: 'tag' }, `your file: ${c.file}`) : null),
      ));
      descriptions.set(c.entry, descId);
    }
    if (chosen) {
      scenarioSet.append(h('div', { id: descriptions.get(chosen.entry) ?? '', class: 'chosen-desc' },
        chosen.summary ? h('p', null, chosen.summary) : null,
        h('p', { class: 'disclaimer' }, chosen.disclaimer),
      ));
    }

    const startSet = h('fieldset', { class: 'choices' }, h('legend', null, 'Starting text'));
    for (const s of chosen?.starts ?? []) {
      const id = uid('start');
      const input = h('input', { id, key: `start:${chosen?.entry}:${s.id}`, attrs: { type: 'radio', name: 'start', value: s.id, 'aria-describedby': s.summary ? `${id}-desc` : null } });
      input.checked = s.id === start;
      input.addEventListener('change', () => {
        start = s.id;
      });
      startSet.append(h('div', { class: 'choice' },
        input,
        h('label', { class: 'choice-title', attrs: { for: id } }, s.title, h('span', { class: 'tag' }, s.points)),
        s.summary ? h('p', { id: `${id}-desc`, class: 'choice-desc' }, s.summary) : null,
      ));
    }

    const diffSet = h('fieldset', { class: 'choices' }, h('legend', null, 'Difficulty: how much hidden information is revealed'));
    for (const d of DIFFICULTIES) {
      const id = uid('diff');
      const input = h('input', { id, key: `difficulty:${d}`, attrs: { type: 'radio', name: 'difficulty', value: d, 'aria-describedby': `${id}-desc` } });
      input.checked = d === difficulty;
      input.addEventListener('change', () => {
        difficulty = d;
      });
      diffSet.append(h('div', { class: 'choice' },
        input,
        h('label', { class: 'choice-title', attrs: { for: id } }, DIFFICULTY_TEXT[d].label),
        h('p', { id: `${id}-desc`, class: 'choice-desc' }, DIFFICULTY_TEXT[d].text),
      ));
    }

    const lengthSet = h('fieldset', { class: 'choices' }, h('legend', null, 'Game length'));
    for (const l of GAME_LENGTHS) {
      const id = uid('len');
      const input = h('input', { id, key: `length:${l}`, attrs: { type: 'radio', name: 'length', value: l, 'aria-describedby': `${id}-desc` } });
      input.checked = l === length;
      input.addEventListener('change', () => {
        length = l;
      });
      lengthSet.append(h('div', { class: 'choice' },
        input,
        h('label', { class: 'choice-title', attrs: { for: id } }, GAME_LENGTH_TEXT[l].label),
        h('p', { id: `${id}-desc`, class: 'choice-desc' }, GAME_LENGTH_TEXT[l].text),
      ));
    }

    const submit = h('button', { key: 'start', class: 'primary', attrs: { type: 'submit', disabled: !chosen } }, 'Start');
    const printables = button('Printables: teacher guide, briefing, role sheets', () => {
      if (chosen) controller.openPrintables(chosen.entry, start);
    }, { key: 'printables', class: 'quiet', attrs: { disabled: !chosen } });
    const f = h('form', { class: 'start-form', attrs: { 'aria-label': 'New game' } }, scenarioSet, startSet, diffSet, lengthSet, h('div', { class: 'actions-row sticky-actions' }, submit, printables));
    f.addEventListener('submit', (e) => {
      e.preventDefault();
      if (chosen) controller.startNew(chosen.entry, start, difficulty, length);
    });
    return f;
  }

  function togetherBlock(): HTMLElement {
    return h('section', { class: 'live-entry', attrs: { 'aria-labelledby': 'together-entry-h' } },
      h('h2', { id: 'together-entry-h' }, 'Play with others'),
      h('p', { class: 'hint' }, 'Several people on one device: each plays a seat (the mediator or a party, with its own private role sheet), machines play the rest, and a hand-over screen keeps each seat’s secrets.'),
      h('div', { class: 'actions-row' }, button('Play with others on this device', () => controller.openTogether(), { key: 'together' })),
    );
  }

  function liveBlock(l: TitleLive): HTMLElement {
    const remembered = l.remembered();
    return h('section', { class: 'live-entry', attrs: { 'aria-labelledby': 'live-entry-h' } },
      h('h2', { id: 'live-entry-h' }, 'Live class'),
      h('p', { class: 'hint' }, 'A class negotiates on its own devices: students join with a code, machines fill the empty seats, and the teacher watches every table.'),
      h('div', { class: 'actions-row' },
        button('Run a class', l.run, { key: 'run-class' }),
        button('Join a class', l.join, { key: 'join-class' }),
        remembered ? button(`Back to class ${remembered}`, l.resume, { key: 'resume-class', class: 'quiet' }) : null,
      ),
    );
  }

  function loadBlock(state: AppState): HTMLElement {
    const inputId = uid('file');
    const input = h('input', { id: inputId, key: 'file', class: 'file-input', attrs: { type: 'file', accept: '.yaml,.yml,.json,text/yaml,application/json' } });
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (file) load(file);
      input.value = '';
    });
    const resultId = `${inputId}-result`;
    const result = h('input', { id: resultId, key: 'result-file', class: 'file-input', attrs: { type: 'file', accept: '.json,application/json' } });
    result.addEventListener('change', () => {
      const file = result.files?.[0];
      result.value = '';
      if (!file) return;
      void readWholeFile(file, MAX_RESULT_CHARS, 'the file').then(async (read) => {
        if (read.ok) await controller.loadResultFile(read.name, read.text);
        else controller.refuseFile('result', read.name, read.message);
      });
    });
    const classId = `${inputId}-class`;
    const classInput = h('input', { id: classId, key: 'class-files', class: 'file-input', attrs: { type: 'file', multiple: true, accept: '.json,application/json' } });
    classInput.addEventListener('change', () => {
      const files = [...(classInput.files ?? [])];
      classInput.value = '';
      if (files.length > 0) void readFiles(files, MAX_RESULT_CHARS).then((read) => controller.openClassResults(read));
    });
    const problems = state.fileProblems;
    return h('section', { class: 'load', attrs: { 'aria-labelledby': `${inputId}-h` } },
      h('h2', { id: `${inputId}-h` }, 'Load your own scenario'),
      h('p', { class: 'hint' }, 'Choose a scenario file, or drop one anywhere on this page. See docs/scenario-format.md for how to write one.'),
      h('label', { class: 'file-label', attrs: { for: inputId } }, 'Scenario file'),
      input,
      state.custom ? h('p', { class: 'ok', attrs: { role: 'status' } }, `Loaded ${state.custom.file}: “${state.custom.title}” is now a choice above.`) : null,
      state.custom?.warnings?.length
        ? h('div', { class: 'file-warnings' },
            h('p', null, `It plays, but the checker has ${state.custom.warnings.length} warning${state.custom.warnings.length === 1 ? '' : 's'}:`),
            h('ul', { class: 'problems', attrs: { 'aria-label': 'Warnings about the file' } }, ...state.custom.warnings.map((l) => h('li', { class: 'problem' }, l))),
          )
        : null,
      problems
        ? h('div', { class: 'file-problems', attrs: { role: 'alert' } },
            h('h3', null, `${problems.file} could not be loaded`),
            h('p', null, `The checker found ${problems.lines.length} problem${problems.lines.length === 1 ? '' : 's'}:`),
            h('ul', { class: 'problems', attrs: { 'aria-label': 'Problems in the file' } }, ...problems.lines.map((l) => h('li', { class: 'problem' }, l))),
            button('Dismiss', () => controller.dismissFileProblems(), { key: 'dismiss-problems', class: 'quiet' }),
          )
        : null,
      h('h2', { class: 'load-result' }, 'Open a student’s result or a saved game'),
      h('p', { class: 'hint' }, 'A result file exported from the debrief replays here as its debrief, for a class discussion; a game downloaded during play continues where it was.'),
      h('label', { class: 'file-label', attrs: { for: resultId } }, 'Result file or saved game'),
      result,
      state.resultProblem
        ? h('div', { class: 'file-problems result-problem', key: 'result-problem', attrs: { role: 'alert', tabindex: -1 } },
            h('h3', null, `${state.resultProblem.file} could not be opened`),
            h('p', null, state.resultProblem.message),
            button('Dismiss', () => controller.dismissResultProblem(), { key: 'dismiss-result-problem', then: 'result-file', class: 'quiet' }),
          )
        : null,
      h('h2', { class: 'load-result' }, 'Open class results'),
      h('p', { class: 'hint' }, 'Choose every student’s result file at once (or drop them on this page): a class table, the spread of outcomes, the choices point by point, and any file that cannot be counted, with why.'),
      h('label', { class: 'file-label', attrs: { for: classId } }, 'Files for the class results'),
      classInput,
    );
  }

  render(controller.snapshot());
  return {
    el: h('div', { class: 'screen' }, el, dropHint),
    update: render,
    focusStart: () => content.querySelector<HTMLElement>('#title-heading')?.focus(),
    destroy: () => {
      stopDrops();
      coolChecker();
    },
  };
}
