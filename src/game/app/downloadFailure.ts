/**
 * Why a piece of the game's code did not arrive, in words for a player: the browser's message
 * names the whole address of a hashed file, which means nothing in a classroom; the file's name is
 * kept so a teacher can still tell a technician which file failed.
 */
export function downloadFailure(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const file = /https?:\/\/\S+\/([^/?\s]+\.js)/.exec(message)?.[1];
  if (file) return `the file ${file} did not arrive`;
  return message.trim() === '' ? 'the download failed' : `the download failed (${message.trim()})`;
}
