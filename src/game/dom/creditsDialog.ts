/** Sources of every scenario (as text: nothing opens by itself) and credits. */
import type { AppController } from '../app/controller.ts';
import { publicScenario } from '../viewModel/publicScenario.ts';
import { CREDITS } from '../viewModel/credits.ts';
import { GENERAL_DISCLAIMER } from '../viewModel/title.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { createDialog, type Dialog } from './dialog.ts';
import { h } from './h.ts';

/**
 * A source's address: a full http(s) address is a link opening in a new tab (without access to
 * this page); anything else, such as a bare domain, stays text.
 */
export function sourceLink(url: string): HTMLElement {
  const parsed = webAddress(url);
  if (!parsed) return h('span', { class: 'url' }, url);
  return h('a', { class: 'url', attrs: { href: parsed.href, target: '_blank', rel: 'noopener noreferrer' } },
    url, h('span', { class: 'visually-hidden' }, ' (opens in a new tab)'));
}

function webAddress(url: string): URL | null {
  if (!/^https?:\/\//i.test(url)) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

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
                src.outlet ? h('span', { class: 'outlet' }, `${src.outlet}: `) : null,
                src.title,
                src.date ? ` (${src.date})` : '',
                src.url ? ' ' : null,
                src.url ? sourceLink(src.url) : null,
              ))),
        );
      }),
      h('h3', null, 'Credits'),
      h('ul', { class: 'plain' }, ...CREDITS.map((c) => h('li', null, h('strong', null, c.what), `: ${c.who}`))),
    ];
  }, { class: 'wide' });
}
