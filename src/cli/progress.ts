/**
 * A progress indicator on stderr for long runs: a line redrawn in place on a terminal,
 * a line every tenth of the way otherwise (logs stay readable). Silent for short runs.
 */
export function progress(label: string, total: number, stream: NodeJS.WriteStream = process.stderr): (done: number) => void {
  if (total < 20) return () => {};
  const tty = Boolean(stream.isTTY);
  let lastTenth = -1;
  return (done) => {
    if (tty) {
      stream.write(`\r${label}: ${done}/${total}`);
      if (done === total) stream.write('\n');
      return;
    }
    const tenth = Math.floor((done * 10) / total);
    if (tenth !== lastTenth) {
      lastTenth = tenth;
      stream.write(`${label}: ${done}/${total}\n`);
    }
  };
}
