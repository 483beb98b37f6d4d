import { spawn } from 'node:child_process';
import path from 'node:path';

/** The `verity` command as a file, for tests that run it as a process. */
export const VERITY_BIN = path.resolve(import.meta.dirname, '../../bin/verity.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `verity <args>` as its own process, with `stdin` piped in (else an empty, closed stdin: no terminal). */
export function runVerity(args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; stdin?: string }): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [VERITY_BIN, ...args], { env: options.env, cwd: options.cwd, timeout: 170_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}
