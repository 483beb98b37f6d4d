import { PassThrough } from 'node:stream';
import { expect, test } from 'vitest';
import { NO_TERMINAL, readPassword, readPasswordFromStream } from './read-password.ts';

/** A stand-in for a terminal: keys written to it arrive as input; raw mode is recorded. */
function terminal(): PassThrough & { isTTY: boolean; raw: boolean[]; setRawMode(mode: boolean): void } {
  const input = new PassThrough() as PassThrough & { isTTY: boolean; raw: boolean[]; setRawMode(mode: boolean): void };
  input.isTTY = true;
  input.raw = [];
  input.setRawMode = (mode: boolean) => input.raw.push(mode);
  return input;
}

function sink(): PassThrough & { text(): string } {
  const output = new PassThrough() as PassThrough & { text(): string };
  const chunks: string[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  output.text = () => chunks.join('');
  return output;
}

test('stdin gives the password without its final line ending, and keeps inner spaces', async () => {
  const input = new PassThrough();
  input.end('  correct horse  \r\n');
  expect(await readPasswordFromStream(input)).toBe('  correct horse  ');
  const bare = new PassThrough();
  bare.end('пароль 密码');
  expect(await readPasswordFromStream(bare)).toBe('пароль 密码');
});

test('the terminal prompt echoes nothing, honours backspace and asks twice', async () => {
  const input = terminal();
  const output = sink();
  const password = readPassword({ fromStdin: false, confirm: true }, input, output);
  input.write('secrex\u007ft pw\r');
  await new Promise((resolve) => setImmediate(resolve));
  input.write('secret pw\n');
  expect(await password).toBe('secret pw');
  expect(output.text()).toBe('Password: \nRepeat the password: \n');
  expect(input.raw).toEqual([true, false, true, false]);
});

test('a mistyped repeat, Ctrl-C and the lack of a terminal are refused', async () => {
  const input = terminal();
  const differ = readPassword({ fromStdin: false, confirm: true }, input, sink());
  input.write('one password\r');
  await new Promise((resolve) => setImmediate(resolve));
  input.write('another one\r');
  await expect(differ).rejects.toThrow('the two passwords differ');
  const cancelled = terminal();
  const ctrlC = readPassword({ fromStdin: false, confirm: false }, cancelled, sink());
  cancelled.write('abc\u0003');
  await expect(ctrlC).rejects.toThrow('cancelled');
  const pipe = new PassThrough();
  await expect(readPassword({ fromStdin: false, confirm: false }, pipe, sink())).rejects.toThrow(NO_TERMINAL);
});
