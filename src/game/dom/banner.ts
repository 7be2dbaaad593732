import type { Banner } from '../app/controller.ts';
import { button, h } from './h.ts';

/** A message about a bad link or a damaged save: says what happened; the page stays usable. */
export function bannerView(banner: Banner | null, dismiss: () => void): HTMLElement | null {
  if (!banner) return null;
  return h('div', { class: `banner banner-${banner.kind}`, attrs: { role: banner.kind === 'error' ? 'alert' : 'status' } },
    h('p', { class: 'banner-title' }, banner.title),
    banner.lines.length > 0 ? h('ul', null, ...banner.lines.map((l) => h('li', null, l))) : null,
    button('Dismiss', dismiss, { key: 'dismiss-banner', class: 'quiet' }),
  );
}
