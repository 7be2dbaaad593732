import Phaser from 'phaser';
import { COLOURS } from './layout.ts';
import { phaserRendererType, type RendererName } from './renderer.ts';
import { BootScene } from './scenes/Boot.ts';
import { PreloaderScene } from './scenes/Preloader.ts';
import { TitleScene, type TitleContent } from './scenes/Title.ts';

/** Start Phaser in `parent`, filling it, with the Boot → Preloader → Title chain. */
export function startGame(parent: HTMLElement, renderer: RendererName, content: TitleContent): Phaser.Game {
  return new Phaser.Game({
    type: phaserRendererType(renderer),
    parent,
    backgroundColor: COLOURS.backgroundCss,
    banner: false,
    scale: { mode: Phaser.Scale.RESIZE, width: '100%', height: '100%' },
    scene: [new BootScene(), new PreloaderScene(), new TitleScene(content)],
  });
}
