/**
 * Reading result files: one student's (its debrief) or a whole class's (the class summary).
 * Each file's log is replayed, which for a long hostile log is seconds of work, so the page runs
 * this in a Web Worker under a time budget (offThread.ts). Results are plain data, fit to cross
 * from the worker. Scenario ids resolve only against the scenarios the page passes in (the shipped
 * ones and the player's own file), never a path.
 */
import type { Scenario } from '../../scenario/schema.ts';
import { buildDebrief, type Debrief } from '../../debrief/debrief.ts';
import { summarizeClass, type ClassFile, type ClassSummary } from '../../debrief/classResults.ts';
import { importResult } from '../../debrief/resultFile.ts';

export type ResultCheck = { ok: true; debrief: Debrief; scenario: Scenario } | { ok: false; message: string };

/** The first scenario of that id among those available, in order of preference. */
function resolver(available: readonly Scenario[]): (id: string) => Scenario | null {
  return (id) => available.find((s) => s.id === id) ?? null;
}

/** `work`: the analyser's work budget (its default when not given). */
export function checkResultFile(text: string, available: readonly Scenario[], work?: number): ResultCheck {
  const imported = importResult(text, resolver(available));
  if (!imported.ok) return { ok: false, message: imported.message };
  const debrief = buildDebrief(imported.game, work);
  const scenario = imported.game.scenario;
  imported.game.stop();
  return { ok: true, debrief, scenario };
}

export function checkClassFiles(files: readonly ClassFile[], available: readonly Scenario[], work?: number): ClassSummary {
  return summarizeClass(files, resolver(available), work);
}
