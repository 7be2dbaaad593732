/**
 * Settings: sound volumes, mute, captions, motion and text size. Every change applies at once
 * and is remembered in this browser (the store writes it); there is nothing to confirm.
 */
import { systemPrefersReducedMotion } from '../settings/motion.ts';
import type { Settings } from '../settings/settings.ts';
import type { SettingsStore } from '../settings/store.ts';
import { createDialog, type Dialog } from './dialog.ts';
import { button, h, uid } from './h.ts';

type Volume = 'master' | 'effects' | 'ambience';

const VOLUMES: { key: Volume; label: string; hint: string }[] = [
  { key: 'master', label: 'Master volume', hint: 'Every sound.' },
  { key: 'effects', label: 'Effects volume', hint: 'Clicks, answers, news and the signing.' },
  { key: 'ambience', label: 'Ambience volume', hint: 'The room behind the map and the table.' },
];

const MOTION: { value: Settings['motion']; label: string; hint: (systemReduced: boolean) => string }[] = [
  { value: 'system', label: 'Follow the system', hint: (reduced) => `Your system asks for ${reduced ? 'reduced' : 'full'} motion.` },
  { value: 'reduced', label: 'Reduced', hint: () => 'Envoys jump to their places; no sliding, fading or glowing.' },
  { value: 'full', label: 'Full', hint: () => 'Every animation, whatever the system asks.' },
];

const TEXT: { value: Settings['textSize']; label: string }[] = [
  { value: 'normal', label: 'Normal' },
  { value: 'large', label: 'Large' },
  { value: 'larger', label: 'Larger' },
];

const percent = (x: number) => `${Math.round(x * 100)}%`;

function slider(settings: SettingsStore, v: (typeof VOLUMES)[number]): HTMLElement {
  const id = uid('vol');
  const value = settings.get()[v.key];
  const shown = h('span', { class: 'setting-value', attrs: { 'aria-hidden': 'true' } }, percent(value));
  const input = h('input', {
    id,
    attrs: { type: 'range', min: 0, max: 100, step: 5, value: Math.round(value * 100), 'aria-valuetext': percent(value), 'aria-describedby': `${id}-hint`, 'data-setting': v.key },
  });
  input.addEventListener('input', () => {
    const next = Number(input.value) / 100;
    shown.textContent = percent(next);
    input.setAttribute('aria-valuetext', percent(next));
    settings.set({ [v.key]: next });
  });
  return h('div', { class: 'setting-slider' },
    h('label', { attrs: { for: id } }, v.label),
    input,
    shown,
    h('p', { id: `${id}-hint`, class: 'hint setting-hint' }, v.hint),
  );
}

function checkbox(settings: SettingsStore, key: 'muted' | 'captions', label: string, hint: string): HTMLElement {
  const id = uid('chk');
  const input = h('input', { id, attrs: { type: 'checkbox', 'aria-describedby': `${id}-hint`, 'data-setting': key } });
  input.checked = settings.get()[key];
  input.addEventListener('change', () => settings.set({ [key]: input.checked }));
  return h('div', { class: 'choice' },
    input,
    h('label', { class: 'choice-title', attrs: { for: id } }, label),
    h('p', { id: `${id}-hint`, class: 'choice-desc' }, hint),
  );
}

function radios<K extends 'motion' | 'textSize'>(settings: SettingsStore, key: K, legend: string, options: { value: Settings[K]; label: string; hint?: string }[]): HTMLElement {
  const name = uid(key);
  const set = h('fieldset', { class: 'choices' }, h('legend', null, legend));
  for (const o of options) {
    const id = uid(key);
    const input = h('input', { id, attrs: { type: 'radio', name, value: o.value, 'aria-describedby': o.hint ? `${id}-hint` : null } });
    input.checked = settings.get()[key] === o.value;
    input.addEventListener('change', () => {
      if (input.checked) settings.set({ [key]: o.value } as Partial<Settings>);
    });
    set.append(h('div', { class: 'choice' },
      input,
      h('label', { class: 'choice-title', attrs: { for: id } }, o.label),
      o.hint ? h('p', { id: `${id}-hint`, class: 'choice-desc' }, o.hint) : null,
    ));
  }
  return set;
}

export function settingsDialog(settings: SettingsStore): Dialog {
  return createDialog('Settings', (close) => {
    const systemReduced = systemPrefersReducedMotion();
    return [
      h('div', { class: 'settings-grid' },
        h('fieldset', { class: 'choices settings-sound' },
          h('legend', null, 'Sound'),
          ...VOLUMES.map((v) => slider(settings, v)),
          checkbox(settings, 'muted', 'Mute all sound', 'Silence without losing the volumes above.'),
          checkbox(settings, 'captions', 'Show captions for sounds', 'A line at the bottom of the map says what a meaningful sound means, for about three seconds.'),
        ),
        h('div', { class: 'settings-look' },
          radios(settings, 'motion', 'Motion', MOTION.map((m) => ({ value: m.value, label: m.label, hint: m.hint(systemReduced) }))),
          radios(settings, 'textSize', 'Text size', TEXT),
        ),
      ),
      h('div', { class: 'actions-row settings-foot' },
        h('p', { class: 'hint' }, 'Changes apply at once and are remembered in this browser.'),
        button('Done', close, { class: 'primary' }),
      ),
    ];
  }, { class: 'wide settings' });
}
