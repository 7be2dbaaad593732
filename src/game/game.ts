import Phaser from 'phaser';
import { loadPlay, type AppController } from './app/controller.ts';
import { ASSETS } from './keys.ts';
import { COLOURS } from './layout.ts';
import { Atlas } from './map/atlas.ts';
import { watchContextLoss } from './contextLoss.ts';
import { fineCountries } from './map/mapData.ts';
import { FrameTimes, interactive, stageHook } from './ready.ts';
import { restWhenStill } from './rest.ts';
import { phaserRendererType, type RendererName } from './renderer.ts';
import { BriefingScene } from './scenes/Briefing.ts';
import { DirectorScene } from './scenes/Director.ts';
import { EndingScene } from './scenes/Ending.ts';
import { MapScene } from './scenes/Map.ts';
import { PreloaderScene } from './scenes/Preloader.ts';
import { TableScene } from './scenes/Table.ts';
import { SummitScene } from './scenes/Summit.ts';
import { TitleScene } from './scenes/Title.ts';

/**
 * Start Phaser in `parent`, filling it: Preloader (the map data, behind a progress bar while it
 * is still on its way) → Director, which keeps the scene matching the controller's screen and
 * stage up (Title, Briefing, Map, Table or Ending). Scenes get the controller through their
 * constructors. When the map data is already here, the first scene is drawn in Phaser's first frame.
 */
export function startGame(parent: HTMLElement, renderer: RendererName, controller: AppController): Phaser.Game {
  const atlas = new Atlas();
  const game = new Phaser.Game({
    type: phaserRendererType(renderer),
    parent,
    backgroundColor: COLOURS.backgroundCss,
    banner: false,
    // Sounds play through Howler, from the first gesture (audio/soundDirector.ts); Phaser's own
    // sound manager would open an AudioContext at boot, the slowest step of starting the game.
    audio: { noAudio: true },
    scale: { mode: Phaser.Scale.RESIZE, width: '100%', height: '100%' },
    scene: [
      new PreloaderScene(),
      new DirectorScene(controller),
      new TitleScene(atlas),
      new BriefingScene(controller, atlas),
      new MapScene(controller, atlas),
      new TableScene(controller),
      new SummitScene(controller),
      new EndingScene(controller),
    ],
  });
  // The DOM layer carries every word the canvas shows; screen readers skip the drawing.
  const hide = (): void => game.canvas.setAttribute('aria-hidden', 'true');
  if (game.canvas) hide();
  else game.events.once(Phaser.Core.Events.READY, hide);
  watchFrames(game, renderer);
  const wake = restOnceInteractive(game, parent, controller, renderer);
  if (renderer === 'webgl') {
    // The notice goes on the page, not in the stage: the DOM panels stack above the stage.
    const watch = (): void => {
      watchContextLoss(game.canvas, document.body);
      // Phaser rebuilds what it drew when the context comes back; the loop must be awake to draw it.
      game.canvas.addEventListener('webglcontextlost', wake);
      game.canvas.addEventListener('webglcontextrestored', wake);
    };
    if (game.canvas) watch();
    else game.events.once(Phaser.Core.Events.READY, watch);
  }
  // The finer map for close-up regions, once the title is up; maps painted after it arrives use it.
  void interactive.then(fineCountries).then((data) => {
    if (data !== null && !game.cache.json.exists(ASSETS.countriesFine)) game.cache.json.add(ASSETS.countriesFine, data);
  });
  // Only the test build (`vite build --mode test`) has this line; in production it is not in the bundle at all.
  // The hook appears once the game's code (app/play.ts) is here, so a test can start a game and play it at once.
  if (import.meta.env.MODE === 'test') void interactive.then(loadPlay).then(() => (window.__accordController = controller), () => undefined);
  return game;
}

/**
 * The stage rests (the game loop sleeps) when nothing on it moves; see rest.ts. Only once the
 * first scene is up: until then the Preloader waits on the map data outside the loop. Returns the
 * wake-up, which every change from outside the loop calls: the controller's states and notices,
 * a resize of the window or of the stage.
 */
function restOnceInteractive(game: Phaser.Game, parent: HTMLElement, controller: AppController, renderer: RendererName): () => void {
  const hook = stageHook(renderer);
  let wake: () => void = () => undefined;
  void interactive.then(() => {
    wake = restWhenStill(game, hook);
  });
  const poke = (): void => wake();
  controller.subscribe(poke);
  controller.onNotice(poke);
  window.addEventListener('resize', poke);
  window.addEventListener('orientationchange', poke);
  new ResizeObserver(poke).observe(parent);
  return poke;
}

/**
 * Main-thread work per frame, from Phaser's pre-step to its post-render (headless Chromium paces
 * frames at a fixed rate, so frame intervals say nothing about cost), into `__accordFrameTimes`;
 * and the frame count of the scene on show into `__accordStage`.
 */
function watchFrames(game: Phaser.Game, renderer: RendererName): void {
  const times = new FrameTimes();
  window.__accordFrameTimes = times;
  const hook = stageHook(renderer);
  let start = 0;
  game.events.on(Phaser.Core.Events.PRE_STEP, () => {
    start = performance.now();
  });
  game.events.on(Phaser.Core.Events.POST_RENDER, () => {
    times.push(performance.now() - start);
    hook.frames += 1;
  });
}
