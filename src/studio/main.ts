/**
 * The studio: a scenario's YAML in a code editor beside a live panel that re-checks it as you
 * type (in a Web Worker): problems underlined at their line, lint warnings, whether a deal is
 * possible (the best deal, or why none exists), bot deal rates per start; open, save, start
 * from a template or a shipped scenario, and play the text in the game. Its own page
 * (studio.html), so the game's title screen never downloads it.
 */
import './studio.css';
import { EditorState } from '@codemirror/state';
import { EditorView, hoverTooltip, keymap, lineNumbers, highlightActiveLine } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { tags } from '@lezer/highlight';
import { yaml } from '@codemirror/lang-yaml';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { autocompletion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import schemaJson from '../../scenarios/scenario.schema.json';
import { button, h } from '../game/dom/h.ts';
import { keyHelp, keysAt, valuesFor, type SchemaNode } from './schemaHelp.ts';
import { TEMPLATE } from './template.ts';
import type { BotRates, CheckResult, Mark } from './check.ts';
import { analysisWork } from '../game/analysisWork.ts';
import type { CheckRequest } from './worker.ts';

const schema = schemaJson as SchemaNode;

/** Colours for YAML on the studio's dark editor (all above 4.5:1 against its background). */
const darkYaml = HighlightStyle.define([
  { tag: [tags.propertyName, tags.definition(tags.propertyName)], color: '#8cc8ff' },
  { tag: [tags.string, tags.special(tags.string)], color: '#eef2f8' },
  { tag: [tags.number, tags.bool, tags.null], color: '#f3d98b' },
  { tag: tags.comment, color: '#9fb0c8', fontStyle: 'italic' },
  { tag: [tags.punctuation, tags.separator, tags.squareBracket, tags.brace], color: '#b8c4d6' },
  { tag: [tags.keyword, tags.meta, tags.labelName], color: '#e0bd6a' },
]);
const DRAFT_KEY = 'accord.studio.draft';
/** Where "Play from here" leaves the text for the game page (see src/main.ts). */
export const PLAY_KEY = 'accord.studio.play';
const GAMES_PER_BOT = 10;
const DEBOUNCE_MS = 350;

const shipped = import.meta.glob('../../scenarios/*/scenario.yaml', { query: '?raw', import: 'default' }) as Record<string, () => Promise<string>>;
const shippedIds = Object.keys(shipped).map((p) => p.split('/').at(-2)!).sort((a, b) => (a === 'tutorial' ? -1 : b === 'tutorial' ? 1 : a.localeCompare(b)));

function local(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const root = document.getElementById('studio')!;
root.replaceChildren();
let fileName = 'my-scenario.yaml';
let fileHandle: FileSystemFileHandle | null = null;

// ---- Editor -------------------------------------------------------------------------------

function complete(context: CompletionContext): CompletionResult | null {
  const line = context.state.doc.lineAt(context.pos);
  const before = line.text.slice(0, context.pos - line.from);
  const lines = context.state.doc.toString().split('\n');
  const value = /^(\s*(?:-\s+)?)([A-Za-z_][\w-]*):\s*([\w-]*)$/.exec(before);
  if (value) {
    const column = value[1]!.length;
    const options = valuesFor(schema, lines, line.number - 1, value[2]!, column);
    if (options.length === 0) return null;
    return { from: context.pos - value[3]!.length, options: options.map((v) => ({ label: v, type: 'enum' })) };
  }
  const key = /^(\s*(?:-\s+)?)([\w-]*)$/.exec(before);
  if (!key || (!context.explicit && key[2] === '')) return null;
  const keys = keysAt(schema, lines, line.number - 1, key[1]!.length);
  if (keys.length === 0) return null;
  return {
    from: context.pos - key[2]!.length,
    options: keys.map((k) => ({ label: k.key, apply: `${k.key}: `, detail: k.required ? `${k.detail} (required)` : k.detail, info: k.info, type: 'property' })),
    validFor: /^[\w-]*$/,
  };
}

const hover = hoverTooltip((view, pos) => {
  const line = view.state.doc.lineAt(pos);
  const help = keyHelp(schema, view.state.doc.toString().split('\n'), line.number - 1);
  if (!help) return null;
  const start = line.text.indexOf(help.key);
  if (start < 0 || pos < line.from + start || pos > line.from + start + help.key.length) return null;
  return {
    pos: line.from + start,
    end: line.from + start + help.key.length,
    above: true,
    create: () => ({ dom: h('div', { class: 'schema-help' }, h('strong', null, help.key), ' ', help.text) }),
  };
});

/**
 * The editor's look, as a CodeMirror theme: CodeMirror injects its styles itself, and inside a
 * shadow root it does so as a constructed style sheet, which the page's strict
 * Content-Security-Policy (no inline style) allows; in the document it would use a <style> tag.
 */
const studioTheme = EditorView.theme({
  '&': { height: '100%', background: '#0b1524', color: 'var(--text)', fontSize: '14px' },
  '&.cm-focused': { outline: '3px solid var(--focus)', outlineOffset: '-3px' },
  '.cm-scroller': { fontFamily: 'ui-monospace, "Cascadia Mono", "DejaVu Sans Mono", Menlo, monospace' },
  '.cm-gutters': { background: '#0d192b', color: '#7f8ea6', borderRight: '1px solid var(--border)' },
  '.cm-activeLine': { background: 'rgb(255 255 255 / 0.04)' },
  '.cm-activeLineGutter': { background: 'rgb(255 255 255 / 0.06)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--focus)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { background: '#2b4a77' },
  '.cm-tooltip': { background: 'var(--panel-2)', color: 'var(--text)', border: '1px solid var(--border)', maxWidth: '420px' },
  '.cm-tooltip-autocomplete ul li[aria-selected]': { background: 'var(--button-hover)', color: 'var(--text)' },
  '.cm-completionInfo': { padding: '6px 8px' },
  '.cm-diagnostic-error': { borderLeftColor: 'var(--bad)' },
  '.cm-diagnostic-warning': { borderLeftColor: 'var(--warn)' },
  '.schema-help': { padding: '6px 8px' },
}, { dark: true });

const initial = local()?.getItem(DRAFT_KEY) ?? null;
const editorHost = h('div', { class: 'editor', attrs: { 'aria-label': 'Scenario text' } });
const editorRoot = h('div', { class: 'editor-root' });
editorRoot.style.height = '100%';
editorHost.attachShadow({ mode: 'open' }).append(editorRoot);
const view = new EditorView({
  parent: editorRoot,
  state: EditorState.create({
    doc: initial ?? '',
    extensions: [
      lineNumbers(),
      highlightActiveLine(),
      history(),
      keymap.of([...defaultKeymap, ...historyKeymap]),
      studioTheme,
      syntaxHighlighting(darkYaml),
      yaml(),
      lintGutter(),
      autocompletion({ override: [complete] }),
      hover,
      EditorView.contentAttributes.of({ 'aria-label': 'Scenario YAML' }),
      EditorView.updateListener.of((u) => {
        if (u.docChanged) scheduleCheck();
      }),
    ],
  }),
});

// ---- Panel --------------------------------------------------------------------------------

const status = h('p', { class: 'status', attrs: { role: 'status' } }, 'Checking…');
const problemsList = h('ul', { class: 'marks', attrs: { 'aria-label': 'Problems and warnings' } });
const problemsHeading = h('h2', null, 'Problems');
const feasibility = h('div', { class: 'feasibility', attrs: { 'aria-live': 'polite' } });
const ratesBody = h('tbody');
const rates = h('table', { class: 'rates' },
  h('caption', null, `Bot deal rates (${GAMES_PER_BOT} games each)`),
  h('thead', null, h('tr', null, h('th', { attrs: { scope: 'col' } }, 'Start'), h('th', { attrs: { scope: 'col' } }, 'mediator'), h('th', { attrs: { scope: 'col' } }, 'oracle'))),
  ratesBody,
);
const startSelect = h('select', { id: 'play-start', attrs: { 'aria-label': 'Start to play' } });
const playButton = button('Play from here', () => play(), { class: 'primary' });

const panel = h('section', { class: 'panel', attrs: { 'aria-label': 'Checks' } },
  status,
  problemsHeading,
  problemsList,
  h('h2', null, 'Can it be won?'),
  feasibility,
  rates,
  h('div', { class: 'play' }, h('label', { attrs: { for: 'play-start' } }, 'Start'), startSelect, playButton),
);
const playRow = panel.lastElementChild as HTMLElement;

// ---- Toolbar ------------------------------------------------------------------------------

const sourceSelect = h('select', { id: 'source', attrs: { 'aria-label': 'Start from' } },
  h('option', { attrs: { value: 'template' } }, 'Blank template'),
  ...shippedIds.map((id) => h('option', { attrs: { value: id } }, `Shipped: ${id}`)),
);
const fileInput = h('input', { id: 'open-file', class: 'file-input', attrs: { type: 'file', accept: '.yaml,.yml,.json,text/yaml' } });
fileInput.addEventListener('change', () => {
  const file = fileInput.files?.[0];
  fileInput.value = '';
  if (file) void file.text().then((text) => setText(text, file.name));
});

const toolbar = h('header', { class: 'toolbar' },
  h('h1', null, 'Accord studio'),
  h('label', { attrs: { for: 'source' } }, 'Start from'),
  sourceSelect,
  button('Load', () => void loadSource(sourceSelect.value)),
  button('Open file…', () => void openFile()),
  fileInput,
  button('Save file', () => void saveFile()),
  h('a', { class: 'back', attrs: { href: './' } }, 'Back to the game'),
);

root.append(toolbar, h('main', { class: 'workspace' }, editorHost, panel));

function setText(text: string, name: string): void {
  fileName = name;
  fileHandle = null;
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}

async function loadSource(id: string): Promise<void> {
  if (id === 'template') return setText(TEMPLATE, 'my-scenario.yaml');
  const entry = Object.entries(shipped).find(([p]) => p.split('/').at(-2) === id);
  if (entry) setText(await entry[1](), `${id}.yaml`);
}

type Picker = (options?: object) => Promise<FileSystemFileHandle | FileSystemFileHandle[]>;
const pickers = window as unknown as { showOpenFilePicker?: Picker; showSaveFilePicker?: Picker };
const yamlTypes = [{ description: 'Scenario', accept: { 'text/yaml': ['.yaml', '.yml'] } }];

async function openFile(): Promise<void> {
  if (!pickers.showOpenFilePicker) return fileInput.click();
  try {
    const [handle] = (await pickers.showOpenFilePicker({ types: yamlTypes })) as FileSystemFileHandle[];
    if (!handle) return;
    const file = await handle.getFile();
    setText(await file.text(), file.name);
    fileHandle = handle;
  } catch {
    // The person closed the picker.
  }
}

async function saveFile(): Promise<void> {
  const text = view.state.doc.toString();
  if (pickers.showSaveFilePicker) {
    try {
      const handle = fileHandle ?? ((await pickers.showSaveFilePicker({ suggestedName: fileName, types: yamlTypes })) as FileSystemFileHandle);
      const writable = await handle.createWritable();
      await writable.write(text);
      await writable.close();
      fileHandle = handle;
      fileName = handle.name;
      status.textContent = `Saved ${fileName}.`;
    } catch {
      // Closed the picker or refused permission: nothing saved.
    }
    return;
  }
  const url = URL.createObjectURL(new Blob([text], { type: 'text/yaml' }));
  const a = h('a', { attrs: { href: url, download: fileName } });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  status.textContent = `Downloaded ${fileName}.`;
}

function play(): void {
  const text = view.state.doc.toString();
  // The draft too: the check that would keep it may not have run yet, and the author comes back to edit.
  local()?.setItem(DRAFT_KEY, text);
  local()?.setItem(PLAY_KEY, JSON.stringify({ file: fileName, text, start: startSelect.value }));
  window.location.href = './?studio-play';
}

// ---- Checking -----------------------------------------------------------------------------

let worker: Worker | null = null;
let busy = false;
let requestId = 0;
let timer: ReturnType<typeof setTimeout> | null = null;

function newWorker(): Worker {
  const w = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  w.onmessage = (event: MessageEvent<{ id: number; kind: 'check' | 'rate' | 'done'; result?: CheckResult; rate?: BotRates }>) => {
    const m = event.data;
    if (m.id !== requestId) return;
    if (m.kind === 'check') showCheck(m.result!);
    else if (m.kind === 'rate') showRate(m.rate!);
    else {
      busy = false;
      if (status.textContent === 'Checking bots…') status.textContent = 'Checked.';
    }
  };
  return w;
}

function scheduleCheck(): void {
  if (timer) clearTimeout(timer);
  status.textContent = 'Checking…';
  timer = setTimeout(runCheck, DEBOUNCE_MS);
}

function runCheck(): void {
  const text = view.state.doc.toString();
  local()?.setItem(DRAFT_KEY, text);
  if (busy && worker) {
    // Still playing bot games on the old text: start again on the new one.
    worker.terminate();
    worker = null;
  }
  worker ??= newWorker();
  requestId += 1;
  busy = true;
  const request: CheckRequest = { id: requestId, text, file: fileName, games: GAMES_PER_BOT, work: analysisWork(window.location.search) };
  worker.postMessage(request);
}

function diagnosticOf(m: Mark): Diagnostic {
  const doc = view.state.doc;
  const line = doc.line(Math.min(Math.max(1, m.line), doc.lines));
  const from = Math.min(line.from + Math.max(0, m.column - 1), line.to);
  const to = line.to > from ? line.to : Math.min(from + 1, doc.length);
  return { from, to, severity: m.severity, message: m.message };
}

function showCheck(result: CheckResult): void {
  view.dispatch(setDiagnostics(view.state, result.marks.map(diagnosticOf)));
  const errors = result.errors;
  const warnings = result.marks.filter((m) => m.severity === 'warning').length;
  problemsHeading.textContent = errors > 0 ? `Problems (${errors})` : warnings > 0 ? `Warnings (${warnings})` : 'No problems';
  problemsList.replaceChildren(...result.marks.map((m) => h('li', { class: m.severity }, button(m.text, () => goTo(m), { class: 'mark' }))));
  ratesBody.replaceChildren();
  // Bot rates and the start to play mean nothing until the text loads: hidden, not shown empty.
  rates.hidden = !result.ok;
  playRow.hidden = !result.ok;
  if (!result.ok) {
    feasibility.replaceChildren(h('p', { class: 'muted' }, 'Fix the problems first: the scenario must load before it can be analysed.'));
    startSelect.replaceChildren();
    playButton.disabled = true;
    status.textContent = `${errors} problem${errors === 1 ? '' : 's'}.`;
    return;
  }
  playButton.disabled = false;
  const e = result.exact;
  const chosen = startSelect.value;
  startSelect.replaceChildren(...e.starts.map((s) => h('option', { attrs: { value: s.id, selected: s.id === chosen } }, s.title)));
  const count = e.feasibleCount === null ? (e.exact ? 'not counted (too many)' : 'not counted (the search stopped at its budget)') : `${e.feasibleCount.toLocaleString('en-US')} of ${e.outcomes.toLocaleString('en-US')}`;
  const parts: Node[] = [
    e.feasible === null
      ? h('p', { class: 'verdict' }, 'Not settled: no passing text found within the analyser’s budget.')
      : h('p', { class: e.feasible ? 'verdict ok' : 'verdict bad' }, e.feasible ? 'Yes: a text every required party can sign exists.' : 'No: no text passes every required signature.'),
    h('p', { class: 'muted' }, `Texts that pass: ${count}. ${e.exact ? 'Exact check' : 'Bounded check (not exact)'} in ${e.seconds.toFixed(2)} s.`),
  ];
  if (!e.exact) parts.push(h('p', { class: 'bounded' }, e.bounded));
  if (e.best) {
    parts.push(
      h('h3', null, e.exact ? 'Most durable deal' : 'Most durable deal found (not proven best)'),
      h('ul', { class: 'deal' }, ...e.best.points.map(([title, option]) => h('li', null, `${title}: ${option}`))),
      h('p', { class: 'muted' }, `Margins above walk-away: ${e.best.margins.map(([p, m]) => `${p} ${m.toFixed(1)}`).join(', ')}`),
    );
  }
  if (e.why) {
    parts.push(
      h('h3', null, 'Why it cannot be won'),
      h('p', null, e.why.minimal
        ? 'These conditions exclude every text together; loosen any one of them:'
        : 'These conditions exclude every text together. The analyser stopped at its work budget before showing that each is needed, so loosening one may not be enough:'),
      h('ul', { class: 'why' }, ...e.why.conditions.map((c) => h('li', null, c))),
      h('h3', null, 'Best each signatory can reach'),
      h('ul', { class: 'reach' }, ...e.why.reach.map(([p, best, walk]) => h('li', { class: best === null || best < walk ? 'bad' : '' }, `${p}: ${best === null ? 'nothing (its red lines exclude every text)' : best.toFixed(1)} against its walk-away ${walk}`))),
    );
  }
  feasibility.replaceChildren(...parts);
  for (const s of e.starts) {
    ratesBody.append(h('tr', { attrs: { 'data-start': s.id } }, h('th', { attrs: { scope: 'row' } }, s.title), h('td', { attrs: { 'data-bot': 'mediator' } }, '…'), h('td', { attrs: { 'data-bot': 'oracle' } }, '…')));
  }
  status.textContent = 'Checking bots…';
}

function showRate(r: BotRates): void {
  const cell = ratesBody.querySelector(`tr[data-start="${CSS.escape(r.start)}"] td[data-bot="${CSS.escape(r.bot)}"]`);
  if (cell) cell.textContent = `${r.deals}/${r.games}`;
}

function goTo(m: Mark): void {
  const d = diagnosticOf(m);
  view.dispatch({ selection: { anchor: d.from }, scrollIntoView: true });
  view.focus();
}

if (new URLSearchParams(window.location.search).has('test')) {
  (window as unknown as { __studio: { view: EditorView } }).__studio = { view };
}

if (initial === null) {
  sourceSelect.value = 'tutorial';
  void loadSource('tutorial');
}
else scheduleCheck();
