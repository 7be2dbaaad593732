/**
 * Scenario files from the file picker or dropped on the page.
 */

export type FileRead = { ok: true; name: string; text: string } | { ok: false; name: string; message: string };

/**
 * Read a picked or dropped file whole, so the reader of its kind judges all of it. A file that
 * cannot be under `maxChars` (UTF-8 takes at least one byte per character, at most four) is
 * refused before reading.
 */
export async function readWholeFile(file: File, maxChars: number, noun: string): Promise<FileRead> {
  if (file.size > 4 * maxChars) {
    return { ok: false, name: file.name, message: `${noun} is too large (${file.size.toLocaleString('en')} bytes; the limit is ${maxChars.toLocaleString('en')} characters)` };
  }
  try {
    return { ok: true, name: file.name, text: await file.text() };
  } catch (e) {
    return { ok: false, name: file.name, message: `${noun} could not be read (${(e as Error).message})` };
  }
}

function hasFiles(e: DragEvent): boolean {
  return e.dataTransfer?.types.includes('Files') ?? false;
}

/**
 * Read many files (a class's results) at once. A file that cannot be read comes back with
 * empty text, which the class results then list as damaged.
 */
export function readFiles(files: readonly File[], maxChars: number): Promise<{ file: string; text: string }[]> {
  return Promise.all(files.map(async (f) => {
    const read = await readWholeFile(f, maxChars, 'the file');
    return { file: read.name, text: read.ok ? read.text : '' };
  }));
}

/** A result file, by its first characters (any other file dropped is taken for a scenario). */
export function looksLikeResult(text: string): boolean {
  return /^\s*\{[^]{0,200}"format"\s*:\s*"accord-result"/.test(text);
}

/** Accept files dropped anywhere on the page while mounted; `hint` shows during a drag. Returns the remover. */
export function watchFileDrops(hint: HTMLElement, onFiles: (files: File[]) => void): () => void {
  let depth = 0;
  const show = (on: boolean) => {
    hint.hidden = !on;
  };
  const enter = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth += 1;
    show(true);
  };
  const over = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
  };
  const leave = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    depth = Math.max(0, depth - 1);
    if (depth === 0) show(false);
  };
  const drop = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth = 0;
    show(false);
    const files = [...(e.dataTransfer?.files ?? [])];
    if (files.length > 0) onFiles(files);
  };
  window.addEventListener('dragenter', enter);
  window.addEventListener('dragover', over);
  window.addEventListener('dragleave', leave);
  window.addEventListener('drop', drop);
  return () => {
    window.removeEventListener('dragenter', enter);
    window.removeEventListener('dragover', over);
    window.removeEventListener('dragleave', leave);
    window.removeEventListener('drop', drop);
  };
}
