/**
 * The application around the engine: which screen is up, which scenario and start are chosen,
 * the running game and its autosave, and messages for the player. No DOM and no Phaser here:
 * screens subscribe to it and call its methods; it talks to the engine only through the
 * session (`send`, `view`). Data flows one way: input → command → new view → render.
 */
import type { Scenario } from '../../scenario/schema.ts';
import { formatProblem } from '../../scenario/problems.ts';
import type { Command } from '../../engine/commands.ts';
import type { Difficulty } from '../../engine/knowledge.ts';
import type { GameLength } from '../../scenario/gameLength.ts';
import type { Notice } from '../../engine/negotiationMachine.ts';
import { createGame, playerSeat, replay, type Game, type SendResult } from '../../engine/session.ts';
import { createTable, gameFor, restoreAsFarAsItGoes, type Table } from '../../engine/table.ts';
import { seatsOf, type SeatHolder } from '../../engine/seats.ts';
import type { SeatCommand } from '../../engine/commands.ts';
import { isPassAndPlay, PassAndPlay, type PassView } from './passAndPlay.ts';
import type { PlayerView } from '../../engine/view.ts';
import { buildDebrief, type Debrief } from '../../debrief/debrief.ts';
import type { ClassFile, ClassSummary } from '../../debrief/classResults.ts';
import { cleanName, resultOf, type ResultFile } from '../../debrief/resultFile.ts';
import type { CatalogueEntry } from './catalogue.ts';
import { clearSave, parseSavedGame, readSave, SAVE_KEY, writeSave, type SavedGame } from './saveSlot.ts';
import type { KeyValueStore, SaveStore, WriteReport } from './storage.ts';
import { daysPlayed, parseSave } from '../../engine/save.ts';
import { parseGameLink } from './urlParams.ts';
import { CHECK_BUDGET_MS, checkClassOffThread, checkResultOffThread, checkScenarioOffThread } from './offThread.ts';

type Authoring = typeof import('./authoring.ts');
let authoring: Authoring | null = null;
/** The loader and lint, fetched the first time a file of the player's own is opened. */
async function loadAuthoring(): Promise<Authoring> {
  return (authoring ??= await import('./authoring.ts'));
}

/** Pass-and-play adds: `together` (who plays which seat), `handover` (between people), `seat` (a party seat's own screen). */
/** `print`: a scenario's printables (teacher guide, briefing, role sheets). */
export type Screen = 'title' | 'briefing' | 'play' | 'ending' | 'debrief' | 'class' | 'live' | 'together' | 'handover' | 'seat' | 'print';

/** A game for several people on one device, as chosen on the set-up screen. */
export interface TogetherSetup {
  entry: string;
  start: string;
  difficulty: Difficulty;
  length: GameLength;
  split: boolean;
  seats: Record<string, SeatHolder>;
}

/**
 * A game played on a live-class server: commands go to it, each view (or refusal) comes back
 * from it. The controller shows it with the ordinary play screens.
 */
export interface RemoteGame {
  scenarioId: string;
  start: string;
  seed: number;
  difficulty: string;
  send(command: Command): boolean;
  subscribe(listener: (view: PlayerView, refusal: string | null) => void): () => void;
  leave(): void;
}

export interface Choice {
  /** Catalogue id, or `custom` for a file the player loaded. */
  entry: string;
  scenario: Scenario;
  start: string;
  seed: number;
  difficulty: Difficulty;
  /** Standard, or short for one lesson (scenario/gameLength.ts). */
  length: GameLength;
}

export interface Banner {
  kind: 'error' | 'info';
  title: string;
  lines: string[];
}

/** What the canvas shows during play: the map, or the table with one party. */
export type Stage = { kind: 'map' } | { kind: 'table'; party: string } | { kind: 'summit' };

export interface AppState {
  screen: Screen;
  stage: Stage;
  choice: Choice | null;
  view: PlayerView | null;
  /** A game saved in this browser that can be continued. */
  saved: { scenarioTitle: string; start: string; day: number } | null;
  banner: Banner | null;
  /** The validator's problems with the last scenario file the player loaded, one line each. */
  fileProblems: { file: string; lines: string[] } | null;
  /** Why the last result file chosen on the title could not be opened (shown next to its file input). */
  resultProblem: { file: string; message: string } | null;
  /** The scenario loaded from a file this visit, if any. */
  custom: { file: string; title: string; warnings?: string[] } | null;
  /** Reason the last command was refused, for the screen to show. */
  refusal: string | null;
  /** The debrief on screen: of the game just played, or of a result file loaded from the title. */
  debrief: { data: Debrief; scenario: Scenario; imported: boolean; file?: string } | null;
  /**
   * A problem with saving, shown on every screen until it is solved or dismissed: storage refused
   * the autosave (the last good save is kept; the game can be downloaded), or a reload resumed
   * from a save older than the game that was on screen.
   */
  saveAlert: SaveAlert | null;
  /** The class results on screen: every file the teacher opened, summarised. */
  classResults: ClassSummary | null;
  /** A pass-and-play game: whose turn, the hand-over, a party seat's own view. */
  pass: PassView | null;
  /** The printables on screen: for which scenario and start, and the screen to go back to. */
  printables: { scenario: Scenario; start: string; back: 'title' | 'briefing' } | null;
}

export interface SaveAlert {
  title: string;
  lines: string[];
  /** Offer to download the game on screen as a file (it can be opened again from the title). */
  download: boolean;
}

export interface ControllerOptions {
  catalogue: readonly CatalogueEntry[];
  /** Where the autosave is kept (storage.ts); writes report whether storage took them. */
  store: SaveStore;
  /** A fresh seed for a new game (the browser's random source; the engine never draws one itself). */
  newSeed: () => number;
  /** Per-tab storage: remembers that a game was on screen, so a reload resumes it. */
  session?: KeyValueStore;
}

const IN_PLAY_KEY = 'accord.inPlay';
/** Screens of a game in progress: a reload in the same tab resumes it. */
const IN_PLAY: ReadonlySet<Screen> = new Set(['play', 'ending', 'handover', 'seat']);
/** Per tab: how many autosaves in a row storage refused, so a reload can say what was lost. */
const UNSAVED_KEY = 'accord.unsaved';
const NAME_KEY = 'accord.playerName';

export class AppController {
  private state: AppState = { screen: 'title', stage: { kind: 'map' }, choice: null, view: null, saved: null, banner: null, fileProblems: null, resultProblem: null, custom: null, refusal: null, debrief: null, saveAlert: null, classResults: null, pass: null, printables: null };
  private game: Game | null = null;
  private together: PassAndPlay | null = null;
  private remote: { game: RemoteGame; unsubscribe: () => void; seen: number } | null = null;
  private customText: { file: string; text: string; scenario: Scenario } | null = null;
  private classFiles: ClassFile[] = [];
  private readonly listeners = new Set<(s: AppState) => void>();
  private readonly noticeListeners = new Set<(n: Notice) => void>();
  private unsubscribeNotices: (() => void) | null = null;

  /** Autosaves in a row that storage refused (0 when the last one was taken). */
  private unsaved = 0;
  /** What storage last took for the autosave (as read at start-up, then each write it took). */
  private lastGood: string | null;

  constructor(private readonly options: ControllerOptions) {
    this.lastGood = options.store.getItem(SAVE_KEY);
    options.store.onWrite((report) => this.onSaveWritten(report));
    if (options.store.kind === 'memory') {
      this.state.saveAlert = {
        title: 'This browser is not keeping saved games',
        lines: ['Storage is switched off or unavailable here, so a game lasts only while this page is open. Download a game during play to keep it.'],
        download: true,
      };
    }
    const read = readSave(options.store);
    if (read.kind === 'invalid') {
      clearSave(options.store);
      this.state.banner = { kind: 'error', title: 'The saved game could not be continued', lines: [read.message, 'It has been cleared; start a new game.'] };
    }
    this.state.saved = this.savedSummary();
  }

  /**
   * What the page opens on: a game link first; else, after a reload in the same tab, the game
   * that was on screen; else the title.
   */
  restore(search: string): void {
    if (parseGameLink(search).kind !== 'none') return this.openLink(search);
    let inPlay: string | null;
    try {
      inPlay = this.options.session?.getItem(IN_PLAY_KEY) ?? null;
    } catch {
      inPlay = null;
    }
    if (inPlay !== null && this.state.saved) this.continueSaved();
    const lost = Number(this.session(UNSAVED_KEY) ?? 0);
    if (lost > 0) {
      this.setSession(UNSAVED_KEY, null);
      const resumed = this.game ? `The game resumed from its last save, on day ${this.game.view().day + 1}` : 'The last good save is kept';
      this.update({
        saveAlert: {
          title: 'Your last actions were not saved',
          lines: [`Before this page was reloaded, storage refused ${lost === 1 ? 'the last save' : `the last ${lost} saves`}. ${resumed}.`],
          download: false,
        },
      });
    }
  }

  get catalogue(): readonly CatalogueEntry[] {
    return this.options.catalogue;
  }

  snapshot(): AppState {
    return this.state;
  }

  subscribe(listener: (s: AppState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Engine notices as they happen (for sound, animation and the live region). */
  onNotice(listener: (n: Notice) => void): () => void {
    this.noticeListeners.add(listener);
    return () => this.noticeListeners.delete(listener);
  }

  /** The running game, for the debrief's truth and exports; scenes use `snapshot().view`. */
  currentGame(): Game | null {
    return this.game;
  }

  /** Open whatever the page's link asks for: a game by its parameters, or the title. */
  openLink(search: string): void {
    const link = parseGameLink(search);
    if (link.kind === 'none') return;
    if (link.kind === 'invalid') {
      this.update({ screen: 'title', banner: { kind: 'error', title: 'This link could not be opened', lines: link.problems } });
      return;
    }
    const entry = this.options.catalogue.find((e) => e.id === link.link.scenario);
    if (!entry) {
      this.update({ banner: { kind: 'error', title: 'This link could not be opened', lines: [`scenario: there is no scenario "${link.link.scenario}"`] } });
      return;
    }
    const loaded = entry.load();
    if (!loaded.ok) {
      this.update({ banner: { kind: 'error', title: `${entry.file} could not be loaded`, lines: loaded.problems.map(formatProblem) } });
      return;
    }
    const start = link.link.start ?? loaded.scenario.starts[0]!.id;
    if (!loaded.scenario.starts.some((s) => s.id === start)) {
      this.update({
        banner: { kind: 'error', title: 'This link could not be opened', lines: [`start: "${start}" is not a start of ${entry.id} (starts: ${loaded.scenario.starts.map((s) => s.id).join(', ')})`] },
      });
      return;
    }
    this.choose(entry.id, start, link.link.difficulty ?? 'standard', link.link.seed, link.link.length ?? 'standard');
  }

  /** Choose a shipped (or the loaded custom) scenario and go to its briefing. */
  choose(entryId: string, start: string, difficulty: Difficulty, seed?: number, length: GameLength = 'standard'): void {
    const scenario = this.scenarioOf(entryId);
    if (!scenario) return;
    const startId = scenario.starts.some((s) => s.id === start) ? start : scenario.starts[0]!.id;
    this.update({
      screen: 'briefing',
      choice: { entry: entryId, scenario, start: startId, seed: seed ?? this.options.newSeed() >>> 0, difficulty, length },
      refusal: null,
    });
  }

  /**
   * Load a scenario file the player picked or dropped, checked off the main thread within
   * `budgetMs`. Invalid or over budget: its problems are shown and nothing else changes. Valid:
   * it joins the choices as the custom scenario.
   */
  async loadScenarioFile(file: string, text: string, budgetMs = CHECK_BUDGET_MS): Promise<boolean> {
    const checked = await checkScenarioOffThread(text, file, budgetMs);
    if (!checked.ok) {
      this.update({ fileProblems: { file, lines: checked.lines } });
      return false;
    }
    this.customText = { file, text, scenario: checked.scenario };
    this.update({ fileProblems: null, custom: { file, title: checked.scenario.title, warnings: checked.warnings } });
    return true;
  }

  /** A picked or dropped file refused before reading (too large, unreadable), with the reason. */
  refuseFile(kind: 'scenario' | 'result', file: string, message: string): void {
    if (kind === 'scenario') this.update({ fileProblems: { file, lines: [`${file}: ${message}`] } });
    else this.update({ banner: { kind: 'error', title: `${file} could not be opened`, lines: [message] } });
  }

  /** Start the chosen game (after the briefing). */
  begin(): void {
    const choice = this.state.choice;
    if (!choice) return;
    this.attach(createGame(choice.scenario, { start: choice.start, seed: choice.seed, difficulty: choice.difficulty, length: choice.length }));
    // During play the screens show the scenario as played (settled points fixed, the game's calendar).
    this.state = { ...this.state, choice: { ...choice, scenario: this.game!.scenario } };
    this.persist();
    this.update({ screen: 'play', stage: { kind: 'map' }, view: this.game!.view(), banner: null, refusal: null });
  }

  /**
   * The studio's "play from here", once its text is loaded as the custom scenario: the game last
   * played on an earlier version of that text (same scenario id and start) goes on from the same
   * step, its moves replayed on the edited text as far as they still apply, and the player is told
   * how far that was. Otherwise the chosen start's briefing, as for a new game.
   */
  playFromStudio(start: string): void {
    const custom = this.customText;
    if (!custom) return;
    const read = readSave(this.options.store);
    const previous = read.kind === 'ok' && read.saved.customScenario && read.saved.save.scenario.id === custom.scenario.id && read.saved.save.start === start ? read.saved.save : null;
    if (previous && previous.log.length > 0 && !isPassAndPlay(previous, custom.scenario.parties.find((p) => p.role === 'mediator')?.id ?? '')) {
      const kept = restoreAsFarAsItGoes(custom.scenario, previous);
      if (kept.ok && kept.applied > 0) {
        const game = gameFor(kept.table, playerSeat(kept.table));
        this.attach(game);
        this.state = { ...this.state, choice: { entry: 'custom', scenario: game.scenario, start, seed: previous.seed, difficulty: previous.difficulty, length: previous.length ?? 'standard' } };
        this.persist();
        const lines = kept.stopped
          ? [`${kept.applied} of the ${previous.log.length} moves played still apply to the edited text. Move ${kept.stopped.index + 1} (${kept.stopped.type}) no longer does: ${kept.stopped.reason}. The game goes on from just before it.`]
          : [`${previous.log.length === 1 ? 'The one move played still applies' : `All ${previous.log.length} moves played still apply`} to the edited text: the game goes on from where it was.`];
        const view = game.view();
        this.update({ screen: view.outcome ? 'ending' : 'play', stage: { kind: 'map' }, view, banner: { kind: 'info', title: 'Your game was kept', lines }, refusal: null });
        return;
      }
      if (kept.ok) kept.table.stop();
    }
    this.choose('custom', start, 'standard');
  }

  /** Resume the game saved in this browser. A save that no longer applies is cleared with a message. */
  continueSaved(): void {
    const read = readSave(this.options.store);
    if (read.kind !== 'ok') {
      if (read.kind === 'invalid') this.dropSave(read.message);
      return;
    }
    const { save, customScenario } = read.saved;
    let scenario: Scenario | null = null;
    let entry = save.scenario.id;
    if (customScenario) {
      // The loader comes in on demand; continue once it is here.
      if (!authoring) {
        void loadAuthoring().then(() => this.continueSaved());
        return;
      }
      const loaded = authoring.loadScenarioText(customScenario.text, customScenario.file);
      if (loaded.ok) {
        scenario = loaded.scenario;
        this.customText = { ...customScenario, scenario };
        entry = 'custom';
        this.state = { ...this.state, custom: { file: customScenario.file, title: scenario.title } };
      }
    } else {
      const loaded = this.options.catalogue.find((e) => e.id === save.scenario.id)?.load();
      if (loaded?.ok) scenario = loaded.scenario;
    }
    if (!scenario) return this.dropSave(`the saved game's scenario "${save.scenario.id}" is not available`);
    const result = replay(scenario, save);
    if (!result.ok) return this.dropSave(result.message);
    if (this.resumeTogether(result.game, save, entry)) return;
    this.attach(result.game);
    const view = result.game.view();
    this.update({
      screen: view.outcome ? 'ending' : 'play',
      choice: { entry, scenario: result.game.scenario, start: save.start, seed: save.seed, difficulty: save.difficulty, length: save.length ?? 'standard' },
      view,
      banner: null,
      refusal: null,
    });
  }

  /** A save of a game for several people resumes at the hand-over screen of whoever is to play. */
  private resumeTogether(game: Game, save: { split: boolean; seats: Record<string, unknown> }, entry: string): boolean {
    const mediator = game.scenario.parties.find((p) => p.role === 'mediator')?.id ?? '';
    if (!isPassAndPlay(save, mediator)) return false;
    this.startTogether(game.table, entry);
    return true;
  }

  /** The live-class screens (set-up, console, join, waiting room). */
  openLive(): void {
    this.detach();
    this.update({ screen: 'live', view: null, refusal: null, debrief: null, banner: null });
  }

  /** Play a seat of a live class: the server's views drive the play screens. */
  playRemote(remote: RemoteGame, view: PlayerView): void {
    this.detach();
    const scenario = this.options.catalogue.find((e) => e.id === remote.scenarioId)?.load();
    if (!scenario?.ok) {
      this.update({ screen: 'title', banner: { kind: 'error', title: 'This class cannot be played here', lines: [`The scenario "${remote.scenarioId}" is not in this version of the game.`] } });
      return;
    }
    const unsubscribe = remote.subscribe((v, refusal) => {
      const r = this.remote;
      if (!r) return;
      if (refusal) return this.update({ refusal });
      const fresh = v.journal.slice(r.seen);
      r.seen = v.journal.length;
      for (const n of fresh) for (const l of this.noticeListeners) l(n);
      this.update({ view: v, refusal: null, screen: v.outcome ? 'ending' : this.state.screen === 'ending' ? 'ending' : 'play' });
    });
    this.remote = { game: remote, unsubscribe, seen: view.journal.length };
    this.update({
      screen: view.outcome ? 'ending' : 'play',
      stage: { kind: 'map' },
      choice: { entry: remote.scenarioId, scenario: scenario.scenario, start: remote.start, seed: remote.seed, difficulty: remote.difficulty as Difficulty, length: 'standard' },
      view,
      banner: null,
      refusal: null,
    });
  }

  /** Send a player command. A refused command leaves everything as it was and says why. */
  send(command: Command): SendResult {
    if (this.remote) {
      // The server answers with the new view (or a refusal) in a moment.
      if (!this.remote.game.send(command)) {
        this.update({ refusal: 'not connected to the class: reconnecting…' });
        return { ok: false, reason: 'not connected' };
      }
      const stage: Stage = 'party' in command ? { kind: 'table', party: command.party }
        : command.type === 'envoy.travel' || command.type === 'day.end' ? { kind: 'map' } : this.state.stage;
      this.update({ stage });
      return { ok: true, notices: [] };
    }
    if (!this.game) return { ok: false, reason: 'no game is running' };
    const result = this.game.send(command);
    if (!result.ok) {
      this.update({ refusal: result.reason });
      return result;
    }
    this.persist();
    const view = this.game.view();
    // Dealing with a party brings its table up; travelling and ending the day return to the map.
    const stage: Stage = 'party' in command ? { kind: 'table', party: command.party }
      : command.type === 'envoy.offer' ? { kind: 'table', party: this.game.scenario.incentives.find((i) => i.id === command.incentive)?.to ?? '' }
      : command.type === 'envoy.travel' || command.type === 'day.end' ? { kind: 'map' }
      // The leaders sit down at their table; when they rise, the map comes back.
      : view.talks ? { kind: 'summit' }
      : command.type.startsWith('summit.') ? { kind: 'map' }
      : this.state.stage;
    if (this.together) {
      this.together.afterMove();
      this.showTurn({ stage });
      return result;
    }
    this.update({ view, refusal: null, stage, screen: view.outcome ? 'ending' : 'play' });
    return result;
  }

  // ---- pass-and-play: several people on one device -------------------------------------

  /** The set-up of a game for several people on this device. */
  openTogether(): void {
    this.detach();
    this.update({ screen: 'together', view: null, refusal: null, debrief: null, banner: null });
  }

  /** Start a pass-and-play game; returns why it cannot start, or null. */
  beginTogether(setup: TogetherSetup): string | null {
    const scenario = this.scenarioOf(setup.entry);
    if (!scenario) return 'that scenario is not available';
    const seated = seatsOf(scenario, { split: setup.split, seats: setup.seats });
    if (!seated.ok) return seated.message;
    if (!seated.seats.some((x) => x.holder === 'person')) return 'at least one seat must be played by a person';
    let table: Table;
    try {
      table = createTable(scenario, { start: setup.start, seed: this.options.newSeed() >>> 0, difficulty: setup.difficulty, length: setup.length, split: setup.split, seats: setup.seats });
    } catch (e) {
      return (e as Error).message;
    }
    this.startTogether(table, setup.entry);
    this.persist();
    return null;
  }

  /** The person on turn confirmed at the hand-over screen: their seat's screen comes up. */
  confirmSeat(): void {
    if (!this.together) return;
    this.together.confirm();
    this.showTurn();
  }

  /** A command from the party seat on turn; a refusal comes back for the seat's screen to show in place. */
  seatSend(command: SeatCommand): SendResult {
    if (!this.together) return { ok: false, reason: 'no game for several people is running' };
    const r = this.together.send(command);
    if (r.ok) {
      this.persist();
      this.showTurn();
    }
    return r;
  }

  /** The party seat on turn is done for now (hands back to the mediator, or ends its day). */
  seatDone(): SendResult {
    if (!this.together) return { ok: false, reason: 'no game for several people is running' };
    const r = this.together.done();
    if (r.ok) {
      this.persist();
      this.showTurn({ stage: { kind: 'map' } });
    }
    return r;
  }

  private startTogether(table: Table, entry: string): void {
    const together = new PassAndPlay(table);
    this.attach(gameFor(table, together.mediatorSeat()));
    this.together = together;
    this.state = { ...this.state, choice: { entry, scenario: table.scenario, start: table.start, seed: table.seed, difficulty: table.difficulty, length: table.length } };
    this.showTurn({ stage: { kind: 'map' }, banner: null, debrief: null });
  }

  /** Show whose turn it is: the hand-over screen until they confirm, then their seat's screen (the play screen for the mediator). */
  private showTurn(patch: Partial<AppState> = {}): void {
    const t = this.together!;
    const pass = t.view();
    const seat = t.mediatorSeat();
    // Switching between the mediator team's seats keeps the table (a Game's stop would stop it).
    if (this.game?.seat !== seat) this.game = gameFor(t.table, seat);
    const view = this.game.view();
    const screen: Screen = view.outcome ? 'ending' : !pass.confirmed ? 'handover' : pass.turnKind === 'party' ? 'seat' : 'play';
    this.update({ refusal: null, ...patch, screen, view, pass });
  }

  /** Show the map, or a party's table, on the canvas. */
  showStage(stage: Stage): void {
    this.update({ stage });
  }

  /** The debrief of the game on screen (after its ending, or at any time to review). */
  openDebrief(): void {
    if (!this.game) return;
    this.update({ screen: 'debrief', debrief: { data: buildDebrief(this.game), scenario: this.game.scenario, imported: false } });
  }

  /** The result file of the game on screen, for export, with whose result it is (remembered for next time). */
  resultFile(name?: string): ResultFile | null {
    if (!this.game) return null;
    if (name !== undefined) {
      try {
        this.options.store.setItem(NAME_KEY, cleanName(name));
      } catch {
        // Not remembered: the name is asked again next time.
      }
    }
    return resultOf(this.game, name);
  }

  /** The name given at the last export, to offer again. */
  playerName(): string {
    try {
      return this.options.store.getItem(NAME_KEY) ?? '';
    } catch {
      return '';
    }
  }

  /**
   * Load a result file (a student's exported game) and show its debrief. It is checked and
   * replayed off the main thread within `budgetMs`. A file that does not replay to its own
   * outcome, or for a scenario not here, gets a message and nothing else changes.
   */
  async loadResultFile(file: string, text: string, budgetMs = CHECK_BUDGET_MS): Promise<boolean> {
    if (/^\s*\{\s*"format"\s*:\s*"accord-save"/.test(text.slice(0, 200))) return this.openSaveFile(file, text);
    const checked = await checkResultOffThread(text, this.availableScenarios(), budgetMs);
    if (!checked.ok) {
      this.update({ resultProblem: { file, message: checked.message } });
      return false;
    }
    this.detach();
    this.update({ screen: 'debrief', debrief: { data: checked.debrief, scenario: checked.scenario, imported: true, file }, banner: null, resultProblem: null });
    return true;
  }

  /**
   * Continue a game from a save file (one downloaded when storage failed, or written by
   * `accord simulate --save`). It becomes the autosave. A file that does not replay gets a message.
   */
  openSaveFile(file: string, text: string): boolean {
    const fail = (message: string) => {
      this.update({ banner: { kind: 'error', title: `${file} could not be opened`, lines: [message] } });
      return false;
    };
    const parsed = parseSave(text);
    if (!parsed.ok) return fail(parsed.message);
    const save = parsed.save;
    const scenario = this.availableScenario(save.scenario.id);
    if (!scenario) return fail(`the game is on scenario "${save.scenario.id}", which is not available here (load its file first)`);
    const result = replay(scenario, save);
    if (!result.ok) return fail(result.message);
    const entry = this.customText?.scenario === scenario ? 'custom' : save.scenario.id;
    if (this.resumeTogether(result.game, save, entry)) {
      this.persist();
      return true;
    }
    this.attach(result.game);
    const view = result.game.view();
    this.state = { ...this.state, choice: { entry, scenario: result.game.scenario, start: save.start, seed: save.seed, difficulty: save.difficulty, length: save.length ?? 'standard' } };
    this.persist();
    this.update({ screen: view.outcome ? 'ending' : 'play', stage: { kind: 'map' }, view, banner: null, refusal: null, debrief: null });
    return true;
  }

  /** A scenario by id among those here: the loaded custom one, or a shipped one. Never a path. */
  private availableScenario(id: string): Scenario | null {
    return this.availableScenarios().find((s) => s.id === id) ?? null;
  }

  /** The scenarios here, the loaded custom one first. */
  private availableScenarios(): Scenario[] {
    const shipped = this.options.catalogue.flatMap((e) => {
      const loaded = e.load();
      return loaded.ok ? [loaded.scenario] : [];
    });
    return this.customText ? [this.customText.scenario, ...shipped] : shipped;
  }

  /**
   * Open a class's result files (more can be added later; a file with the same name replaces
   * the earlier one) and show the class results.
   */
  async openClassResults(files: readonly ClassFile[]): Promise<void> {
    const byName = new Map(this.classFiles.map((f) => [f.file, f]));
    for (const f of files) byName.set(f.file, f);
    const all = [...byName.values()];
    const summary = await checkClassOffThread(all, this.availableScenarios());
    if ('over' in summary) {
      this.update({ banner: { kind: 'error', title: 'The class results could not be opened', lines: [summary.over] } });
      return;
    }
    this.classFiles = all;
    this.detach();
    this.update({ screen: 'class', classResults: summary, banner: null });
  }

  /** The printables of a scenario (shipped or the loaded custom one) at a start, from the title or the briefing. */
  openPrintables(entryId: string, start: string): void {
    const scenario = this.scenarioOf(entryId);
    if (!scenario) return;
    const startId = scenario.starts.some((s) => s.id === start) ? start : scenario.starts[0]!.id;
    const back = this.state.screen === 'briefing' ? 'briefing' : 'title';
    this.update({ screen: 'print', printables: { scenario, start: startId, back }, banner: null });
  }

  /** Leave the printables for the screen they were opened from. */
  closePrintables(): void {
    const back = this.state.printables?.back ?? 'title';
    if (back === 'briefing' && this.state.choice) this.update({ screen: 'briefing', printables: null });
    else this.toTitle();
  }

  /** Back to the title; the running game stays saved for "Continue". */
  toTitle(): void {
    this.detach();
    this.classFiles = [];
    this.update({ screen: 'title', view: null, refusal: null, debrief: null, classResults: null, printables: null, saved: this.savedSummary() });
  }

  dismissResultProblem(): void {
    this.update({ resultProblem: null });
  }

  dismissBanner(): void {
    this.update({ banner: null });
  }

  /** The scenario loaded from a file (or the studio) this visit, if any. */
  customScenario(): Scenario | null {
    return this.customText?.scenario ?? null;
  }

  dismissFileProblems(): void {
    this.update({ fileProblems: null });
  }

  private scenarioOf(entryId: string): Scenario | null {
    if (entryId === 'custom') return this.customText?.scenario ?? null;
    const loaded = this.options.catalogue.find((e) => e.id === entryId)?.load();
    if (!loaded) return null;
    if (!loaded.ok) {
      this.update({ banner: { kind: 'error', title: `${entryId} could not be loaded`, lines: loaded.problems.map(formatProblem) } });
      return null;
    }
    return loaded.scenario;
  }

  private attach(game: Game): void {
    this.detach();
    this.game = game;
    this.unsubscribeNotices = game.on((n) => {
      for (const l of this.noticeListeners) l(n);
    });
  }

  private detach(): void {
    if (this.remote) {
      this.remote.unsubscribe();
      this.remote.game.leave();
      this.remote = null;
    }
    this.unsubscribeNotices?.();
    this.unsubscribeNotices = null;
    this.game?.stop();
    this.game = null;
    this.together = null;
  }

  private persist(): void {
    if (!this.game) return;
    const saved: SavedGame = { save: this.game.save() };
    if (this.state.choice?.entry === 'custom' && this.customText) saved.customScenario = { file: this.customText.file, text: this.customText.text };
    if (!writeSave(this.options.store, saved)) this.onSaveWritten({ key: SAVE_KEY, value: null, ok: false, message: 'the browser refused to store it', full: false });
  }

  /** Storage answered an autosave: a refusal is told at once; the next one taken clears it. */
  private onSaveWritten(report: WriteReport): void {
    if (report.key !== SAVE_KEY) return;
    if (report.ok) {
      this.lastGood = report.value;
      if (this.unsaved === 0) return;
      this.unsaved = 0;
      this.setSession(UNSAVED_KEY, null);
      if (this.state.saveAlert?.download) this.update({ saveAlert: null });
      return;
    }
    this.unsaved += 1;
    this.setSession(UNSAVED_KEY, String(this.unsaved));
    const kept = parseSavedGame(this.lastGood);
    this.update({
      saveAlert: {
        title: 'Your game could not be saved',
        lines: [
          `Storage refused the save: ${report.message}. The game goes on in this tab, but a reload would lose ${this.unsaved === 1 ? 'the last action' : `the last ${this.unsaved} actions`}.`,
          kept.kind === 'ok' ? `The last good save (day ${daysPlayed(kept.saved.save) + 1}) is kept.` : 'There is no earlier save.',
          'Download the game to keep it: “Open a result or saved game” on the title screen brings it back.',
        ],
        download: true,
      },
    });
  }

  /**
   * The game on screen as a save file to download (format accord-save), or null. It opens again
   * through `loadResultFile` ("Open a file" on the title screen).
   */
  gameFile(): { name: string; text: string } | null {
    if (!this.game) return null;
    const save = this.game.save();
    return { name: `accord-${save.scenario.id}-seed-${save.seed}-save.json`, text: `${JSON.stringify(save, null, 1)}\n` };
  }

  dismissSaveAlert(): void {
    this.update({ saveAlert: null });
  }

  private session(key: string): string | null {
    try {
      return this.options.session?.getItem(key) ?? null;
    } catch {
      return null;
    }
  }

  private setSession(key: string, value: string | null): void {
    try {
      if (value === null) this.options.session?.removeItem(key);
      else this.options.session?.setItem(key, value);
    } catch {
      // Per-tab storage unavailable: only the message after a reload is lost.
    }
  }

  private dropSave(message: string): void {
    clearSave(this.options.store);
    this.update({
      screen: 'title',
      saved: null,
      banner: { kind: 'error', title: 'The saved game could not be continued', lines: [message, 'It has been cleared; start a new game.'] },
    });
  }

  private savedSummary(): AppState['saved'] {
    const read = readSave(this.options.store);
    if (read.kind !== 'ok') return null;
    const { save } = read.saved;
    const title = read.saved.customScenario ? read.saved.customScenario.file : this.options.catalogue.find((e) => e.id === save.scenario.id)?.id ?? save.scenario.id;
    return { scenarioTitle: title, start: save.start, day: daysPlayed(save) + 1 };
  }

  private update(patch: Partial<AppState>): void {
    this.state = { ...this.state, ...patch, ...(this.together ? {} : { pass: null }) };
    try {
      if (IN_PLAY.has(this.state.screen)) this.options.session?.setItem(IN_PLAY_KEY, '1');
      else this.options.session?.removeItem(IN_PLAY_KEY);
    } catch {
      // Per-tab storage unavailable: a reload then shows the title, with Continue.
    }
    for (const l of this.listeners) l(this.state);
  }
}
