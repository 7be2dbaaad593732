import Phaser from 'phaser';
import type { AppController } from '../app/controller.ts';
import type { PlayerView } from '../../engine/view.ts';
import { SCENES } from '../keys.ts';
import { COLOURS, DOCUMENT, ENDING, FONTS, STAGE_COLOURS, playLayout, type Box } from '../layout.ts';
import { longDate } from '../map/format.ts';
import { partyColours } from '../map/regionMap.ts';
import { announce, reducedMotion, restartOnResize } from './follow.ts';
import { drawPaper, drawSeal } from './paper.ts';

/** Words of office dropped from a leader's name when it is signed: "President Ada Sorel" → "Ada Sorel". */
const OFFICE = /^(?:(?:President|Prime|Minister|Chancellor|Secretary-General|Secretary|General|Chair|Chairman|Chairwoman|King|Queen|Sheikh|Emir|Premier|Governor|Mayor|Director|Dr\.?|Sir|Dame)\s+)+/;

export function signatureOf(leader: string): string {
  const name = leader.replace(OFFICE, '').trim();
  return name === '' ? leader : name;
}

/**
 * Behind the DOM result panel, inside the stage: for a deal, the accord with the signatories'
 * signatures written in one after another and the seal pressed last; for a collapse or the
 * deadline, the same document greyed and unsigned, under a dimmer light. With reduced motion
 * everything is shown at once.
 */
export class EndingScene extends Phaser.Scene {
  constructor(private readonly controller: AppController) {
    super(SCENES.ending);
  }

  create(): void {
    announce(this, SCENES.ending);
    restartOnResize(this);
    const { view, choice } = this.controller.snapshot();
    const stage = playLayout(this.scale.width, this.scale.height).stage;
    this.cameras.main.setViewport(stage.x, stage.y, stage.width, stage.height).setBackgroundColor(STAGE_COLOURS.seaBottom);
    if (!view?.outcome || !choice) return;
    const deal = view.outcome.kind === 'deal';
    this.drawBackdrop(stage.width, stage.height, deal);

    const width = Math.min(DOCUMENT.maxWidth, stage.width - 64, (stage.height - 56) / DOCUMENT.aspect);
    const height = Math.round(width * DOCUMENT.aspect);
    const box: Box = { x: Math.round((stage.width - width) / 2), y: Math.round((stage.height - height) / 2), width: Math.round(width), height };
    const kicker = deal ? `Signed on ${longDate(view.date)}` : view.outcome.kind === 'timeout' ? 'Not signed: the deadline passed' : 'Not signed: the talks collapsed';
    const paper = drawPaper(this, box, { kicker, title: view.scenario.title }, !deal);

    const signers = deal && view.outcome.kind === 'deal'
      ? view.outcome.signers
      : view.parties.filter((p) => p.role !== 'consulted').map((p) => p.id);
    const colours = partyColours(choice.scenario);
    const animate = deal && !reducedMotion();
    const sealRadius = DOCUMENT.sealRadius;
    const bottom = box.y + box.height - DOCUMENT.padding - (deal ? 2 * sealRadius + 8 : 0);
    const rowHeight = ENDING.signatureSize + ENDING.signerSize + ENDING.signatureGap + 8;
    const rows = Math.max(1, Math.min(signers.length, Math.floor((bottom - paper.bodyTop) / rowHeight)));
    const top = Math.max(paper.bodyTop, bottom - rows * rowHeight);
    const clausesEnd = this.drawClauseLines(paper.graphics, box, paper.bodyTop, top - 12, deal ? view : null);

    const x = box.x + DOCUMENT.padding;
    const lineWidth = paper.inner - (deal ? 2 * sealRadius + 16 : 0);
    let delay = ENDING.signatureDelayMs;
    signers.slice(0, rows).forEach((id, i) => {
      const party = view.parties.find((p) => p.id === id);
      if (!party) return;
      const y = top + i * rowHeight;
      const lineY = y + ENDING.signatureSize + 6;
      paper.graphics.fillStyle(colours.get(id)?.value ?? COLOURS.inkLine, deal ? 1 : 0.45);
      paper.graphics.fillRect(x, lineY, Math.min(lineWidth, 300), 2);
      this.add.text(x, lineY + 5, `For ${party.name}`.toUpperCase(), { fontFamily: FONTS.sans, fontSize: `${ENDING.signerSize}px`, fontStyle: 'bold', color: COLOURS.numeral });
      if (!deal) return;
      const signature = this.add.text(x + 6, lineY + 4, signatureOf(party.leader), {
        fontFamily: FONTS.serif,
        fontSize: `${ENDING.signatureSize}px`,
        fontStyle: 'italic',
        color: '#1d3a6e',
      }).setOrigin(0, 1);
      for (let size = ENDING.signatureSize - 2; signature.width > lineWidth - 8 && size >= 14; size -= 2) signature.setFontSize(size);
      if (!animate) return;
      // Written left to right, like a pen across the line.
      const full = signature.width;
      signature.setCrop(0, 0, 0, signature.height);
      this.tweens.addCounter({
        from: 0,
        to: full,
        delay,
        duration: ENDING.signatureMs,
        ease: 'Sine.easeInOut',
        onUpdate: (tween) => signature.setCrop(0, 0, tween.getValue() ?? full, signature.height),
      });
      delay += ENDING.signatureMs + ENDING.signatureDelayMs;
    });

    if (!deal) {
      this.drawUnsignedStamp(box.x + box.width / 2, (clausesEnd + top) / 2, view.outcome.kind === 'timeout' ? 'Deadline passed' : 'Talks collapsed');
      return;
    }
    const seal = drawSeal(this, box.x + box.width - DOCUMENT.padding - sealRadius, box.y + box.height - DOCUMENT.padding - sealRadius, sealRadius);
    if (!animate) return;
    seal.setAlpha(0).setScale(1.6);
    this.tweens.add({ targets: seal, alpha: 1, scale: 1, delay, duration: ENDING.sealMs, ease: 'Back.easeOut' });
  }

  /** A faded rubber stamp across the empty space: the accord was never signed. */
  private drawUnsignedStamp(x: number, y: number, words: string): void {
    const text = this.add
      .text(0, 0, words.toUpperCase(), { fontFamily: FONTS.sans, fontSize: `${ENDING.stampSize}px`, fontStyle: 'bold', color: '#8a4a44' })
      .setOrigin(0.5);
    const g = this.add.graphics();
    g.lineStyle(3, 0x8a4a44, 1);
    g.strokeRoundedRect(-text.width / 2 - 14, -text.height / 2 - 8, text.width + 28, text.height + 16, 6);
    this.add.container(x, y, [g, text]).setRotation(-0.12).setAlpha(0.45);
  }

  /** Soft contour lines; fewer and darker when nothing was signed. */
  private drawBackdrop(width: number, height: number, deal: boolean): void {
    const g = this.add.graphics();
    g.lineStyle(2, COLOURS.contour, deal ? 0.5 : 0.25);
    const step = 56;
    for (let y = step; y < height + step; y += step) {
      const path = new Phaser.Curves.Spline([
        new Phaser.Math.Vector2(0, y),
        new Phaser.Math.Vector2(width * 0.35, y - 18),
        new Phaser.Math.Vector2(width * 0.7, y + 14),
        new Phaser.Math.Vector2(width, y - 8),
      ]);
      path.draw(g, 48);
    }
    if (!deal) {
      g.fillStyle(0x050a12, 0.35);
      g.fillRect(0, 0, width, height);
    }
  }

  /**
   * Sketched clauses above the signatures, two lines per point of the final text (as many as
   * fit; four points' worth on an unsigned text). Returns where the last line ends.
   */
  private drawClauseLines(g: Phaser.GameObjects.Graphics, box: Box, top: number, bottom: number, view: PlayerView | null): number {
    const count = view ? view.pointsInText : 4;
    const lines = Math.min(Math.floor((bottom - top) / DOCUMENT.lineStep), count * 2);
    g.fillStyle(COLOURS.inkLine, view ? 1 : 0.6);
    const width = box.width - 2 * DOCUMENT.padding;
    for (let i = 0; i < lines; i++) {
      const share = i % 2 === 1 ? 0.45 + 0.1 * (i % 3) : 1;
      g.fillRect(box.x + DOCUMENT.padding, top + i * DOCUMENT.lineStep, width * share, DOCUMENT.lineThickness);
    }
    return top + Math.max(0, lines) * DOCUMENT.lineStep;
  }
}
