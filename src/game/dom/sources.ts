/**
 * The custom scenario the player loaded, parsed, so the title can offer its starts. The
 * controller keeps the file's text; this keeps the parsed copy for the screens.
 */
import type { AppController } from '../app/controller.ts';
import { loadScenarioText } from '../../scenario/load.ts';
import type { Scenario } from '../../scenario/schema.ts';

export interface ScenarioChoiceSource {
  custom(): Scenario | null;
  remember(file: string, text: string): void;
}

export function customScenarioSource(controller: AppController): ScenarioChoiceSource {
  let parsed: { file: string; scenario: Scenario } | null = null;
  return {
    custom() {
      const state = controller.snapshot();
      if (!state.custom) return null;
      if (parsed && parsed.file === state.custom.file) return parsed.scenario;
      return state.choice?.entry === 'custom' ? state.choice.scenario : null;
    },
    remember(file, text) {
      const loaded = loadScenarioText(text, file);
      parsed = loaded.ok ? { file, scenario: loaded.scenario } : null;
    },
  };
}
