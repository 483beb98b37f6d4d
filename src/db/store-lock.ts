import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../core/errors.ts';
import { storeLockMessages } from './store-lock.messages.ts';

/**
 * One owner per embedded store. PGlite is PostgreSQL in one process with no postmaster to keep a
 * second one out: two processes on one data directory both write its WAL and pages, and the
 * directory is lost (issue 13: `verity orgs add` against a running server's directory). The owner
 * writes `verity.lock` into the directory; every other process reads it and refuses.
 *
 * The lock file names its owner: pid, the process's start time (so a reused pid is not taken for
 * the owner), host, command and, for a server, its URL. It is stale, and taken over at once, when
 * its owner on this host has died (kill -9 leaves the file behind); a lock of another host (a
 * shared volume) is stale when its owner stopped touching it for STALE_MS.
 *
 * Every decision about the file (is it there, is its owner alive, write ours) is taken inside a
 * gate: a directory made with mkdir, which only one process can make. The gated steps are
 * synchronous and take milliseconds, so a gate older than GATE_STALE_MS belongs to a process that
 * was killed inside them and is removed. Without the gate two processes finding the same stale lock
 * could both take it over.
 *
 * Known limit: two containers that share a volume, the same hostname and the same pid (both pid 1)
 * cannot tell each other apart; give them distinct hostnames (Docker's default does).
 */

export const LOCK_FILE = 'verity.lock';
const GATE = `${LOCK_FILE}.gate`;
/** Heartbeat of the owner (for other hosts on a shared volume). */
const TOUCH_MS = 10_000;
/** A lock from another host that was not touched for this long is stale. */
const STALE_MS = 60_000;
const GATE_STALE_MS = 5_000;
const GATE_WAIT_MS = 5_000;
/** A lock file that cannot be parsed and is younger than this may be half-written (no link support): treated as held. */
const UNREADABLE_GRACE_MS = 10_000;

export interface StoreLockOwner {
  pid: number;
  /** The owner's start time as the kernel counts it (/proc/<pid>/stat field 22), null where unknown. */
  procStart: string | null;
  host: string;
  /** The CLI command (`start`, `import`…) or the script, never its arguments (they might hold secrets). */
  command: string;
  since: string;
  url: string | null;
  token: string;
}

export type StoreLockState =
  | { state: 'free' }
  | { state: 'held'; owner: StoreLockOwner }
  | { state: 'stale'; owner: StoreLockOwner | null; why: 'dead' | 'pid reused' | 'not touched' | 'unreadable' }
  | { state: 'unreadable'; reason: string };

export interface StoreLock {
  readonly dir: string;
  readonly file: string;
  readonly owner: StoreLockOwner;
  /** The stale lock this one replaced (its owner died), null when the directory was free. */
  readonly tookOverFrom: StoreLockOwner | null;
  /** Adds facts for the next process to read (the server's URL once it listens). */
  annotate(extra: { url: string }): void;
  /** Removes the lock file if it is still ours. Idempotent. */
  release(): void;
}

const held = new Set<StoreLock>();
let exitHook = false;

/** Reads a /proc start time; null where there is no /proc (macOS) or no such process. */
function procStartOf(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parseOwner(raw: string): StoreLockOwner | null {
  try {
    const value = JSON.parse(raw) as Partial<StoreLockOwner>;
    if (typeof value.pid !== 'number' || !Number.isInteger(value.pid) || value.pid <= 0 || typeof value.host !== 'string' || typeof value.token !== 'string') return null;
    return {
      pid: value.pid,
      procStart: typeof value.procStart === 'string' ? value.procStart : null,
      host: value.host,
      command: typeof value.command === 'string' ? value.command : '?',
      since: typeof value.since === 'string' ? value.since : '?',
      url: typeof value.url === 'string' ? value.url : null,
      token: value.token,
    };
  } catch {
    return null;
  }
}

/** What the lock file of `dir` says, without changing anything (`verity doctor` and the refusals read it). */
export function inspectStoreLock(dir: string, now = Date.now()): StoreLockState {
  const file = path.join(dir, LOCK_FILE);
  let raw: string;
  let mtimeMs: number;
  try {
    raw = fs.readFileSync(file, 'utf8');
    mtimeMs = fs.statSync(file).mtimeMs;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { state: 'free' };
    return { state: 'unreadable', reason: code ?? (error as Error).message };
  }
  const owner = parseOwner(raw);
  if (!owner) return now - mtimeMs > UNREADABLE_GRACE_MS ? { state: 'stale', owner: null, why: 'unreadable' } : { state: 'unreadable', reason: 'not a Verity lock' };
  if (owner.host !== os.hostname()) return now - mtimeMs > STALE_MS ? { state: 'stale', owner, why: 'not touched' } : { state: 'held', owner };
  if (!alive(owner.pid)) return { state: 'stale', owner, why: 'dead' };
  const start = procStartOf(owner.pid);
  if (owner.procStart && start && start !== owner.procStart) return { state: 'stale', owner, why: 'pid reused' };
  return { state: 'held', owner };
}

/** The refusal a second process gets, naming the directory and the owner. */
export function lockedError(dir: string, owner: StoreLockOwner): AppError {
  const params = { dir, pid: String(owner.pid), host: owner.host, command: owner.command, since: owner.since };
  return new AppError('conflict', owner.url ? storeLockMessages.text('lockedAt', { ...params, url: owner.url }) : storeLockMessages.text('locked', params), {
    dir,
    owner: { pid: owner.pid, host: owner.host },
  });
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Runs `step` holding the gate of `dir`; waits for another process's gate, removes one left by a killed process. */
function withGate<T>(dir: string, step: () => T): T {
  const gate = path.join(dir, GATE);
  const deadline = Date.now() + GATE_WAIT_MS;
  for (;;) {
    try {
      fs.mkdirSync(gate);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      try {
        if (Date.now() - fs.statSync(gate).mtimeMs > GATE_STALE_MS) fs.rmdirSync(gate);
      } catch {
        // Gone already, or just taken by another: try again.
      }
      if (Date.now() > deadline) throw new AppError('conflict', storeLockMessages.text('busy', { dir }));
      sleepSync(20);
    }
  }
  try {
    return step();
  } finally {
    fs.rmSync(gate, { recursive: true, force: true });
  }
}

/** Writes `content` to `file` atomically (a temporary file renamed over it), flushed to disk. */
function writeAtomically(file: string, content: string): void {
  const temporary = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}`;
  const fd = fs.openSync(temporary, 'wx', 0o644);
  try {
    fs.writeSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temporary, file);
}

function commandName(): string {
  // `node bin/verity.js import file --org x`: the command, never the rest (arguments may hold secrets).
  const script = path.basename(process.argv[1] ?? 'node');
  return script === 'verity.js' || script === 'verity' ? `verity ${process.argv[2] ?? ''}`.trim() : script;
}

/**
 * Takes the lock of the data directory `dir` for this process, or throws an AppError (conflict)
 * naming the owner. A stale lock (its owner died) is replaced and reported in `tookOverFrom`.
 */
export function acquireStoreLock(dir: string): StoreLock {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, LOCK_FILE);
  const owner: StoreLockOwner = {
    pid: process.pid,
    procStart: procStartOf(process.pid),
    host: os.hostname(),
    command: commandName(),
    since: new Date().toISOString(),
    url: null,
    token: crypto.randomUUID(),
  };
  const tookOverFrom = withGate(dir, () => {
    const found = inspectStoreLock(dir);
    if (found.state === 'held') throw lockedError(dir, found.owner);
    if (found.state === 'unreadable') throw new AppError('conflict', storeLockMessages.text('unreadable', { dir, file, reason: found.reason }));
    writeAtomically(file, JSON.stringify(owner));
    return found.state === 'stale' ? found.owner : null;
  });
  const ours = (): boolean => {
    try {
      return parseOwner(fs.readFileSync(file, 'utf8'))?.token === owner.token;
    } catch {
      return false;
    }
  };
  const heartbeat = setInterval(() => {
    try {
      if (ours()) fs.utimesSync(file, new Date(), new Date());
    } catch {
      // The next beat tries again; a lock of this host is judged by its owner's pid, not its age.
    }
  }, TOUCH_MS);
  heartbeat.unref();
  let released = false;
  const lock: StoreLock = {
    dir,
    file,
    owner,
    tookOverFrom,
    annotate(extra) {
      if (released || !ours()) return;
      owner.url = extra.url;
      writeAtomically(file, JSON.stringify(owner));
    },
    release() {
      if (released) return;
      released = true;
      clearInterval(heartbeat);
      held.delete(lock);
      try {
        if (ours()) fs.unlinkSync(file);
      } catch {
        // Removed already: nothing to do.
      }
    },
  };
  held.add(lock);
  if (!exitHook) {
    exitHook = true;
    // A process that ends without closing its store (an uncaught error, process.exit) leaves no lock;
    // one killed by a signal leaves it, and its dead pid makes it stale.
    process.on('exit', () => {
      for (const each of [...held]) each.release();
    });
  }
  return lock;
}
