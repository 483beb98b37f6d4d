import { createReadStream, createWriteStream, readFileSync, accessSync, constants } from 'node:fs';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { createAnalyser } from './create-analyser.ts';
import type { RosterMember } from './match-staff.ts';

export interface AnalyseCliOptions {
  in?: string;
  out?: string;
  roster?: string;
}

function readRoster(path: string): RosterMember[] {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  if (!Array.isArray(parsed)) throw new Error('roster must be a JSON array');
  return parsed.map((entry, index) => {
    const member = entry as Partial<RosterMember>;
    if (typeof member?.id !== 'string' || typeof member.name !== 'string') throw new Error(`roster entry ${index} needs string id and name`);
    return {
      id: member.id,
      name: member.name,
      aliases: Array.isArray(member.aliases) ? member.aliases.filter((a) => typeof a === 'string') : [],
      title: typeof member.title === 'string' ? member.title : null,
      department: typeof member.department === 'string' ? member.department : null,
    };
  });
}

function oneLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

/**
 * `verity analyze`: JSON Lines in ({id, text[, rating, lang, author, department, publishedAt]}), one JSON line out
 * per input line, in order. A malformed line yields {id, error} and the run goes on. Returns the
 * exit code (2 for an unreadable --in/--roster or unwritable --out); never throws.
 */
export async function runAnalyseCli(options: AnalyseCliOptions, stdin: NodeJS.ReadableStream, stdout: NodeJS.WritableStream): Promise<number> {
  let roster: RosterMember[] = [];
  try {
    if (options.roster) roster = readRoster(options.roster);
  } catch (error) {
    process.stderr.write(`verity analyze: cannot read roster ${options.roster}: ${oneLine(error)}\n`);
    return 2;
  }
  try {
    if (options.in) accessSync(options.in, constants.R_OK);
  } catch (error) {
    process.stderr.write(`verity analyze: cannot read ${options.in}: ${oneLine(error)}\n`);
    return 2;
  }
  let analyser;
  try {
    analyser = createAnalyser({ roster });
  } catch (error) {
    process.stderr.write(`verity analyze: cannot load models: ${oneLine(error)}\n`);
    return 1;
  }

  const input = options.in ? createReadStream(options.in, { encoding: 'utf8' }) : stdin;
  const output: NodeJS.WritableStream = options.out ? createWriteStream(options.out, { encoding: 'utf8' }) : stdout;
  let outputError: Error | null = null;
  output.on('error', (error: Error) => {
    outputError = error;
  });
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      if (outputError) break;
      if (!line.trim()) continue;
      let record: string;
      let id: unknown = null;
      try {
        const parsed = JSON.parse(line) as Record<string, unknown>;
        if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('line is not a JSON object');
        id = parsed.id ?? null;
        if (typeof parsed.text !== 'string') throw new Error('text must be a string');
        const rating = typeof parsed.rating === 'number' ? parsed.rating : null;
        const publishedAt = typeof parsed.publishedAt === 'string' ? new Date(parsed.publishedAt) : null;
        const analysis = analyser.analyse({
          text: parsed.text,
          rating,
          lang: typeof parsed.lang === 'string' ? parsed.lang : null,
          author: typeof parsed.author === 'string' ? parsed.author : null,
          department: typeof parsed.department === 'string' ? parsed.department : null,
          publishedAt: publishedAt && !Number.isNaN(publishedAt.getTime()) ? publishedAt : null,
        });
        record = JSON.stringify({ id, ...analysis });
      } catch (error) {
        record = JSON.stringify({ id: typeof id === 'string' || typeof id === 'number' ? id : null, error: oneLine(error) });
      }
      if (!output.write(`${record}\n`)) await once(output, 'drain');
    }
  } catch (error) {
    process.stderr.write(`verity analyze: ${oneLine(error)}\n`);
    return 1;
  }
  if (options.out) {
    output.end();
    await once(output, 'finish').catch(() => undefined);
  }
  if (outputError) {
    process.stderr.write(`verity analyze: cannot write ${options.out ?? 'stdout'}: ${oneLine(outputError)}\n`);
    return 2;
  }
  return 0;
}
