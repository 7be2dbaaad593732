import Phaser from 'phaser';

export type RendererName = 'canvas' | 'webgl';

/** Canvas reaches the first frame sooner in headless tests and logs no GPU warnings. */
export const DEFAULT_RENDERER: RendererName = 'canvas';

/** `?renderer=canvas|webgl`; anything else gives the default. */
export function rendererFromQuery(search: string): RendererName {
  const wanted = new URLSearchParams(search).get('renderer');
  return wanted === 'canvas' || wanted === 'webgl' ? wanted : DEFAULT_RENDERER;
}

export function phaserRendererType(name: RendererName): number {
  return name === 'webgl' ? Phaser.WEBGL : Phaser.CANVAS;
}

export function rendererName(type: number): RendererName {
  return type === Phaser.WEBGL ? 'webgl' : 'canvas';
}
