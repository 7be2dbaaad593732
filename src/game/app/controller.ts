/**
 * The application around the engine: which screen is up, which scenario and start are chosen,
 * the running game and its autosave, and messages for the player. No DOM and no Phaser here:
 * screens subscribe to it and call its methods; it talks to the engine only through the
 * session (`send`, `view`). Data flows one way: input → command → new view → render.
 */
import { downloadFailure } from './downloadFailure.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { formatProblem } from '../../scenario/problems.ts';
import type { Command } from '../../engine/commands.ts';
import type { Difficulty } from '../../engine/knowledge.ts';
import type { GameLength } from '../../scenario/gameLength.ts';
import type { Notice } from '../../engine/negotiationMachine.ts';
import type { Game, SendResult } from '../../engine/session.ts';
import type { Table } from '../../engine/table.ts';
import type { SeatHolder } from '../../engine/seats.ts';
import type { SeatCommand } from '../../engine/commands.ts';
import type { PassAndPlay, PassView } from './passAndPlay.ts';
import type { PlayerView } from '../../engine/view.ts';
import type { Debrief } from '../../debrief/debrief.ts';
import type { ClassFile, ClassSummary } from '../../debrief/classResults.ts';
import type { ResultFile } from '../../debrief/resultFile.ts';
import type { CatalogueEntry } from './catalogue.ts';
import { continues, deleteSlot, isPassAndPlay, LEGACY_KEY, migrateLegacySave, parseSavedGame, parseSlotKey, peekSavedGame, readSlot, slotKey, slotKeys, slotOf, writeSlot, type SavedGame } from './saveSlot.ts';
import type { KeyValueStore, SaveStore, WriteReport } from './storage.ts';
import { daysPlayed, movesMade } from '../../engine/saveFile.ts';
import { parseGameLink } from './urlParams.ts';
import { CHECK_BUDGET_MS, checkClassOffThread, checkResultOffThread, checkScenarioOffThread } from './offThread.ts';
import { PAGE_WORK } from '../analysisWork.ts';

type Authoring = typeof import('./authoring.ts');
let authoring: Authoring | null = null;
/** The loader and lint, fetched the first time a file of the player's own is opened. */
async function loadAuthoring(): Promise<Authoring> {
  return (authoring ??= await import('./authoring.ts'));
}

type Play = typeof import('./play.ts');
let play: Play | null = null;
let playing: Promise<Play> | null = null;
let failedUrl: string | null = null;
let retries = 0;
/**
 * The engine and the play screens (play.ts), fetched when a game starts (or earlier, at low
 * priority, once the title is interactive: boot.ts). A failed download can be tried again.
 */
export function loadPlay(): Promise<Play> {
  return (playing ??= (failedUrl ? (import(/* @vite-ignore */ `${failedUrl}?retry=${++retries}`) as Promise<Play>) : import('./play.ts')).then(
    (m) => (play = m),
    (e: unknown) => {
      playing = null;
      // Chromium remembers a module that failed to download and fails again at once: a retry asks
      // for the same file under another address (the error names it; where it does not, the same import is tried).
      failedUrl = /(https?:\/\/\S+?\.js)/.exec(e instanceof Error ? e.message : '')?.[1] ?? failedUrl;
      throw e;
    },
  ));
}

/** How long a game's code may take to arrive before the page says so and offers to try again. */
export const PLAY_LOAD_LIMIT_MS = 20_000;

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
  /** The player already agreed (on the title) to replace the game saved in this choice's slot. */
  replaceAgreed?: boolean;
}

/** A game waiting for its code to download: what is starting, and why it failed (null while it is still coming). */
export interface Loading {
  what: string;
  failed: string | null;
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
  /** The games saved in this browser, one per scenario and start, the most recently saved first. */
  saves: SlotSummary[];
  /** Starting a game whose slot holds one: resume that, or replace it (the player is asked). */
  replacePrompt: ReplacePrompt | null;
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
  /** A game is waiting for the game's code (play.ts) to download, or the download failed. */
  loading: Loading | null;
}

/** One save slot as the title lists it. */
export interface SlotSummary {
  key: string;
  /** Scenario title (a loaded file's title is its text, shown as text), and the start's. */
  title: string;
  startTitle: string;
  /** A scenario loaded from a file (its text is kept in the slot). */
  custom: boolean;
  /** The day the game is on (1-based), and the moves people made so far (not counting the days they ended). */
  day: number;
  moves: number;
  length: GameLength;
  difficulty: Difficulty;
  /** When it was last saved (ISO 8601), if known (saves of earlier versions do not say). */
  savedAt: string | null;
  /** The seats people play, by name, in a game for several people on one device; null otherwise. */
  seated: string[] | null;
  /** Why it cannot be continued (damaged, edited, outdated, or no longer replays); it is kept until deleted. */
  problem: string | null;
}

export interface ReplacePrompt {
  slot: SlotSummary;
  /** What starting anew would lose, in words. */
  lose: string;
}

export interface SaveAlert {
  title: string;
  lines: string[];
  /** Offer to download the game on screen as a file (it can be opened again from the title). */
  download: boolean;
}

export interface ControllerOptions {
  catalogue: readonly CatalogueEntry[];
  /** Where the save slots are kept (storage.ts); writes report whether storage took them. */
  store: SaveStore;
  /** The time now (ms since 1970), for "last saved"; Date.now by default. */
  now?: () => number;
  /** A fresh seed for a new game (the browser's random source; the engine never draws one itself). */
  newSeed: () => number;
  /** Per-tab storage: remembers that a game was on screen, so a reload resumes it. */
  session?: KeyValueStore;
  /** The analyser's work budget for debriefs (`PAGE_WORK` when not given; see game/analysisWork.ts). */
  analysisWork?: number;
}

const IN_PLAY_KEY = 'accord.inPlay';
/** Screens of a game in progress: a reload in the same tab resumes it. */
const IN_PLAY: ReadonlySet<Screen> = new Set(['play', 'ending', 'handover', 'seat']);
/** Per tab: how many autosaves in a row storage refused, so a reload can say what was lost. */
const UNSAVED_KEY = 'accord.unsaved';
const NAME_KEY = 'accord.playerName';

export class AppController {
  private state: AppState = { screen: 'title', stage: { kind: 'map' }, choice: null, view: null, saves: [], replacePrompt: null, banner: null, fileProblems: null, resultProblem: null, custom: null, refusal: null, debrief: null, saveAlert: null, classResults: null, pass: null, printables: null, loading: null };
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
  /** The slot the game on screen saves to (null: none, e.g. a live class). */
  private slot: string | null = null;
  /** What storage last took for each slot (as read at start-up, then each write it took). */
  private readonly lastGood = new Map<string, string>();
  /** Slots found not to replay when resumed, with why (kept, and listed with the reason). */
  private readonly problems = new Map<string, string>();
  /** What to do once the player agrees to replace a slot. */
  private pendingReplace: (() => void) | null = null;
  /** What waits for the game's code (see `withPlay`), to run or try again. */
  private waiting: { what: string; go: (p: Play) => void } | null = null;

  constructor(private readonly options: ControllerOptions) {
    options.store.onWrite((report) => this.onSaveWritten(report));
    migrateLegacySave(options.store);
    for (const key of slotKeys(options.store)) {
      const raw = options.store.getItem(key);
      if (raw !== null) this.lastGood.set(key, raw);
    }
    if (options.store.kind === 'memory') {
      this.state.saveAlert = {
        title: 'This browser is not keeping saved games',
        lines: ['Storage is switched off or unavailable here, so a game lasts only while this page is open. Download a game during play to keep it.'],
        download: true,
      };
    }
    this.state.saves = this.slotSummaries();
    const damaged = this.state.saves.filter((s) => s.problem !== null);
    if (damaged.length > 0) {
      this.state.banner = {
        kind: 'error',
        title: damaged.length === 1 ? 'A saved game could not be read' : `${damaged.length} saved games could not be read`,
        lines: [...damaged.map((s) => `${slotName(s)}: ${s.problem}.`), 'Nothing has been deleted, and your other saved games are unaffected. In the list, download a copy of it or delete it when you no longer need it.'],
      };
    }
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
    if (inPlay !== null) {
      // Versions before slots marked the tab with '1': the most recently saved game.
      const key = this.state.saves.some((s) => s.key === inPlay) ? inPlay : inPlay === '1' ? this.state.saves.find((s) => !s.problem)?.key : undefined;
      if (key) return this.resume(key, () => this.tellUnsaved());
    }
    this.tellUnsaved();
  }

  /** After a reload: say how many autosaves storage refused before it (if any). */
  private tellUnsaved(): void {
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
    // The game's code comes while the briefing is read, if it has not come already (a failure shows at Begin).
    void loadPlay().catch(() => undefined);
    this.update({
      screen: 'briefing',
      choice: { entry: entryId, scenario, start: startId, seed: seed ?? this.options.newSeed() >>> 0, difficulty, length },
      refusal: null,
    });
  }

  /**
   * "Start" on the title: if the chosen scenario and start's slot holds a game, the player is
   * asked first (resume it, or replace it); else, or once agreed, its briefing.
   */
  startNew(entryId: string, start: string, difficulty: Difficulty, length: GameLength): void {
    const scenario = this.scenarioOf(entryId);
    if (!scenario) return;
    const startId = scenario.starts.some((s) => s.id === start) ? start : scenario.starts[0]!.id;
    const go = () => {
      this.choose(entryId, startId, difficulty, undefined, length);
      if (this.state.choice) this.state = { ...this.state, choice: { ...this.state.choice, replaceAgreed: true } };
    };
    if (!this.askBeforeReplacing(slotKey(scenario.id, startId, entryId === 'custom'), go)) this.choose(entryId, startId, difficulty, undefined, length);
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

  /**
   * Start the chosen game (after the briefing). If its slot holds a game, the player is asked
   * first (`replacePrompt`): resume that one, or replace it (`replace` is that agreement).
   */
  begin(replace = false): void {
    const choice = this.state.choice;
    if (!choice) return;
    const key = slotKey(choice.scenario.id, choice.start, choice.entry === 'custom');
    if (!replace && !choice.replaceAgreed && this.askBeforeReplacing(key, () => this.begin(true))) return;
    this.withPlay('the game', (p) => this.beginWith(p, choice, key));
  }

  private beginWith({ createGame }: Play, choice: Choice, key: string): void {
    this.attach(createGame(choice.scenario, { start: choice.start, seed: choice.seed, difficulty: choice.difficulty, length: choice.length }), key);
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
    if (!this.customText) return;
    this.withPlay('the game', (p) => this.playFromStudioWith(p, start));
  }

  private playFromStudioWith({ gameFor, playerSeat, restoreAsFarAsItGoes }: Play, start: string): void {
    const custom = this.customText;
    if (!custom) return;
    const key = slotKey(custom.scenario.id, start, true);
    const read = readSlot(this.options.store, key);
    const previous = read.kind === 'ok' && read.saved.customScenario ? read.saved.save : null;
    if (previous && previous.log.length > 0 && !isPassAndPlay(previous, custom.scenario.parties.find((p) => p.role === 'mediator')?.id ?? '')) {
      const kept = restoreAsFarAsItGoes(custom.scenario, previous);
      if (kept.ok && kept.applied > 0) {
        const game = gameFor(kept.table, playerSeat(kept.table));
        this.attach(game, key);
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

  /**
   * Resume the game saved in a slot. A save that cannot be read or no longer replays is kept, and
   * the player is told why, naming it.
   */
  resume(key: string, then?: () => void): void {
    const read = readSlot(this.options.store, key);
    if (read.kind !== 'ok') {
      if (read.kind === 'invalid') this.slotProblem(key, read.message);
      then?.();
      return;
    }
    this.withPlay('the saved game', (p) => {
      this.resumeWith(p, key, read.saved);
      then?.();
    });
  }

  private resumeWith(p: Play, key: string, saved: SavedGame): void {
    const { parseSave, replay } = p;
    // The title lists saves after a light check (saveFile.ts); a game is checked in full before it replays.
    const checked = parseSave(JSON.stringify(saved.save));
    if (!checked.ok) return this.slotProblem(key, checked.message);
    const save = checked.save;
    const { customScenario } = saved;
    let scenario: Scenario | null = null;
    let entry = save.scenario.id;
    if (customScenario) {
      // The loader comes in on demand; continue once it is here.
      if (!authoring) {
        void loadAuthoring().then(() => this.resumeWith(p, key, saved));
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
    if (!scenario) return this.slotProblem(key, `its scenario "${save.scenario.id}" is not in this version of the game`);
    const result = replay(scenario, save);
    if (!result.ok) return this.slotProblem(key, result.message);
    this.problems.delete(key);
    if (this.resumeTogether(result.game, save, entry, key)) return;
    this.attach(result.game, key);
    const view = result.game.view();
    this.update({
      screen: view.outcome ? 'ending' : 'play',
      choice: { entry, scenario: result.game.scenario, start: save.start, seed: save.seed, difficulty: save.difficulty, length: save.length ?? 'standard' },
      view,
      banner: null,
      refusal: null,
      replacePrompt: null,
    });
  }

  private rawSlot(key: string): string | null {
    try {
      return this.options.store.getItem(key);
    } catch {
      return null;
    }
  }

  /**
   * A slot's stored text exactly as kept, to download before deleting (a game that cannot be
   * opened here may still be read by another version of Accord); null when nothing is stored.
   */
  savedCopy(key: string): { name: string; text: string } | null {
    const text = this.rawSlot(key);
    if (text === null) return null;
    const parts = parseSlotKey(key) ?? peekSavedGame(text);
    const safe = (s: string) => s.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 60);
    return { name: parts ? `accord-saved-game-${safe(parts.scenario)}-${safe(parts.start)}.json` : 'accord-saved-game.json', text };
  }

  /** Delete a save slot (the title asks the player first). */
  deleteSave(key: string): void {
    deleteSlot(this.options.store, key);
    this.lastGood.delete(key);
    this.problems.delete(key);
    this.update({ saves: this.slotSummaries(), banner: null });
  }

  /** The player chose to replace the saved game: the start that asked goes ahead. */
  confirmReplace(): void {
    const go = this.pendingReplace;
    this.pendingReplace = null;
    this.update({ replacePrompt: null });
    go?.();
  }

  /** The player chose to resume the saved game instead of starting anew. */
  resumeInstead(): void {
    const key = this.state.replacePrompt?.slot.key;
    this.pendingReplace = null;
    this.update({ replacePrompt: null });
    if (key) this.resume(key);
  }

  /** The player kept the saved game and did not start: nothing changes. */
  cancelReplace(): void {
    this.pendingReplace = null;
    if (this.state.replacePrompt) this.update({ replacePrompt: null });
  }

  /**
   * If the slot `key` holds a game, ask before replacing it (and `proceed` once agreed): true
   * when the player is being asked, false when the slot is free.
   */
  private askBeforeReplacing(key: string, proceed: () => void): boolean {
    if (this.options.store.getItem(key) === null) return false;
    const slot = this.slotSummaries().find((s) => s.key === key);
    if (!slot) return false;
    this.pendingReplace = proceed;
    const played = slot.problem ? 'a saved game that cannot be opened' : `${movesText(slot.moves, 'no moves')} over ${slot.day === 1 ? 'the first day' : `${slot.day} days`}`;
    this.update({ replacePrompt: { slot, lose: `Replacing it deletes that game (${played}); it cannot be brought back.` } });
    return true;
  }

  /** A save of a game for several people resumes at the hand-over screen of whoever is to play. */
  private resumeTogether(game: Game, save: { split: boolean; seats: Record<string, unknown> }, entry: string, slot: string): boolean {
    const mediator = game.scenario.parties.find((p) => p.role === 'mediator')?.id ?? '';
    if (!isPassAndPlay(save, mediator)) return false;
    this.startTogether(game.table, entry, slot);
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

  /**
   * Start a pass-and-play game; returns why it cannot start, or null. If its slot holds a game,
   * the player is asked first (as for `begin`), and null is returned.
   */
  beginTogether(setup: TogetherSetup, replace = false): string | null {
    // The set-up screen loads the game's code before it shows (dom/app.ts).
    if (!play) return "the game's code has not finished downloading; try again in a moment";
    const { createTable, seatsOf } = play;
    const scenario = this.scenarioOf(setup.entry);
    if (!scenario) return 'that scenario is not available';
    const seated = seatsOf(scenario, { split: setup.split, seats: setup.seats });
    if (!seated.ok) return seated.message;
    if (!seated.seats.some((x) => x.holder === 'person')) return 'at least one seat must be played by a person';
    const key = slotKey(scenario.id, setup.start, setup.entry === 'custom');
    if (!replace && this.askBeforeReplacing(key, () => void this.beginTogether(setup, true))) return null;
    let table: Table;
    try {
      table = createTable(scenario, { start: setup.start, seed: this.options.newSeed() >>> 0, difficulty: setup.difficulty, length: setup.length, split: setup.split, seats: setup.seats });
    } catch (e) {
      return (e as Error).message;
    }
    this.startTogether(table, setup.entry, key);
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

  private startTogether(table: Table, entry: string, slot: string): void {
    const { gameFor, PassAndPlay } = this.engine();
    const together = new PassAndPlay(table);
    this.attach(gameFor(table, together.mediatorSeat()), slot);
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
    if (this.game?.seat !== seat) this.game = this.engine().gameFor(t.table, seat);
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
    this.update({ screen: 'debrief', debrief: { data: this.engine().buildDebrief(this.game, this.options.analysisWork ?? PAGE_WORK), scenario: this.game.scenario, imported: false } });
  }

  /** The result file of the game on screen, for export, with whose result it is (remembered for next time). */
  resultFile(name?: string): ResultFile | null {
    if (!this.game) return null;
    if (name !== undefined) {
      try {
        this.options.store.setItem(NAME_KEY, this.engine().cleanName(name));
      } catch {
        // Not remembered: the name is asked again next time.
      }
    }
    return this.engine().resultOf(this.game, name);
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
  openSaveFile(file: string, text: string, replace = false): boolean {
    if (!play) {
      this.withPlay('the saved game', () => void this.openSaveFile(file, text, replace));
      return true;
    }
    const { parseSave, replay } = play;
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
    // It goes into its slot: a different game there is replaced only if the player agrees.
    const key = slotKey(save.scenario.id, save.start, entry === 'custom');
    const there = readSlot(this.options.store, key);
    if (!replace && !(there.kind === 'ok' && continues(there.saved.save, save)) && this.askBeforeReplacing(key, () => void this.openSaveFile(file, text, true))) {
      result.game.stop();
      return true;
    }
    if (this.resumeTogether(result.game, save, entry, key)) {
      this.persist();
      return true;
    }
    this.attach(result.game, key);
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

  /** Back to the title; the running game stays saved in its slot, listed there. */
  toTitle(): void {
    this.detach();
    this.classFiles = [];
    this.update({ screen: 'title', view: null, refusal: null, debrief: null, classResults: null, printables: null, saves: this.slotSummaries() });
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

  /**
   * Run `go` with the game's code (play.ts). Already here: at once. Otherwise the page says what
   * is loading (`loading`), and says why if the download fails or takes longer than
   * PLAY_LOAD_LIMIT_MS, offering to try again (`retryLoading`) or to stay (`cancelLoading`).
   */
  private withPlay(what: string, go: (p: Play) => void): void {
    if (play) return go(play);
    const waiting = { what, go };
    this.waiting = waiting;
    this.update({ loading: { what, failed: null } });
    const fail = (why: string) => {
      if (this.waiting === waiting && !this.state.loading?.failed) this.update({ loading: { what, failed: why } });
    };
    const timer = setTimeout(() => fail('the download is taking too long'), PLAY_LOAD_LIMIT_MS);
    loadPlay().then(
      (p) => {
        clearTimeout(timer);
        if (this.waiting !== waiting) return;
        this.waiting = null;
        this.update({ loading: null });
        go(p);
      },
      (e: unknown) => {
        clearTimeout(timer);
        fail(downloadFailure(e));
      },
    );
  }

  /** Try again to download the game's code for what was starting. */
  retryLoading(): void {
    const waiting = this.waiting;
    if (waiting) this.withPlay(waiting.what, waiting.go);
  }

  /** Give up waiting for the game's code: the screen stays as it was. */
  cancelLoading(): void {
    this.waiting = null;
    if (this.state.loading) this.update({ loading: null });
  }

  /** The game's code, for what only runs once a game is on (so it is here). */
  private engine(): Play {
    if (!play) throw new Error("the game's code is not loaded");
    return play;
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

  /** Show `game`, saving to `slot` (null: not saved here). */
  private attach(game: Game, slot: string | null): void {
    this.detach();
    this.game = game;
    this.slot = slot;
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
    this.slot = null;
  }

  private persist(): void {
    if (!this.game || !this.slot) return;
    const save = this.game.save();
    const scenario = this.game.scenario;
    const seated = this.together ? this.together.view().seats.filter((s) => s.holder === 'a person').map((s) => s.name) : undefined;
    const saved: SavedGame = {
      save,
      meta: {
        title: scenario.title,
        startTitle: scenario.starts.find((s) => s.id === save.start)?.title ?? save.start,
        savedAt: new Date((this.options.now ?? Date.now)()).toISOString(),
        ...(seated ? { seated } : {}),
      },
    };
    if (this.state.choice?.entry === 'custom' && this.customText) saved.customScenario = { file: this.customText.file, text: this.customText.text };
    if (!writeSlot(this.options.store, this.slot, saved)) this.onSaveWritten({ key: this.slot, value: null, ok: false, message: 'the browser refused to store it', full: false });
  }

  /** Storage answered an autosave: a refusal is told at once; the next one taken clears it. */
  private onSaveWritten(report: WriteReport): void {
    if (report.ok && report.value === null) this.lastGood.delete(report.key);
    if (report.key !== this.slot) return;
    if (report.ok) {
      if (report.value !== null) this.lastGood.set(report.key, report.value);
      if (this.unsaved === 0) return;
      this.unsaved = 0;
      this.setSession(UNSAVED_KEY, null);
      if (this.state.saveAlert?.download) this.update({ saveAlert: null });
      return;
    }
    this.unsaved += 1;
    this.setSession(UNSAVED_KEY, String(this.unsaved));
    const kept = parseSavedGame(this.lastGood.get(report.key) ?? null);
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

  /** A slot that cannot be continued: kept, listed with why, and the player told, naming it. */
  private slotProblem(key: string, message: string): void {
    this.problems.set(key, message);
    const saves = this.slotSummaries();
    const slot = saves.find((s) => s.key === key);
    this.update({
      screen: 'title',
      saves,
      banner: {
        kind: 'error',
        title: 'The saved game could not be continued',
        lines: [`${slot ? slotName(slot) : 'The saved game'}: ${message}.`, 'It is kept (nothing has been deleted), and your other saved games are unaffected. In the list, download a copy of it or delete it when you no longer need it.'],
      },
    });
  }

  /** Every save slot, summarised for the title; the most recently saved first, damaged ones last. */
  private slotSummaries(): SlotSummary[] {
    const out: SlotSummary[] = [];
    for (const key of slotKeys(this.options.store)) {
      const read = readSlot(this.options.store, key);
      if (read.kind === 'none') continue;
      // The old autosave, once moved into its slot, is removed when storage has taken the move.
      if (key === LEGACY_KEY && read.kind === 'ok' && this.movedToSlot(read.saved)) continue;
      out.push(read.kind === 'ok' ? this.summaryOf(key, read.saved) : this.damagedSummary(key, read.message));
    }
    const rank = (s: SlotSummary) => (s.problem ? 1 : 0);
    return out.sort((a, b) => rank(a) - rank(b) || (b.savedAt ?? '').localeCompare(a.savedAt ?? '') || a.key.localeCompare(b.key));
  }

  private movedToSlot(saved: SavedGame): boolean {
    const there = readSlot(this.options.store, slotOf(saved));
    return there.kind === 'ok' && JSON.stringify(there.saved.save) === JSON.stringify(saved.save);
  }

  private summaryOf(key: string, saved: SavedGame): SlotSummary {
    const { save, meta } = saved;
    // Saves of earlier versions carry no titles: a shipped scenario's come from the catalogue.
    const shipped = saved.customScenario ? null : this.options.catalogue.find((e) => e.id === save.scenario.id)?.load();
    const scenario = shipped?.ok ? shipped.scenario : null;
    const title = meta?.title ?? scenario?.title ?? saved.customScenario?.file ?? save.scenario.id;
    const startTitle = meta?.startTitle ?? scenario?.starts.find((s) => s.id === save.start)?.title ?? save.start;
    const mediator = scenario?.parties.find((p) => p.role === 'mediator')?.id ?? '';
    const together = isPassAndPlay(save, mediator);
    const seated = together ? meta?.seated ?? Object.entries(save.seats).filter(([, h]) => h === 'person').map(([id]) => scenario?.parties.find((p) => p.id === id)?.name ?? id) : null;
    return {
      key, title, startTitle, custom: saved.customScenario !== undefined,
      day: daysPlayed(save) + 1, moves: movesMade(save, scenario ? mediator : null), length: save.length ?? 'standard', difficulty: save.difficulty,
      savedAt: meta?.savedAt ?? null, seated, problem: this.problems.get(key) ?? null,
    };
  }

  private damagedSummary(key: string, message: string): SlotSummary {
    // The old autosave's key names no game: its content may still say which one it was.
    const parts = parseSlotKey(key) ?? (() => {
      const peeked = peekSavedGame(this.rawSlot(key));
      return peeked ? { custom: false, ...peeked } : null;
    })();
    const entry = parts && !parts.custom ? this.options.catalogue.find((e) => e.id === parts.scenario)?.load() : undefined;
    const scenario = entry?.ok ? entry.scenario : null;
    return {
      key,
      title: scenario?.title ?? (parts ? parts.scenario : 'A saved game that cannot be read'),
      startTitle: scenario?.starts.find((s) => s.id === parts?.start)?.title ?? parts?.start ?? '',
      custom: parts?.custom ?? false,
      day: 1, moves: 0, length: 'standard', difficulty: 'standard', savedAt: null, seated: null,
      problem: message,
    };
  }

  private update(patch: Partial<AppState>): void {
    // Leaving the screen a game was started from gives up waiting for the game's code.
    if (this.waiting && patch.screen !== undefined && patch.screen !== this.state.screen) {
      this.waiting = null;
      patch = { ...patch, loading: null };
    }
    this.state = { ...this.state, ...patch, ...(this.together ? {} : { pass: null }) };
    try {
      if (IN_PLAY.has(this.state.screen) && this.slot) this.options.session?.setItem(IN_PLAY_KEY, this.slot);
      else this.options.session?.removeItem(IN_PLAY_KEY);
    } catch {
      // Per-tab storage unavailable: a reload then shows the title, with Continue.
    }
    for (const l of this.listeners) l(this.state);
  }
}

/** "1 move", "12 moves", or `none` for no moves. */
export function movesText(moves: number, none: string): string {
  return moves === 0 ? none : `${moves} move${moves === 1 ? '' : 's'}`;
}

/** A slot in words: "Scenario title (start title)". */
export function slotName(s: Pick<SlotSummary, 'title' | 'startTitle'>): string {
  return s.startTitle ? `${s.title} (${s.startTitle})` : s.title;
}
