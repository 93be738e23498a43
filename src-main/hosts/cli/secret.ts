/**
 * Asks for a secret on the terminal without echoing it. Only where both stdin and stderr are terminals: a
 * script or a pipe gets the REHEARSE_PASSPHRASE route instead of a prompt that would hang it.
 */
export function terminalSecretPrompt(
  stdin: NodeJS.ReadStream,
  stderr: NodeJS.WriteStream,
): ((question: string) => Promise<string>) | undefined {
  if (!stdin.isTTY || !stderr.isTTY) return undefined;
  return (question) =>
    new Promise((resolve, reject) => {
      stderr.write(question);
      let typed = '';
      const done = (err?: Error) => {
        stdin.off('data', onData);
        stdin.setRawMode(false);
        stdin.pause();
        stderr.write('\n');
        if (err) reject(err);
        else resolve(typed);
      };
      const onData = (chunk: Buffer) => {
        for (const ch of chunk.toString('utf8')) {
          if (ch === '\r' || ch === '\n') return done();
          if (ch === '\u0003') return done(new Error('Cancelled.'));
          if (ch === '\u007f' || ch === '\b') typed = [...typed].slice(0, -1).join('');
          else if (ch >= ' ') typed += ch;
        }
      };
      stdin.setRawMode(true);
      stdin.resume();
      stdin.on('data', onData);
    });
}
