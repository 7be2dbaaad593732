/**
 * Scenario files from the file picker or dropped on the page.
 */

/** Larger files are refused before reading (the loader allows a million characters). */
const MAX_BYTES = 4_000_000;

export async function readScenarioFile(file: File): Promise<{ name: string; text: string }> {
  // A larger file is cut: what is read is still over the loader's limit, which then says so.
  const blob = file.size > MAX_BYTES ? file.slice(0, MAX_BYTES) : file;
  return { name: file.name, text: await blob.text() };
}

function hasFiles(e: DragEvent): boolean {
  return e.dataTransfer?.types.includes('Files') ?? false;
}

/** Accept files dropped anywhere on the page while mounted; `hint` shows during a drag. Returns the remover. */
export function watchFileDrops(hint: HTMLElement, onFile: (file: File) => void): () => void {
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
    const file = e.dataTransfer?.files[0];
    if (file) onFile(file);
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
