/**
 * The custom scenario the player loaded, as the controller parsed it, so the title can offer its
 * starts.
 */
import type { AppController } from '../app/controller.ts';
import type { Scenario } from '../../scenario/schema.ts';

export interface ScenarioChoiceSource {
  custom(): Scenario | null;
}

export function customScenarioSource(controller: AppController): ScenarioChoiceSource {
  return {
    custom() {
      const state = controller.snapshot();
      if (!state.custom) return null;
      return controller.customScenario() ?? (state.choice?.entry === 'custom' ? state.choice.scenario : null);
    },
  };
}
