import Phaser from 'phaser';
import type { AppController } from '../app/controller.ts';
import { SCENES } from '../keys.ts';
import { BRIEFING, MAP, MARGIN, STAGE_COLOURS, panelWidth } from '../layout.ts';
import type { Atlas } from '../map/atlas.ts';
import { RegionMap } from '../map/regionMap.ts';
import { announce, follow, reducedMotion, restartOnResize } from './follow.ts';

/**
 * Behind the DOM briefing: the chosen scenario's region, with its venues and the parties based
 * at each, fitted right of the briefing panel. The venues glow slowly a few times, then rest (not
 * with reduced motion).
 */
export class BriefingScene extends Phaser.Scene {
  private scenarioId = '';

  constructor(
    private readonly controller: AppController,
    private readonly atlas: Atlas,
  ) {
    super(SCENES.briefing);
  }

  create(): void {
    announce(this, SCENES.briefing);
    restartOnResize(this);
    const scenario = this.controller.snapshot().choice?.scenario;
    if (!scenario) return;
    this.scenarioId = scenario.id;
    const { width, height } = this.scale;
    this.cameras.main.setViewport(0, 0, width, height);
    const left = Math.min(MARGIN + panelWidth(width) + MARGIN + BRIEFING.inset, width * 0.6);
    const region = new RegionMap(this, this.atlas, scenario, {
      width,
      height,
      margins: { top: BRIEFING.inset + 20, right: BRIEFING.inset + 40, bottom: BRIEFING.inset, left: left + 40 },
      labelBounds: { x: left, y: 8, width: width - left - 8, height: height - 16 },
      obstacles: [],
      tokenRows: new Map(),
    });
    if (!reducedMotion()) {
      const glow = this.add.graphics();
      for (const p of region.venues.values()) {
        glow.fillStyle(STAGE_COLOURS.halo, 0.22);
        glow.fillCircle(p.x, p.y, MAP.markerHalo + 2);
      }
      glow.setAlpha(0);
      const pulse = this.tweens.add({
        targets: glow,
        alpha: 1,
        duration: BRIEFING.glowMs,
        yoyo: true,
        repeat: BRIEFING.glows - 1,
        ease: 'Sine.easeInOut',
        // Motion turned down in the settings meanwhile: stop, without the glow.
        onRepeat: () => {
          if (!reducedMotion()) return;
          pulse.stop();
          glow.setAlpha(0);
        },
      });
    }
    // Another scenario chosen while the briefing is up (the DOM can switch starts or scenarios).
    follow(this, this.controller, (s) => {
      if (s.screen === 'briefing' && s.choice && s.choice.scenario.id !== this.scenarioId) this.scene.restart();
    });
  }
}
