/**
 * The stage stops drawing when nothing on it moves. Phaser redraws every frame by default, which
 * kept a core busy on a page where nothing changed (a software-composited canvas is not cheap);
 * so once no scene has a tween, a timer or a scene change under way for a few frames, the game
 * loop sleeps (`game.loop.sleep()`), and the canvas keeps showing its last frame. Whatever can
 * change the drawing from outside the loop wakes it (`game.loop.wake()`): a new state or notice
 * from the controller (a command, a news item, a new screen), a resize of the window or the stage,
 * the WebGL context lost or restored. Everything else that moves (tokens travelling, the ticker,
 * the leader breathing, the title's journeys) is a tween or a timer started inside a running loop
 * or by one of those, and keeps it awake until it ends.
 */
import Phaser from 'phaser';

/** Frames drawn after the last activity before the loop sleeps (and at least this many after a wake). */
export const QUIET_FRAMES = 8;

/** What the rest keeps track of, for tests and the bench (`__accordStage.resting`). */
export interface RestState {
  resting: boolean;
  /** How many times the loop has gone to sleep. */
  sleeps: number;
}

/** The scene manager's queues of scene operations (start, stop, sleep, wake) not yet run. */
interface SceneQueues {
  _pending: unknown[];
  _start: unknown[];
  _queue: unknown[];
}

/** A clock's timer events (delayed calls), running or about to be added. */
interface ClockLists {
  _active: unknown[];
  _pendingInsertion: unknown[];
}

/** True while something on the stage may still change by itself. */
export function stageBusy(game: Phaser.Game): boolean {
  const manager = game.scene as unknown as SceneQueues;
  if (manager._pending.length > 0 || manager._start.length > 0 || manager._queue.length > 0) return true;
  if (game.scale.dirty) return true;
  const S = Phaser.Scenes;
  for (const scene of game.scene.scenes) {
    const status = scene.sys.settings.status;
    // Starting, loading or creating: not drawn in its final form yet.
    if (status >= S.START && status <= S.CREATING) return true;
    if (status !== S.RUNNING) continue;
    if (scene.tweens.getTweens().length > 0) return true;
    const clock = scene.time as unknown as ClockLists;
    if (clock._active.length > 0 || clock._pendingInsertion.length > 0) return true;
  }
  return false;
}

/**
 * Put the game loop to sleep whenever the stage is still for {@link QUIET_FRAMES} frames; returns
 * `wake`, for anything outside the loop that changes what is drawn. Waking is deferred to a
 * microtask, so a state change reaches every listener (which may start tweens) before the loop
 * steps again.
 */
export function restWhenStill(game: Phaser.Game, state: RestState): () => void {
  let quiet = 0;
  let queued = false;
  game.events.on(Phaser.Core.Events.POST_RENDER, () => {
    if (stageBusy(game)) {
      quiet = 0;
      return;
    }
    quiet += 1;
    if (quiet < QUIET_FRAMES) return;
    quiet = 0;
    game.loop.sleep();
    state.resting = true;
    state.sleeps += 1;
  });
  return () => {
    quiet = 0;
    if (queued || game.loop.running) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      quiet = 0;
      state.resting = false;
      // Not before Phaser has booted: the loop starts itself then.
      if (game.isBooted && !game.loop.running) game.loop.wake();
    });
  };
}
