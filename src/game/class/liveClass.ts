/**
 * The live class in the page: which class screen is up (set-up, teacher console, class
 * debrief, join, waiting room), the connection to the server, and the hand-over to the
 * ordinary play screens once a student's seat is live (the app controller then plays a remote
 * game: commands go to the server, views come back from it).
 */
import './live.css';
import type { AppController, RemoteGame } from '../app/controller.ts';
import type { Command, SeatCommand } from '../../engine/commands.ts';
import type { MediatorSeatView } from '../../engine/seatView.ts';
import type { PlayerView } from '../../engine/view.ts';
import type { ClassDebrief } from '../../server/classDebrief.ts';
import type { ClassSetup, ClassState, SeatMessage, StudentState, TableStatus } from '../../server/protocol.ts';
import { codeSchema, nameSchema } from '../../server/protocol.ts';
import type { ScreenDeps, ScreenView } from '../dom/screen.ts';
import { h, rerender } from '../dom/h.ts';
import { consoleParts, debriefView, joinView, newConsoleForm, setupView, waitView } from './classScreen.ts';
import { ACTIVE_KEY } from './remembered.ts';
import { StudentLink, TeacherLink, type KeyValue, type LinkStatus } from './link.ts';
import { partySeatScreen, type PartySeatScreen } from '../seats/partySeat.ts';
import type { SendOutcome } from '../seats/seatDeps.ts';
import { publicScenario } from '../viewModel/publicScenario.ts';
import { partyClassParts } from './classScreen.ts';

export type LiveMode = 'setup' | 'teacher' | 'debrief' | 'join' | 'wait' | 'party';

export interface LiveOptions {
  base: string;
  /** localStorage (the teacher's secret outlives the tab). */
  store: KeyValue | undefined;
  /** sessionStorage (a student's seat is this tab's). */
  session: KeyValue | undefined;
  newSeed(): number;
}

export class LiveClass {
  mode: LiveMode = 'join';
  private teacher: TeacherLink | null = null;
  private student: StudentLink | null = null;
  state: ClassState | null = null;
  debrief: ClassDebrief | null = null;
  you: StudentState | null = null;
  seat: SeatMessage | null = null;
  status: LinkStatus = 'connecting';
  notices: string[] = [];
  /** Why the party seat's last command was refused (null after the next view). */
  partyRefusal: string | null = null;
  joinCode = '';
  joinName = '';
  joinError: string | null = null;
  busy = false;
  private readonly listeners = new Set<() => void>();
  private readonly seatListeners = new Set<(view: PlayerView, refusal: string | null) => void>();
  private playing = false;

  constructor(private readonly controller: AppController, readonly options: LiveOptions) {}

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }

  /** What the page opens on: a join link, a student's seat in this tab, or the teacher's console. */
  restore(search: string): boolean {
    const params = new URLSearchParams(search);
    const saved = StudentLink.savedIn(this.options.session);
    if (saved) {
      this.startStudent(saved.code, saved.name, saved);
      return true;
    }
    if (params.has('join')) {
      const code = codeSchema.safeParse(params.get('join') ?? '');
      this.joinCode = code.success ? code.data : '';
      this.open('join');
      return true;
    }
    const teacher = TeacherLink.savedIn(this.options.store);
    let active: boolean;
    try {
      active = this.options.session?.getItem(ACTIVE_KEY) === teacher?.classId;
    } catch {
      active = false;
    }
    if (teacher && active) {
      this.connectTeacher();
      return true;
    }
    return false;
  }

  open(mode: LiveMode): void {
    this.mode = mode;
    this.controller.openLive();
    this.changed();
  }

  /** The title's "Continue the class I am teaching" when a teacher's class is remembered. */
  rememberedClass(): string | null {
    return TeacherLink.savedIn(this.options.store)?.code ?? null;
  }

  // ---- teacher --------------------------------------------------------------------------

  async create(setup: ClassSetup): Promise<string | null> {
    const r = await TeacherLink.create(this.options.base, setup, this.options.store);
    if (!r.ok) return r.error;
    this.connectTeacher();
    return null;
  }

  connectTeacher(): void {
    const saved = TeacherLink.savedIn(this.options.store);
    if (!saved) return;
    try {
      this.options.session?.setItem(ACTIVE_KEY, saved.classId);
    } catch {
      // A reload then shows the title, with "Continue the class".
    }
    this.teacher?.close();
    this.debrief = null;
    this.teacher = new TeacherLink(this.options.base, saved, {
      state: (s) => {
        this.state = s;
        this.changed();
      },
      debrief: (d) => {
        this.debrief = d;
        this.changed();
      },
      refused: (reason) => {
        this.notices = [...this.notices.slice(-4), reason];
        this.changed();
      },
      status: (s) => {
        this.status = s;
        this.changed();
      },
    });
    void this.teacher.connect();
    this.open('teacher');
  }

  teacherSend(type: string, message: unknown): void {
    if (!this.teacher?.send(type, message)) {
      this.notices = [...this.notices.slice(-4), 'Not connected: try again in a moment.'];
      this.changed();
    }
  }

  showDebrief(): void {
    this.debrief = null;
    this.teacherSend('teacher.debrief', {});
    this.open('debrief');
  }

  leaveConsole(): void {
    this.teacher?.close();
    this.teacher = null;
    this.state = null;
    try {
      this.options.session?.removeItem(ACTIVE_KEY);
    } catch {
      // nothing to forget
    }
    this.controller.toTitle();
  }

  // ---- student --------------------------------------------------------------------------

  async join(code: string, name: string): Promise<void> {
    this.joinCode = code;
    this.joinName = name;
    const c = codeSchema.safeParse(code);
    const n = nameSchema.safeParse(name);
    if (!c.success) this.joinError = 'A class code is six letters and digits.';
    else if (!n.success) this.joinError = n.error.issues[0]?.message === 'a name is needed' ? 'Type your name.' : `A name is at most 32 characters.`;
    else this.joinError = null;
    if (this.joinError) return this.changed();
    this.busy = true;
    this.changed();
    const look = await StudentLink.lookUp(this.options.base, c.data!);
    this.busy = false;
    if (!look.ok) {
      this.joinError = look.error;
      return this.changed();
    }
    this.startStudent(c.data!, n.data!, { code: c.data!, classId: look.classId, name: n.data!, token: null, tableId: null, pass: null, reconnect: null });
  }

  private startStudent(code: string, name: string, saved: NonNullable<ReturnType<typeof StudentLink.savedIn>>): void {
    this.student?.leave();
    this.joinCode = code;
    this.joinName = name;
    this.joinError = null;
    this.student = new StudentLink(this.options.base, saved, this.options.session, {
      you: (y) => {
        this.you = y;
        this.changed();
      },
      view: (m) => this.onSeat(m),
      refused: (reason) => {
        if (this.seat?.view.kind === 'party') {
          this.partyRefusal = reason;
          return this.changed();
        }
        if (this.seat) for (const l of this.seatListeners) l(this.seat.view as MediatorSeatView, reason);
        if (!this.playing) {
          this.joinError = reason;
          this.changed();
        }
      },
      status: (s, why) => {
        this.status = s;
        if (why) this.joinError = why;
        this.changed();
      },
    });
    void this.student.connect();
    this.open('wait');
  }

  private onSeat(m: SeatMessage): void {
    const before = this.seat?.view.kind;
    this.seat = m;
    if (m.view.kind === 'party') {
      // A party's seat is played on the class screen (role sheet, requests, statements).
      this.partyRefusal = null;
      if (this.playing && before !== 'party') this.remoteLeft();
      this.playing = true;
      if (this.mode !== 'party') this.open('party');
      else this.changed();
      return;
    }
    if (!this.playing || before === 'party') {
      this.playing = true;
      this.controller.playRemote(this.remoteGame(), m.view as MediatorSeatView);
    }
    for (const l of this.seatListeners) l(m.view as MediatorSeatView, null);
    this.changed();
  }

  private remoteLeft(): void {
    this.seatListeners.clear();
  }

  /** Send a command for this student's party seat: accepted (the new view has come) or refused, and why. */
  sendParty(command: SeatCommand): Promise<SendOutcome> {
    return this.student?.command(command) ?? Promise.resolve({ ok: false, reason: 'not connected to the class: reconnecting…' });
  }

  /** End this student's party day; a refusal shows on the class screen. */
  endPartyDay(): void {
    void this.sendParty({ type: 'day.end' }).then((r) => {
      this.partyRefusal = r.ok ? null : r.reason;
      this.changed();
    });
  }

  private remoteGame(): RemoteGame {
    const y = this.you!;
    return {
      scenarioId: y.game.scenario,
      start: y.game.start,
      seed: y.game.seed,
      difficulty: y.game.difficulty,
      send: (command: Command) => this.student?.send(command) ?? false,
      subscribe: (listener) => {
        this.seatListeners.add(listener);
        return () => this.seatListeners.delete(listener);
      },
      leave: () => {
        this.playing = false;
        this.seatListeners.clear();
      },
    };
  }

  /** The table's clock and the lesson's state, for the bar over the play screen. */
  tableStatus(): TableStatus | null {
    return this.playing ? this.seat?.status ?? null : null;
  }

  chooseSeat(table: number, seat: string): void {
    this.student?.chooseSeat(table, seat);
  }

  leaveClass(): void {
    this.student?.leave();
    this.student = null;
    this.you = null;
    this.seat = null;
    this.playing = false;
    this.controller.toTitle();
  }

  joinUrl(code: string): string {
    return `${this.options.base}/?join=${encodeURIComponent(code)}`;
  }
}

/** The live-class screen (every mode but play, which is the ordinary play screen). */
export function liveScreen(deps: ScreenDeps, live: LiveClass): ScreenView {
  const content = h('div', { class: 'screen-content' });
  let mode: LiveMode | null = null;
  let setup: HTMLElement | null = null;
  const el = h('main', { class: 'panel live-screen', attrs: { 'aria-labelledby': 'class-heading' } }, content);
  const form = newConsoleForm();
  const boxes = {
    head: h('div'),
    controls: h('div', { class: 'console-controls' }),
    tables: h('section', { class: 'tables', attrs: { 'aria-labelledby': 'tables-h' } }),
    students: h('section', { class: 'students', attrs: { 'aria-labelledby': 'students-h' } }),
  };
  const keys = { controls: '', students: '' };
  /** A party's seat: the same component as on one device, made once per scenario and seat. */
  let party: { key: string; screen: PartySeatScreen; head: HTMLElement; foot: HTMLElement } | null = null;
  const render = () => {
    const first = mode !== live.mode;
    mode = live.mode;
    el.dataset.mode = live.mode;
    if (live.mode !== 'party') party = null;
    el.setAttribute('aria-labelledby', 'class-heading');
    if (live.mode === 'setup') {
      setup ??= setupView({
        catalogue: deps.controller.catalogue,
        newSeed: live.options.newSeed,
        create: (s) => live.create(s),
        back: () => deps.controller.toTitle(),
      });
      if (first) rerender(content, [setup]);
    } else if (live.mode === 'teacher') {
      const parts = consoleParts({ state: live.state, status: live.status, notices: live.notices, debriefReady: live.debrief !== null }, {
        joinUrl: (code) => live.joinUrl(code),
        send: (type, message) => live.teacherSend(type, message),
        showDebrief: () => live.showDebrief(),
        leave: () => live.leaveConsole(),
      }, form);
      if (!parts) {
        rerender(content, [h('h1', { id: 'class-heading', class: 'title', attrs: { tabindex: -1 } }, 'Teacher console'), h('p', { attrs: { role: 'status' } }, 'Connecting…')]);
        keys.controls = keys.students = '';
      } else {
        if (first || !content.contains(boxes.head)) {
          rerender(content, [boxes.head, boxes.controls, boxes.tables, boxes.students]);
          keys.controls = keys.students = '';
        }
        rerender(boxes.head, parts.head, el);
        if (parts.controlsKey !== keys.controls) rerender(boxes.controls, parts.controls, el);
        keys.controls = parts.controlsKey;
        rerender(boxes.tables, parts.tables, el);
        if (parts.studentsKey !== keys.students) rerender(boxes.students, parts.students, el);
        keys.students = parts.studentsKey;
      }
    } else if (live.mode === 'debrief') {
      rerender(content, debriefView(live.debrief, () => live.open('teacher'), () => live.showDebrief()), el);
    } else if (live.mode === 'join') {
      rerender(content, joinView({
        code: live.joinCode, name: live.joinName, error: live.joinError, busy: live.busy,
        join: (code, name) => void live.join(code, name),
        back: () => deps.controller.toTitle(),
      }));
    } else if (live.mode === 'party' && live.seat?.view.kind === 'party') {
      const view = live.seat.view;
      const key = `${view.scenario.id}|${view.seat}`;
      if (party?.key !== key) {
        const loaded = deps.controller.catalogue.find((e) => e.id === view.scenario.id)?.load();
        if (!loaded?.ok) {
          party = null;
          rerender(content, [h('h1', { id: 'class-heading', class: 'title', attrs: { tabindex: -1 } }, 'Live class'), h('p', { attrs: { role: 'alert' } }, `This page does not have the scenario “${view.scenario.title}”: reload the page.`)]);
          return;
        }
        const screen = partySeatScreen(publicScenario(loaded.scenario), { send: (c) => live.sendParty(c) }, { embedded: true });
        party = { key, screen, head: h('div', { class: 'class-seat-head' }), foot: h('div', { class: 'class-seat-foot' }) };
        rerender(content, [party.head, screen.el, party.foot]);
      }
      const parts = partyClassParts({ seat: live.seat, refusal: live.partyRefusal, leave: () => live.leaveClass() });
      rerender(party.head, parts.head, el);
      rerender(party.foot, parts.foot, el);
      party.screen.update(view, view.outcome ? null : {
        label: view.ended ? 'Day ended: waiting for the others' : 'End the day',
        blocked: view.ended ? parts.waiting : view.requests.some((r) => r.party === view.party) ? 'Answer the request waiting for you first.' : null,
        onDone: () => live.endPartyDay(),
      });
      el.setAttribute('aria-labelledby', 'seat-heading');
      if (first) party.screen.focusStart();
    } else {
      rerender(content, waitView({ you: live.you, status: live.status, message: live.joinError, choose: (t, s) => live.chooseSeat(t, s), leave: () => live.leaveClass() }));
    }
    if (first) el.querySelector<HTMLElement>('#class-heading')?.focus();
  };
  const unsubscribe = live.subscribe(render);
  render();
  return {
    el: h('div', { class: 'screen' }, el),
    update: render,
    focusStart: () => el.querySelector<HTMLElement>('#class-heading')?.focus(),
    destroy: unsubscribe,
  };
}

/**
 * A line over the play screen while a student plays a class seat: the teacher's pause, the
 * day's clock, the end of the lesson, a lost connection. Announced politely when it changes.
 */
export function mountClassBar(live: LiveClass, parent: HTMLElement): () => void {
  const message = h('span', { attrs: { role: 'status' } });
  // The clock ticks visibly but is not read out every second.
  const clock = h('span', { attrs: { 'aria-hidden': 'true' } });
  const bar = h('div', { class: 'class-status-bar', attrs: { hidden: true } }, message, clock);
  parent.append(bar);
  let received = Date.now();
  const render = () => {
    const s = live.tableStatus();
    if (!s) {
      bar.hidden = true;
      document.body.removeAttribute('data-class-bar');
      return;
    }
    const left = s.dayLeftMs === null ? null : Math.max(0, Math.ceil((s.dayLeftMs - (Date.now() - received)) / 1000));
    const text = live.status === 'reconnecting' ? 'Connection lost: reconnecting…'
      : s.ended ? 'The teacher has ended the lesson.'
      : s.paused ? 'The teacher has paused the class.'
      : waitingLine(live.seat);
    bar.classList.toggle('paused', s.paused || s.ended || live.status === 'reconnecting');
    if (message.textContent !== text) message.textContent = text;
    clock.textContent = left !== null && !s.paused && !s.ended ? ` · the day ends in ${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}` : '';
    // With nothing to say beyond "Live class" (the screen's own heading says it) the bar stays away.
    bar.hidden = text === IDLE && clock.textContent === '';
    document.body.toggleAttribute('data-class-bar', !bar.hidden);
  };
  const unsubscribe = live.subscribe(() => {
    received = Date.now();
    render();
  });
  const timer = setInterval(render, 1000);
  render();
  return () => {
    unsubscribe();
    clearInterval(timer);
    bar.remove();
    document.body.removeAttribute('data-class-bar');
  };
}

const IDLE = 'Live class';

/** What the mediator's seat is waiting for: answers from the students in party seats, or the end of their day. */
function waitingLine(m: SeatMessage | null): string {
  const v = m?.view;
  if (!m || !v || v.kind === 'party' || v.outcome) return IDLE;
  const name = (id: string) => {
    const seat = m.seats.find((s) => s.id === id);
    return seat ? `${seat.name}${seat.holder && !seat.machine ? ` (${seat.holder})` : ''}` : id;
  };
  const answers = [...new Set(v.requests.map((r) => r.party))].map(name);
  if (answers.length > 0) return `Live class · waiting for ${answers.join(', ')} to answer`;
  if (v.ended) return `Live class · you have ended the day; waiting for ${v.waitingFor.map(name).join(', ') || 'the others'}`;
  return IDLE;
}
