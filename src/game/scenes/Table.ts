import Phaser from 'phaser';
import type { AppController, AppState } from '../app/controller.ts';
import type { PartyView, PlayerView } from '../../engine/view.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { SCENES } from '../keys.ts';
import { COLOURS, FONTS, STAGE_COLOURS, TABLE, playLayout, type Box } from '../layout.ts';
import { partyColours } from '../map/regionMap.ts';
import { STATE_LABELS, partyCards, type AnswerSummary } from '../viewModel/answers.ts';
import { publicScenario } from '../viewModel/publicScenario.ts';
import { FIGURE_HEIGHT, FIGURE_WIDTH, drawChair, drawFigure, type Mood } from './figure.ts';
import { looksIn } from './look.ts';
import { Still, StillGroup, bakeStill, canBake } from './still.ts';
import { announce, follow, reducedMotion, restartOnResize } from './follow.ts';

/** Which party's table is up (from the controller's stage). */
export interface TableData {
  party: string;
}

const STAMP: Record<AnswerSummary['kind'], { word: string; colour: string }> = {
  accepted: { word: 'Accepted', colour: STAGE_COLOURS.accepted },
  rejected: { word: 'Rejected', colour: STAGE_COLOURS.rejected },
  stalled: { word: 'Stalled', colour: STAGE_COLOURS.stalled },
  absent: { word: 'Absent', colour: STAGE_COLOURS.absent },
};

function gaugeColour(n: number): number {
  return n >= 60 ? STAGE_COLOURS.good : n >= 35 ? STAGE_COLOURS.fair : STAGE_COLOURS.poor;
}

/**
 * The negotiating table with one party, inside the stage: its delegate seated behind a
 * nameplate and a desk flag in the party's colour, its mood (face, posture, gauges with numbers)
 * easing to each new trust and patience, and its last answer on a card. With reduced motion
 * every change is instant.
 */
export class TableScene extends Phaser.Scene {
  private party = '';
  private shownMood: Mood = { trust: 50, patience: 50 };
  private answerKey = '';

  constructor(private readonly controller: AppController) {
    super(SCENES.table);
  }

  init(data: TableData): void {
    this.party = data.party;
    this.answerKey = '';
  }

  create(): void {
    announce(this, SCENES.table);
    restartOnResize(this);
    const { choice, view } = this.controller.snapshot();
    const party = view?.parties.find((p) => p.id === this.party);
    if (!choice || !view || !party) return;
    const stage = playLayout(this.scale.width, this.scale.height).stage;
    this.cameras.main.setViewport(stage.x, stage.y, stage.width, stage.height).setBackgroundColor(STAGE_COLOURS.wall);
    const colour = partyColours(choice.scenario).get(party.id)?.value ?? STAGE_COLOURS.marker;
    const { width: w, height: h } = stage;

    const tableY = Math.round(h * TABLE.tableTop);
    // The figure fills about half the stage's height, and leaves room for the card on the right.
    const scale = Math.min((h * 0.5) / FIGURE_HEIGHT, (w * 0.45) / FIGURE_WIDTH, TABLE.maxFigureScale);
    const cardWidth = Math.max(TABLE.card.minWidth, Math.min(TABLE.card.width, w * 0.42));
    const figureX = Math.round(Math.min(w * TABLE.figureX, (w - cardWidth - 24) / 2));
    const room = this.drawRoom(w, h, figureX);
    // One leader in the middle; a delegation of two or three sits side by side, a little smaller,
    // the first in the middle and in front.
    const looks = looksIn(choice.scenario, party.id, colour);
    const each = looks.length === 1 ? scale : scale * (looks.length === 2 ? 0.72 : 0.62);
    const step = FIGURE_WIDTH * 0.56 * each;
    const offsets = looks.length === 1 ? [0] : looks.length === 2 ? [-step / 2, step / 2] : [0, -step, step];
    // The whole delegation stays on the stage.
    const centre = Math.max(figureX, Math.max(...offsets.map((o) => -o)) + (FIGURE_WIDTH / 2) * each + 4);
    const seats = looks.map((look, i) => ({ look, x: centre + offsets[i]! })).reverse();
    // With the Canvas renderer each chair is baked into an image, and each delegate is painted into
    // one, repainted when its mood changes (still.ts): the figure is about 1,400 drawing commands.
    const bake = canBake(this);
    const figures = seats.map((seat) => {
      const area = { x: seat.x - (FIGURE_WIDTH / 2 + 24) * each, y: tableY - (FIGURE_HEIGHT + 24) * each, width: (FIGURE_WIDTH + 48) * each, height: (FIGURE_HEIGHT + 24 + 60) * each };
      const chair = this.add.graphics({ x: seat.x, y: tableY }).setScale(each);
      drawChair(chair);
      bakeStill(this, [chair], area);
      const g = bake ? this.make.graphics({ x: seat.x, y: tableY }, false).setScale(each) : this.add.graphics({ x: seat.x, y: tableY }).setScale(each);
      const still = bake ? new Still(this, area) : null;
      if (still) this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => g.destroy());
      return { ...seat, g, still, shown: still ? still.image : g };
    });
    const front = [...this.drawTable(w, h, tableY, figureX, scale), ...this.drawNameplate(centre, tableY, party, colour, scale)];
    const flagX = Math.max(figureX + FIGURE_WIDTH * 0.62 * scale, centre + Math.max(...offsets) + FIGURE_WIDTH * 0.5 * each);
    front.push(this.drawDeskFlag(flagX, tableY + 14 * scale, colour, scale));
    // The room behind everything, the table and what stands on it in front of the delegates.
    bakeStill(this, room, { x: 0, y: 0, width: w, height: h }, -1);
    const frontTop = Math.max(0, Math.floor(tableY + 14 * scale - 126 * scale));
    bakeStill(this, front, { x: 0, y: frontTop, width: w, height: h - frontTop });
    // The mood card (gauges and words) as one image, repainted when the mood changes (Canvas renderer).
    const moodCard = new StillGroup(this, null);
    const gauges = this.add.graphics();
    const mood = this.moodTexts();
    moodCard.layer.add([gauges, mood.kicker, mood.state, mood.trust, mood.patience]);
    const card = this.add.container(0, 0);
    const cardBox: Box = { x: w - cardWidth - TABLE.mood.x, y: TABLE.mood.y, width: cardWidth, height: 0 };

    const drawMood = (m: Mood, p: PartyView): void => {
      for (const f of figures) {
        f.g.clear();
        // A party that walked out leaves an empty chair.
        if (p.state !== 'walkedOut' && p.state !== 'withdrawn') drawFigure(f.g, m, colour, f.look);
        f.still?.paint([f.g]);
      }
      moodCard.refresh(this.drawGauges(gauges, mood, m, p));
    };

    this.shownMood = { trust: party.trust, patience: party.patience };
    drawMood(this.shownMood, party);
    this.showAnswer(card, cardBox, choice.scenario, view, party, false);

    // The delegate breathes for a few breaths after it sits down and after each change, then
    // sits still, so an idle table does not keep the page drawing (none with reduced motion).
    let breathe: Phaser.Tweens.Tween | null = null;
    const breatheAgain = (): void => {
      if (reducedMotion() || breathe?.isPlaying()) return;
      const shown = figures.map((f) => f.shown);
      const rest = shown.map((o) => o.y);
      breathe = this.tweens.add({
        targets: shown,
        y: '+=1.5',
        duration: TABLE.breatheMs,
        yoyo: true,
        repeat: TABLE.breaths - 1,
        ease: 'Sine.easeInOut',
        // Motion turned down in the settings meanwhile: sit still.
        onRepeat: () => {
          if (!reducedMotion()) return;
          breathe?.stop();
          shown.forEach((o, i) => o.setY(rest[i]!));
        },
      });
    };
    breatheAgain();

    let moodTween: Phaser.Tweens.Tween | null = null;
    const onState = (s: AppState): void => {
      const p = s.view?.parties.find((x) => x.id === this.party);
      if (!s.view || !s.choice || !p) return;
      const from = { ...this.shownMood };
      const to: Mood = { trust: p.trust, patience: p.patience };
      moodTween?.stop();
      if (reducedMotion() || (from.trust === to.trust && from.patience === to.patience)) {
        this.shownMood = to;
        drawMood(to, p);
      } else {
        moodTween = this.tweens.addCounter({
          from: 0,
          to: 1,
          duration: TABLE.moodMs,
          ease: 'Sine.easeInOut',
          onUpdate: (tween) => {
            const u = tween.getValue() ?? 0;
            this.shownMood = { trust: from.trust + (to.trust - from.trust) * u, patience: from.patience + (to.patience - from.patience) * u };
            drawMood(this.shownMood, p);
          },
        });
      }
      this.showAnswer(card, cardBox, s.choice.scenario, s.view, p, !reducedMotion());
      breatheAgain();
    };
    follow(this, this.controller, onState);
  }

  /** The wall: quiet panelling and a soft light behind the delegate. */
  private drawRoom(w: number, h: number, figureX: number): Phaser.GameObjects.GameObject[] {
    const g = this.add.graphics();
    g.fillStyle(STAGE_COLOURS.wallLow, 1);
    g.fillRect(0, h * 0.45, w, h * 0.55);
    g.lineStyle(1, STAGE_COLOURS.panelLine, 0.8);
    for (let x = 60; x < w; x += 120) g.lineBetween(x, 0, x, h * TABLE.tableTop);
    g.lineBetween(0, h * 0.45, w, h * 0.45);
    const light = this.lightTexture();
    const size = h * 1.1;
    return [g, this.add.image(figureX, h * 0.36, light).setDisplaySize(size, size)];
  }

  /** A radial glow, painted once with Canvas 2D (Graphics has no radial gradients in Canvas mode). */
  private lightTexture(): string {
    const key = 'table:light';
    if (this.textures.exists(key)) return key;
    const size = 256;
    const texture = this.textures.createCanvas(key, size, size);
    const ctx = texture?.getContext();
    if (texture && ctx) {
      const gradient = ctx.createRadialGradient(size / 2, size / 2, 0, size / 2, size / 2, size / 2);
      gradient.addColorStop(0, 'rgba(170, 195, 230, 0.20)');
      gradient.addColorStop(0.5, 'rgba(150, 175, 215, 0.08)');
      gradient.addColorStop(1, 'rgba(150, 175, 215, 0)');
      ctx.fillStyle = gradient;
      ctx.fillRect(0, 0, size, size);
      texture.refresh();
    }
    return key;
  }

  /** The table seen from the player's seat: its far edge, wood grain, and the delegate's papers. */
  private drawTable(w: number, h: number, top: number, figureX: number, scale: number): Phaser.GameObjects.GameObject[] {
    const g = this.add.graphics();
    g.fillStyle(STAGE_COLOURS.table, 1);
    g.fillRect(0, top, w, h - top);
    g.fillStyle(STAGE_COLOURS.tableEdge, 1);
    g.fillRect(0, top, w, 4);
    g.fillStyle(STAGE_COLOURS.tableShadow, 0.35);
    g.fillRect(0, top + 4, w, 6);
    g.lineStyle(1, STAGE_COLOURS.tableShadow, 0.35);
    for (let i = 1; i <= 6; i++) {
      const y = top + ((h - top) * i) / 7 + (i % 2) * 4;
      g.lineBetween(0, y, w, y + (i % 3) - 1);
    }
    // Papers on the table, right of the nameplate and the flag.
    const px = Math.min(figureX + FIGURE_WIDTH * 0.8 * scale, w - 90 * scale);
    const py = top + (h - top) * 0.22;
    const paper = this.add.graphics({ x: px, y: py }).setRotation(0.05).setScale(scale);
    paper.fillStyle(COLOURS.shadow, 0.35);
    paper.fillRect(4, 5, 70, 50);
    paper.fillStyle(0xe8e2d4, 1);
    paper.fillRect(3, -3, 70, 50);
    paper.fillStyle(COLOURS.paper, 1);
    paper.fillRect(0, 0, 70, 50);
    paper.fillStyle(COLOURS.inkLine, 1);
    for (let i = 0; i < 5; i++) paper.fillRect(8, 9 + i * 8, i === 4 ? 30 : 54, 3);
    return [g, paper];
  }

  private drawNameplate(x: number, tableY: number, party: PartyView, colour: number, scale: number): Phaser.GameObjects.GameObject[] {
    const width = Math.min(TABLE.nameplateWidth * Math.max(1, scale / 1.2), FIGURE_WIDTH * 1.3 * scale);
    const height = TABLE.nameplateHeight;
    const top = tableY + Math.round(this.scale.height * 0.02);
    const g = this.add.graphics();
    g.fillStyle(COLOURS.shadow, 0.5);
    g.fillRoundedRect(x - width / 2 + 3, top + 4, width, height, 4);
    g.fillStyle(COLOURS.paper, 1);
    g.fillRoundedRect(x - width / 2, top, width, height, 4);
    g.fillStyle(colour, 1);
    g.fillRect(x - width / 2, top, width, 6);
    const name = this.add
      .text(x, top + 12, party.name, { fontFamily: FONTS.serif, fontSize: `${TABLE.nameSize}px`, color: COLOURS.ink, align: 'center' })
      .setOrigin(0.5, 0);
    for (let size = TABLE.nameSize - 2; name.width > width - 16 && size >= 12; size -= 2) name.setFontSize(size);
    const leader = this.add
      .text(x, name.y + name.height + 2, party.leader, { fontFamily: FONTS.sans, fontSize: `${TABLE.leaderSize}px`, color: COLOURS.numeral, align: 'center' })
      .setOrigin(0.5, 0);
    while (leader.width > width - 16 && leader.text.length > 4) leader.setText(`${leader.text.slice(0, -2)}…`);
    return [g, name, leader];
  }

  /** A small flag on a pole, standing on the table. */
  private drawDeskFlag(x: number, base: number, colour: number, scale: number): Phaser.GameObjects.Graphics {
    const g = this.add.graphics({ x, y: base }).setScale(scale);
    g.fillStyle(0x2c1b10, 0.6);
    g.fillEllipse(0, 2, 26, 8);
    g.fillStyle(0xc9a860, 1);
    g.fillRect(-1.5, -118, 3, 118);
    g.fillCircle(0, -120, 4);
    g.fillStyle(colour, 1);
    g.beginPath();
    g.moveTo(1.5, -114);
    for (let i = 0; i <= 10; i++) g.lineTo(1.5 + i * 6, -114 + Math.sin(i / 3) * 3);
    for (let i = 10; i >= 0; i--) g.lineTo(1.5 + i * 6, -76 + Math.sin(i / 3) * 3);
    g.closePath();
    g.fillPath();
    g.fillStyle(0xffffff, 0.16);
    g.fillRect(1.5, -101, 60, 4);
    return g;
  }

  private moodTexts(): { kicker: Phaser.GameObjects.Text; state: Phaser.GameObjects.Text; trust: Phaser.GameObjects.Text; patience: Phaser.GameObjects.Text } {
    const { x, y, padding } = TABLE.mood;
    const left = x + padding;
    const style = { fontFamily: FONTS.sans, fontSize: `${TABLE.mood.textSize}px`, color: STAGE_COLOURS.muted };
    const kicker = this.add.text(left, y + padding - 2, 'MOOD', { ...style, fontSize: '12px', fontStyle: 'bold', color: STAGE_COLOURS.accent });
    const state = this.add.text(left, kicker.y + kicker.height + 2, '', { ...style, fontSize: `${TABLE.mood.stateSize}px`, color: STAGE_COLOURS.label });
    const trust = this.add.text(left, state.y + state.height + 8, '', style);
    const patience = this.add.text(left, trust.y + TABLE.gaugeGap, '', style);
    return { kicker, state, trust, patience };
  }

  /** Trust and patience as bars with their numbers, under the party's state, on a card. */
  /** Returns the card's area. */
  private drawGauges(g: Phaser.GameObjects.Graphics, t: ReturnType<TableScene['moodTexts']>, m: Mood, p: PartyView): Box {
    t.state.setText(STATE_LABELS[p.state]);
    t.trust.setText(`Trust  ${Math.round(m.trust)}`);
    t.patience.setText(`Patience  ${Math.round(m.patience)}`);
    const { x, y, padding } = TABLE.mood;
    const width = Math.max(TABLE.gaugeWidth, t.state.width);
    const bottom = t.patience.y + t.patience.height + 4 + TABLE.gaugeHeight + padding;
    g.clear();
    g.fillStyle(STAGE_COLOURS.card, 0.88);
    g.fillRoundedRect(x, y, width + 2 * padding, bottom - y, TABLE.mood.radius);
    g.lineStyle(1, STAGE_COLOURS.cardEdge, 1);
    g.strokeRoundedRect(x + 0.5, y + 0.5, width + 2 * padding - 1, bottom - y - 1, TABLE.mood.radius);
    for (const [text, value] of [[t.trust, m.trust], [t.patience, m.patience]] as const) {
      const barY = text.y + text.height + 4;
      g.fillStyle(STAGE_COLOURS.gaugeTrack, 1);
      g.fillRoundedRect(x + padding, barY, width, TABLE.gaugeHeight, TABLE.gaugeHeight / 2);
      const filled = Math.max(TABLE.gaugeHeight, (width * Math.max(0, Math.min(100, value))) / 100);
      g.fillStyle(gaugeColour(value), 1);
      g.fillRoundedRect(x + padding, barY, filled, TABLE.gaugeHeight, TABLE.gaugeHeight / 2);
    }
    return { x, y, width: width + 2 * padding, height: bottom - y };
  }

  /** The last answer on a paper card; a new answer slides in (instantly with reduced motion). */
  private showAnswer(card: Phaser.GameObjects.Container, box: Box, scenario: Scenario, view: PlayerView, party: PartyView, animate: boolean): void {
    const key = party.answer ? `${party.answer.kind}:${party.answer.day}:${party.answer.current}:${view.version}` : 'none';
    if (key === this.answerKey) return;
    this.answerKey = key;
    card.removeAll(true);
    const summary = partyCards(publicScenario(scenario), view).find((c) => c.id === party.id)?.answer ?? null;
    const { padding } = TABLE.card;
    const inner = box.width - 2 * padding;
    const body = { fontFamily: FONTS.sans, fontSize: `${TABLE.card.bodySize}px`, color: COLOURS.ink, wordWrap: { width: inner, useAdvancedWrap: true }, lineSpacing: 2 };
    const parts: Phaser.GameObjects.Text[] = [];
    let y = padding;
    const add = (text: string, style: Phaser.Types.GameObjects.Text.TextStyle, gap = 6): void => {
      const t = this.add.text(padding, y, text, style);
      parts.push(t);
      y += t.height + gap;
    };
    if (!summary) {
      add('THE LAST ANSWER', { fontFamily: FONTS.sans, fontSize: `${TABLE.card.kickerSize}px`, fontStyle: 'bold', color: COLOURS.kicker });
      add('No answer yet', { fontFamily: FONTS.serif, fontSize: `${TABLE.card.headlineSize - 4}px`, color: COLOURS.ink });
      add('Table the text here to hear where this party stands.', { ...body, color: COLOURS.numeral });
    } else {
      const stamp = STAMP[summary.kind];
      add(summary.when.toUpperCase(), { fontFamily: FONTS.sans, fontSize: `${TABLE.card.kickerSize}px`, fontStyle: 'bold', color: COLOURS.kicker, wordWrap: { width: inner } });
      add(stamp.word, { fontFamily: FONTS.serif, fontSize: `${TABLE.card.headlineSize}px`, fontStyle: 'bold', color: stamp.colour }, 2);
      add(summary.headline, { ...body, fontStyle: 'italic' }, 10);
      const lines = [
        ...summary.redLines.slice(0, 2).map((r) => `Red line: ${r}`),
        ...(summary.objections.length > 0 ? [`Objects most to: ${summary.objections.join('; ')}`] : []),
        ...(summary.counter ? [`Would sign with: ${summary.counter.lines.slice(0, 3).join('; ')}${summary.counter.lines.length > 3 ? '…' : ''}`] : []),
        ...(summary.noCounter ? [summary.noCounter] : []),
      ];
      for (const line of lines.slice(0, 4)) add(line, body);
    }
    const height = y + padding - 6;
    const g = this.add.graphics();
    g.fillStyle(COLOURS.shadow, 0.5);
    g.fillRoundedRect(5, 7, box.width, height, TABLE.card.radius);
    g.fillStyle(COLOURS.paper, 1);
    g.fillRoundedRect(0, 0, box.width, height, TABLE.card.radius);
    if (summary) {
      g.fillStyle(Phaser.Display.Color.HexStringToColor(STAMP[summary.kind].colour).color, 1);
      g.fillRect(0, 0, 6, height);
    }
    // One image of the card (Canvas renderer), which the container tilts and slides in.
    const baked = bakeStill(this, [g, ...parts], { x: 0, y: 0, width: box.width + 6, height: height + 8 });
    card.add(baked ? [baked] : ([g, ...parts] as Phaser.GameObjects.GameObject[]));
    card.setPosition(box.x, box.y).setRotation(TABLE.card.tilt);
    if (!animate) return;
    card.setAlpha(0).setY(box.y + 14);
    this.tweens.add({ targets: card, alpha: 1, y: box.y, duration: TABLE.cardInMs, ease: 'Cubic.easeOut' });
  }
}
