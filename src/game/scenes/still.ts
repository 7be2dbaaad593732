/**
 * Drawing what does not change once, into a texture. With the Canvas renderer (the default) a
 * Graphics object replays every one of its drawing commands on every frame: the map's routes,
 * markers and labels were about 1,500 commands, a delegate at the table about 1,400. Painted into a
 * texture they cost one image copy a frame. With WebGL the objects stay as they are: Phaser batches
 * them on the GPU, and a texture painted this way would be lost with the context.
 */
import Phaser from 'phaser';

export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

let painted = 0;

/** The texture's size in whole pixels for an area (at least 1 × 1). */
function pixels(area: Area): { width: number; height: number } {
  return { width: Math.max(1, Math.ceil(area.width)), height: Math.max(1, Math.ceil(area.height)) };
}

/** Whether this scene's renderer gains from baking (Canvas). */
export function canBake(scene: Phaser.Scene): boolean {
  return scene.game.renderer.type === Phaser.CANVAS;
}

/**
 * A texture over `area` (in the coordinates of whatever holds its image: the scene or a
 * container), shown as an image, repainted from objects on demand. Gone with the scene.
 */
export class Still {
  readonly image: Phaser.GameObjects.Image;
  private readonly texture: Phaser.Textures.DynamicTexture;
  private readonly size: { width: number; height: number };

  constructor(
    scene: Phaser.Scene,
    private area: Area,
  ) {
    const key = `still:${++painted}`;
    this.size = pixels(area);
    this.texture = scene.textures.addDynamicTexture(key, this.size.width, this.size.height)!;
    this.image = scene.add.image(area.x, area.y, key).setOrigin(0);
    // The texture goes with its image (a card repainted, or the scene shut down).
    this.image.once(Phaser.GameObjects.Events.DESTROY, () => scene.textures.remove(key));
    const shutdown = (): void => this.image.destroy();
    scene.events.once(Phaser.Scenes.Events.SHUTDOWN, shutdown);
    this.image.once(Phaser.GameObjects.Events.DESTROY, () => scene.events.off(Phaser.Scenes.Events.SHUTDOWN, shutdown));
  }

  /** Whether this still can show `area` (the same size) after a move. */
  fits(area: Area): boolean {
    const { width, height } = pixels(area);
    return width === this.size.width && height === this.size.height;
  }

  /** Show the still over another area of the same size. */
  moveTo(area: Area): this {
    this.area = area;
    this.image.setPosition(area.x, area.y);
    return this;
  }

  /** Paint these objects (as they are placed, in the same coordinates as the area) over a clear texture. */
  paint(objects: readonly Phaser.GameObjects.GameObject[]): this {
    this.texture.clear();
    for (const o of objects) {
      const at = o as unknown as { x: number; y: number };
      this.texture.draw(o, at.x - this.area.x, at.y - this.area.y);
    }
    this.texture.render();
    return this;
  }
}

/**
 * Replace objects that will not change with one image of them, at the depth given (Canvas
 * renderer only; otherwise they stay, and null is returned).
 */
export function bakeStill(scene: Phaser.Scene, objects: readonly Phaser.GameObjects.GameObject[], area: Area, depth = 0): Phaser.GameObjects.Image | null {
  if (!canBake(scene) || objects.length === 0) return null;
  const still = new Still(scene, area).paint(objects);
  for (const o of objects) o.destroy();
  return still.image.setDepth(depth);
}

/**
 * Objects that change only when told (a card and its words), shown as one image with the Canvas
 * renderer: they are kept in `layer`, off the display list, and `refresh()` repaints the image from
 * them. With WebGL the layer itself is shown (in `parent`, or the scene), and `refresh()` does nothing.
 */
export class StillGroup {
  /** Where the objects go, placed in the parent's coordinates. */
  readonly layer: Phaser.GameObjects.Container;
  private still: Still | null = null;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly parent: Phaser.GameObjects.Container | null,
    private readonly depth = 0,
  ) {
    this.layer = scene.make.container({ x: 0, y: 0 }, false);
    if (canBake(scene)) {
      scene.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.layer.destroy());
      return;
    }
    if (parent) parent.add(this.layer);
    else scene.add.existing(this.layer.setDepth(depth));
  }

  /** Repaint the image of the layer's objects over `area` (nothing drawn when it is null). */
  refresh(area: Area | null): void {
    if (!canBake(this.scene)) return;
    if (area === null || area.width < 1 || area.height < 1) {
      this.still?.image.destroy();
      this.still = null;
      return;
    }
    if (this.still?.fits(area)) this.still.moveTo(area);
    else {
      this.still?.image.destroy();
      this.still = new Still(this.scene, area);
      this.still.image.setDepth(this.depth);
      this.parent?.add(this.still.image);
    }
    this.still.paint([this.layer]);
  }
}
