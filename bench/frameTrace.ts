/**
 * Main-thread work per frame from a Chromium trace: the thread time (CPU time on the renderer's
 * main thread, `tdur`) of each frame's animation-frame callbacks: Phaser's step, and the test
 * driver's own polling when it waits on the page (a few hundredths of a millisecond, counted
 * against the game, never the bare page). Unlike the page's own clock (pre-step to post-render),
 * it leaves out the time the thread waited for a core, which on a loaded machine sets the
 * wall-clock p95 of both pages.
 */
import type { Browser, Page } from '@playwright/test';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
}

/** Marks the page sets around the stretches to count (performance.mark), e.g. a journey. */
export const FROM_MARK = 'accord-bench-from';
export const TO_MARK = 'accord-bench-to';

/** One frame's animation-frame callbacks, all of them (Chromium's trace event). */
const CALLBACKS = 'FrameRequestCallbackCollection::ExecuteFrameCallbacks';

/**
 * Run `during` with the page traced; the thread milliseconds of every animation frame that started
 * between a FROM_MARK and the next TO_MARK (all of them when the page sets no marks).
 */
export async function frameThreadTimes(browser: Browser, page: Page, during: () => Promise<void>): Promise<number[]> {
  await browser.startTracing(page, { categories: ['blink', 'blink.user_timing'] });
  await during();
  const events = (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  const frames = events.filter((e) => e.name === CALLBACKS && e.ph === 'X' && e.tdur !== undefined);
  const first = frames[0];
  if (!first) return [];
  const mine = frames.filter((e) => e.pid === first.pid && e.tid === first.tid);
  const marks = events.filter((e) => (e.name === FROM_MARK || e.name === TO_MARK) && e.pid === first.pid).sort((a, b) => a.ts - b.ts);
  const spans: [number, number][] = [];
  let from: number | null = null;
  for (const m of marks) {
    if (m.name === FROM_MARK) from = m.ts;
    else if (from !== null) {
      spans.push([from, m.ts]);
      from = null;
    }
  }
  const counted = marks.length === 0 ? mine : mine.filter((e) => spans.some(([a, b]) => e.ts >= a && e.ts <= b));
  return counted.map((e) => e.tdur! / 1000);
}
