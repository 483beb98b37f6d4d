/**
 * Passwords never on the command line: every user of the machine reads another's arguments in the
 * process list (`ps`, /proc/<pid>/cmdline), and shells keep them in their history. A command that
 * needs a password reads it from a prompt that does not echo (on a terminal) or from standard input
 * (`--password-stdin`, for scripts: `printf %s "$PW" | verity users add … --password-stdin`).
 */

export const PASSWORD_ON_COMMAND_LINE =
  '--password is not accepted: a password on the command line is visible to every user of this machine in the process list. Type it at the prompt (run the command in a terminal), or pipe it with --password-stdin';
export const PASSWORD_IN_ENVIRONMENT =
  'VERITY_PASSWORD is no longer read: the environment of a process is inherited by the programs it starts and often logged. Type the password at the prompt (run the command in a terminal), or pipe it with --password-stdin';
export const NO_TERMINAL = 'no terminal to ask for the password: pipe it with --password-stdin (printf %s "$PASSWORD" | verity users add … --password-stdin)';

export class PasswordInputError extends Error {}

/** The input a password is read from: process.stdin, or a stand-in for it in tests. */
export interface PasswordInput extends NodeJS.ReadableStream {
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
}

/** Reads all of `input` as UTF-8 and drops one final line ending (what `echo` and a here-string add). */
export async function readPasswordFromStream(input: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** Asks for a line on a terminal without echoing it; rejects on Ctrl-C or Ctrl-D. */
export function promptHidden(question: string, input: PasswordInput, output: NodeJS.WritableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    let value = '';
    output.write(question);
    input.setRawMode?.(true);
    input.resume();
    const finish = (error: Error | null) => {
      input.removeListener('data', onData);
      input.setRawMode?.(false);
      input.pause();
      output.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (data: Buffer | string) => {
      for (const char of typeof data === 'string' ? data : data.toString('utf8')) {
        if (char === '\r' || char === '\n') return finish(null);
        if (char === '\u0003') return finish(new PasswordInputError('cancelled'));
        if (char === '\u0004') return finish(value ? null : new PasswordInputError('no password given'));
        if (char === '\u007f' || char === '\b') value = [...value].slice(0, -1).join('');
        else if (char >= ' ') value += char;
      }
    };
    input.on('data', onData);
  });
}

/**
 * The password of a command: from standard input with `fromStdin`, else asked twice at the
 * terminal. Throws a PasswordInputError with a sentence for people when there is neither.
 */
export async function readPassword(options: { fromStdin: boolean; confirm: boolean }, input: PasswordInput = process.stdin, output: NodeJS.WritableStream = process.stderr): Promise<string> {
  if (options.fromStdin) return readPasswordFromStream(input);
  if (!input.isTTY || !input.setRawMode) throw new PasswordInputError(NO_TERMINAL);
  const first = await promptHidden('Password: ', input, output);
  if (options.confirm && (await promptHidden('Repeat the password: ', input, output)) !== first) throw new PasswordInputError('the two passwords differ');
  return first;
}
