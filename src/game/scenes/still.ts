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

  constructor(
    scene: Phaser.Scene,
    private readonly area: Area,
  ) {
    const key = `still:${++painted}`;
    this.texture = scene.textures.addDynamicTexture(key, Math.max(1, Math.ceil(area.width)), Math.max(1, Math.ceil(area.height)))!;
    this.image = scene.add.image(area.x, area.y, key).setOrigin(0);
    scene.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      this.image.destroy();
      scene.textures.remove(key);
    });
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
