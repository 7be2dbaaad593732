import Phaser from 'phaser';
import type { AppController, AppState } from '../app/controller.ts';
import { SCENES, type SceneKey } from '../keys.ts';
import type { TableData } from './Table.ts';

/** The scene that should be up for an app state, with its data. */
export type Shown =
  | { key: typeof SCENES.title }
  | { key: typeof SCENES.briefing }
  | { key: typeof SCENES.map }
  | { key: typeof SCENES.table; data: TableData }
  | { key: typeof SCENES.summit }
  | { key: typeof SCENES.ending };

/** Pure: which scene follows from the app state. */
export function shownFor(state: AppState): Shown {
  if (state.screen === 'briefing' && state.choice) return { key: SCENES.briefing };
  if (state.screen === 'ending' && state.view?.outcome) return { key: SCENES.ending };
  if (state.screen === 'play' && state.view) {
    if (state.view.talks && state.stage.kind === 'summit') return { key: SCENES.summit };
    return state.stage.kind === 'table' && state.stage.party !== ''
      ? { key: SCENES.table, data: { party: state.stage.party } }
      : { key: SCENES.map };
  }
  return { key: SCENES.title };
}

function sameShown(a: Shown | null, b: Shown): boolean {
  if (!a || a.key !== b.key) return false;
  return a.key !== SCENES.table || b.key !== SCENES.table || a.data.party === b.data.party;
}

/**
 * Draws nothing: keeps exactly one of Title, Briefing, Map, Table or Ending running, matching
 * the controller's screen and stage. Each of those scenes then follows the controller itself.
 */
export class DirectorScene extends Phaser.Scene {
  private shown: Shown | null = null;
  /** The map sleeps while a table is up, so its tokens keep their places and tweens. */
  private mapAsleep = false;

  constructor(private readonly controller: AppController) {
    super(SCENES.director);
  }

  create(): void {
    this.shown = null;
    this.mapAsleep = false;
    const off = this.controller.subscribe((s) => this.show(shownFor(s)));
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, off);
    this.show(shownFor(this.controller.snapshot()));
  }

  private show(next: Shown): void {
    if (sameShown(this.shown, next)) return;
    const previous: SceneKey | null = this.shown?.key ?? null;
    this.shown = next;
    if (previous === SCENES.map && (next.key === SCENES.table || next.key === SCENES.summit)) {
      this.scene.sleep(SCENES.map);
      this.mapAsleep = true;
    } else if (previous !== null) {
      this.scene.stop(previous);
    }
    if (this.mapAsleep && next.key === SCENES.map) {
      this.mapAsleep = false;
      this.scene.wake(SCENES.map);
      return;
    }
    if (this.mapAsleep && next.key !== SCENES.table && next.key !== SCENES.summit) {
      this.mapAsleep = false;
      this.scene.stop(SCENES.map);
    }
    const data = 'data' in next ? next.data : undefined;
    // The first scene starts at once (through the scene manager), to be drawn in this very frame;
    // later ones through this scene's queue, in order after the stops and sleeps above.
    if (previous === null) this.game.scene.start(next.key, data);
    else this.scene.launch(next.key, data);
  }
}
