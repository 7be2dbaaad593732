/** Sources of every scenario (as text: nothing opens by itself) and credits. */
import type { AppController } from '../app/controller.ts';
import { publicScenario } from '../viewModel/publicScenario.ts';
import { CREDITS } from '../viewModel/credits.ts';
import { GENERAL_DISCLAIMER } from '../viewModel/title.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { createDialog, type Dialog } from './dialog.ts';
import { h } from './h.ts';

export function creditsDialog(controller: AppController, custom: () => Scenario | null): Dialog {
  return createDialog('Sources and credits', () => {
    const scenarios: Scenario[] = [];
    for (const e of controller.catalogue) {
      const loaded = e.load();
      if (loaded.ok) scenarios.push(loaded.scenario);
    }
    const mine = custom();
    if (mine) scenarios.push(mine);
    return [
      h('p', { class: 'disclaimer' }, GENERAL_DISCLAIMER),
      ...scenarios.map((s) => {
        const pub = publicScenario(s);
        return h('section', { class: 'sources' },
          h('h3', null, pub.title),
          h('p', { class: 'hint' }, pub.disclaimer),
          pub.sources.length === 0
            ? h('p', null, 'No sources listed.')
            : h('ol', { class: 'source-list' }, ...pub.sources.map((src) => h('li', null,
                src.title,
                src.date ? ` (${src.date})` : '',
                src.url ? h('span', { class: 'url' }, ` ${src.url}`) : null,
              ))),
        );
      }),
      h('h3', null, 'Credits'),
      h('ul', { class: 'plain' }, ...CREDITS.map((c) => h('li', null, h('strong', null, c.what), `: ${c.who}`))),
    ];
  }, { class: 'wide' });
}
