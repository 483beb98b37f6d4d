import fs from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { ENV_VARS } from '../core/config.ts';
import type { OpenContext, OpenOptions } from '../app.ts';
import type { LabelledText } from '../analysis/training-data.ts';

const ENV_HELP = `\nEnvironment:\n${ENV_VARS.map(([name, what, dflt]) => `  ${name.padEnd(22)} ${what} (default: ${dflt})`).join('\n')}\n`;

/** Loads the application only for commands that need it, so that --help answers at once. */
async function openContext(options: OpenOptions): Promise<OpenContext> {
  // A store another process owns is refused before the application loads (seconds) or anything is asked.
  await refuseIfStoreInUse();
  const app = await import('../app.ts');
  return app.openContext(options);
}

/** Refuses at once (before any prompt or file reading) when another process owns the embedded store; openContext would refuse too. */
async function refuseIfStoreInUse(): Promise<void> {
  const { readConfig } = await import('../core/config.ts');
  const config = readConfig();
  if (config.databaseUrl || !config.dataDir) return;
  const { inspectStoreLock, lockedError } = await import('../db/store-lock.ts');
  const found = inspectStoreLock(config.dataDir);
  if (found.state === 'held') fail(lockedError(config.dataDir, found.owner).message);
}

function fail(message: string): never {
  throw new CommanderError(1, 'verity.fail', message);
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = new Command('verity').description('Verity: word-of-mouth and patient-loyalty management for clinics').addHelpText('after', ENV_HELP).showHelpAfterError().exitOverride();

  program
    .command('start')
    .description('start the web server and the job workers (runs migrations first)')
    .option('--demo', 'seed the demo organisation first (idempotent)')
    .option('--port <port>', 'HTTP port (default: $PORT or 3000)')
    .addHelpText('after', ENV_HELP)
    .action(async (options: { demo?: boolean; port?: string }) => {
      const { startVerity } = await import('../app.ts');
      const { DEMO_ADMIN_EMAIL } = await import('../demo/seed-demo.ts');
      const { demoPassword } = await import('../demo/demo-data.ts');
      const running = await startVerity({ demo: options.demo, port: options.port ? Number(options.port) : undefined, logLevel: process.env.VERITY_LOG_LEVEL ?? 'warn' });
      console.log(`Verity is running at ${running.url}`);
      if (options.demo) console.log(`Demo login: ${DEMO_ADMIN_EMAIL} / ${demoPassword()}`);
      console.log(`Store: ${running.ctx.database.kind === 'pglite' ? `embedded PGlite in ${running.ctx.config.dataDir}` : 'PostgreSQL server (DATABASE_URL)'}`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await running.close();
    });

  program
    .command('migrate')
    .description('bring the database schema up to date')
    .addHelpText('after', ENV_HELP)
    .action(async () => {
      const ctx = await openContext({ queue: 'none' });
      console.log('migrations are up to date');
      await ctx.close();
    });

  program
    .command('demo')
    .description('seed the demo organisation (slug demo); running it again changes nothing')
    .addHelpText('after', ENV_HELP)
    .action(async () => {
      const ctx = await openContext({ queue: 'send' });
      try {
        const { seedDemo, DEMO_ADMIN_EMAIL } = await import('../demo/seed-demo.ts');
        const { demoPassword } = await import('../demo/demo-data.ts');
        const result = await seedDemo(ctx);
        console.log(result.mentions ? `demo organisation seeded with ${result.mentions} mentions` : 'demo organisation is already seeded');
        console.log(`Demo login: ${DEMO_ADMIN_EMAIL} / ${demoPassword()}`);
      } finally {
        await ctx.close();
      }
    });

  program
    .command('import')
    .description('import mentions from a CSV, XLSX, JSON or JSONL file; prints one JSON line of counts')
    .argument('<file>', 'the file to import')
    .requiredOption('--org <slug>', 'organisation slug')
    .option('--source <name>', 'source name (created as a file source when missing)', 'File import')
    .addOption(new Option('--format <format>', 'file format (default: from the extension or content)').choices(['csv', 'xlsx', 'json', 'jsonl']))
    .option('--map <mapping>', 'column mapping as COLUMN=field,… (fields: externalId, kind, url, authorHandle, ratingRaw, ratingScale, title, text, lang, publishedAt, location, department)')
    .addOption(new Option('--encoding <encoding>', 'text encoding of a CSV').choices(['auto', 'utf-8', 'gb18030', 'windows-1251']).default('auto'))
    .option('--delimiter <char>', 'CSV delimiter (default: detected)')
    .addHelpText('after', ENV_HELP)
    .action(
      async (
        file: string,
        options: { org: string; source: string; format?: 'csv' | 'xlsx' | 'json' | 'jsonl'; map?: string; encoding: 'auto' | 'utf-8' | 'gb18030' | 'windows-1251'; delimiter?: string },
      ) => {
        const { parseMappingSpec } = await import('../ingest/map-record.ts');
        let mapping;
        try {
          mapping = options.map ? parseMappingSpec(options.map) : undefined;
        } catch (error) {
          fail(`--map: ${(error as Error).message}`);
        }
        try {
          const stat = fs.statSync(file);
          if (!stat.isFile()) fail(`${file} is not a file`);
        } catch (error) {
          if (error instanceof CommanderError) throw error;
          fail(`cannot open ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
        }
        const ctx = await openContext({ queue: 'send' });
        try {
          const org = await ctx.db.selectFrom('organisations').select('id').where('slug', '=', options.org).executeTakeFirst();
          if (!org) fail(`no organisation with slug '${options.org}'`);
          const { getOrCreateSource } = await import('../ingest/sources.queries.ts');
          const { importFile } = await import('../ingest/import-file.ts');
          const source = await getOrCreateSource(ctx.db, org.id, options.source, 'file');
          const summary = await importFile(ctx, {
            orgId: org.id,
            sourceId: source.id,
            userId: null,
            input: file,
            fileName: file,
            format: options.format,
            mapping,
            encoding: options.encoding,
            delimiter: options.delimiter,
          });
          const { recordAudit } = await import('../audit/record-audit.ts');
          await recordAudit(ctx.db, {
            orgId: org.id,
            userId: null,
            actor: 'cli',
            action: 'import.file',
            targetType: 'import_run',
            targetId: summary.runId,
            details: { fileName: file, accepted: summary.accepted },
          });
          console.log(
            JSON.stringify({
              accepted: summary.accepted,
              duplicates: summary.duplicates,
              updated: summary.updated,
              rejected: summary.rejected,
              rejectedCount: summary.rejectedCount,
              runId: summary.runId,
            }),
          );
          if (summary.error) fail(`${file}: ${summary.error}`);
        } finally {
          await ctx.close();
        }
      },
    );

  const users = program.command('users').description('manage users');
  users
    .command('add')
    .description('add a user to an organisation')
    .requiredOption('--org <slug>', 'organisation slug')
    .requiredOption('--email <email>', 'login e-mail')
    .requiredOption('--name <name>', 'display name')
    .addOption(new Option('--role <role>', 'role').choices(['admin', 'leadership', 'pr', 'marketing', 'service', 'department_head', 'staff', 'viewer']).makeOptionMandatory())
    .option('--password-stdin', "read the new user's password from standard input (else it is asked for at the terminal, not echoed)")
    // Declared only to refuse it with a reason: a password on the command line is in the process list.
    .addOption(new Option('--password <password>').hideHelp())
    .addHelpText(
      'after',
      `${ENV_HELP}\nThe password is never an argument: it is asked for at the terminal, or piped with --password-stdin:\n  printf %s "$PASSWORD" | verity users add --org clinic --email a@clinic.example --name A --role admin --password-stdin\n`,
    )
    .action(async (options: { org: string; email: string; name: string; role: 'admin'; password?: string; passwordStdin?: boolean }) => {
      const { PASSWORD_IN_ENVIRONMENT, PASSWORD_ON_COMMAND_LINE, PasswordInputError, readPassword } = await import('./read-password.ts');
      if (options.password !== undefined) fail(PASSWORD_ON_COMMAND_LINE);
      if (process.env.VERITY_PASSWORD !== undefined) fail(PASSWORD_IN_ENVIRONMENT);
      if (!/^[^@\s]+@[^@\s]+$/.test(options.email)) fail(`'${options.email}' is not an e-mail address`);
      // Refused before the password is asked for, not after.
      await refuseIfStoreInUse();
      const password = await readPassword({ fromStdin: Boolean(options.passwordStdin), confirm: true }).catch((error: Error) =>
        fail(error instanceof PasswordInputError ? error.message : `cannot read the password: ${error.message}`),
      );
      if (password.length < 8) fail('the password must have at least 8 characters');
      const ctx = await openContext({ queue: 'none' });
      try {
        const org = await ctx.db.selectFrom('organisations').select('id').where('slug', '=', options.org).executeTakeFirst();
        if (!org) fail(`no organisation with slug '${options.org}'`);
        const { createUser } = await import('../auth/create-user.ts');
        await createUser(ctx.db, { orgId: org.id, email: options.email, name: options.name, role: options.role, password }, { userId: null, actor: 'cli', ip: null }).catch((error: Error) =>
          fail(error.message),
        );
        console.log(`user ${options.email} added to ${options.org} as ${options.role}`);
      } finally {
        await ctx.close();
      }
    });

  program
    .command('orgs')
    .description('manage organisations')
    .command('add')
    .description('create an organisation (tenant)')
    .requiredOption('--slug <slug>', 'short name: lowercase letters, digits and -')
    .requiredOption('--name <name>', 'display name')
    .option('--timezone <tz>', 'IANA time zone', 'UTC')
    .addHelpText('after', ENV_HELP)
    .action(async (options: { slug: string; name: string; timezone: string }) => {
      if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(options.slug)) fail('--slug may hold lowercase letters, digits and - only');
      const ctx = await openContext({ queue: 'none' });
      try {
        const { createOrganisation } = await import('../orgs/orgs.queries.ts');
        const created = await createOrganisation(ctx.db, options);
        if (!created) fail(`an organisation with slug '${options.slug}' already exists`);
        console.log(`organisation ${options.slug} created`);
      } finally {
        await ctx.close();
      }
    });

  program
    .command('rotate-key')
    .description('re-encrypt every stored secret (channel URLs and tokens, webhook and SMS secrets) under a new key, in one transaction')
    .option('--new-key-stdin', 'read the new key (64 hex digits or base64 of 32 bytes) from standard input (else from VERITY_NEW_SECRET_KEY)')
    // Declared only to refuse it with a reason: a key on the command line is in the process list.
    .addOption(new Option('--new-key <key>').hideHelp())
    .addHelpText(
      'after',
      `${ENV_HELP}
The old key is the configured one (VERITY_SECRET_KEY, else the data directory's secret.key). Stop Verity first.
  openssl rand -hex 32 > new.key && verity rotate-key --new-key-stdin < new.key
`,
    )
    .action(async (options: { newKey?: string; newKeyStdin?: boolean }) => {
      const { NEW_KEY_ON_COMMAND_LINE, readNewKey, rotateKey } = await import('./rotate-key.ts');
      if (options.newKey !== undefined) fail(NEW_KEY_ON_COMMAND_LINE);
      const newKey = await readNewKey({ fromStdin: Boolean(options.newKeyStdin) }).catch((error: Error) => fail(error.message));
      const ctx = await openContext({ queue: 'none' });
      try {
        for (const line of await rotateKey(ctx, newKey).catch((error: Error) => fail(error.message))) console.log(line);
      } finally {
        await ctx.close();
      }
    });

  program
    .command('doctor')
    .description('check the database, the migrations and the job queue')
    .addHelpText('after', ENV_HELP)
    .action(async () => {
      const { doctor } = await import('./doctor.ts');
      const ok = await doctor();
      if (!ok) throw new CommanderError(1, 'verity.doctor', '');
    });

  program
    .command('reanalyze')
    .alias('reanalyse')
    .description('mark every mention analysed by an older model for re-analysis; the running workers pick them up (resumable)')
    .addHelpText('after', ENV_HELP)
    .action(async () => {
      const ctx = await openContext({ queue: 'none' });
      try {
        const { createAnalyser } = await import('../analysis/index.ts');
        const { markForReanalysis } = await import('../mentions/analyse-pending.ts');
        const version = createAnalyser().analyse({ text: 'ok' }).modelVersion;
        const marked = await markForReanalysis(ctx.db, version);
        console.log(`${marked} mentions marked for re-analysis with model ${version}`);
      } finally {
        await ctx.close();
      }
    });

  program
    .command('train')
    .description('retrain the sentiment models on the public data and the clinic set; --with-corrections adds the corrections people made in the inbox')
    .option('--with-corrections', "export the organisation's corrections (corrections.jsonl) and train on them too")
    .option('--org <slug>', 'the organisation whose corrections to use (default: every organisation)')
    .option('--data <dir>', 'the public labelled data (default: VERITY_TRAINING_DATA or ../shared/data)')
    .option('--out <dir>', 'where to write the models and corrections.jsonl (default: VERITY_MODEL_DIR or models/); serve them with VERITY_MODEL_DIR=<dir>')
    .addHelpText('after', ENV_HELP)
    .action(async (options: { withCorrections?: boolean; org?: string; data?: string; out?: string }) => {
      const path = await import('node:path');
      if (options.org && !options.withCorrections) fail('--org names whose corrections to train on: use it with --with-corrections');
      const repoRoot = path.resolve(import.meta.dirname, '../..');
      const dataDir = path.resolve(options.data ?? process.env.VERITY_TRAINING_DATA ?? path.join(repoRoot, '../shared/data'));
      const outDir = path.resolve(options.out ?? process.env.VERITY_MODEL_DIR ?? path.join(repoRoot, 'models'));
      const { readLabelledData } = await import('../analysis/training-data.ts');
      const { CLINIC_WEIGHT, trainAndWriteModels } = await import('../analysis/train-sentiment.ts');
      let extraRows: LabelledText[] = [];
      if (options.withCorrections) {
        const { exportCorrections, sentimentTrainingRows, writeCorrections } = await import('../analysis/export-corrections.ts');
        const ctx = await openContext({ queue: 'none' });
        try {
          let orgId: string | null = null;
          if (options.org) {
            const org = await ctx.db.selectFrom('organisations').select('id').where('slug', '=', options.org).executeTakeFirst();
            if (!org) fail(`no organisation with the slug ${options.org}`);
            orgId = org.id;
          }
          const rows = await exportCorrections(ctx.db, orgId);
          const file = writeCorrections(outDir, rows);
          extraRows = sentimentTrainingRows(rows, CLINIC_WEIGHT);
          console.log(`exported ${rows.length} corrections (${extraRows.length} sentiment rows to train on) to ${file}`);
        } finally {
          await ctx.close();
        }
      }
      const started = performance.now();
      const rows = readLabelledData(dataDir);
      console.log(`read ${rows.length} labelled rows from ${dataDir}`);
      const manifest = trainAndWriteModels(rows, outDir, { extraRows, log: (line) => console.log(line) });
      console.log(`wrote ${Object.keys(manifest.models).length} models to ${outDir} (version ${manifest.version}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    });

  program
    .command('analyze')
    .alias('analyse')
    .description('analyse JSON Lines {"id","text","rating","lang"} and write one JSON line of analysis per input')
    .option('--in <file>', 'input file (default: stdin)')
    .option('--out <file>', 'output file (default: stdout)')
    .option('--roster <file>', 'staff roster JSON [{"id","name","aliases":[…]}]')
    .action(async (options: { in?: string; out?: string; roster?: string }) => {
      const { runAnalyseCli } = await import('../analysis/index.ts');
      const code = await runAnalyseCli(options, process.stdin, process.stdout);
      if (code !== 0) throw new CommanderError(code, 'verity.analyze', '');
    });

  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'verity.fail') console.error(`verity: ${error.message}`);
      return error.exitCode;
    }
    console.error(`verity: ${error instanceof Error ? error.message : String(error)}`);
    if (process.env.VERITY_DEBUG) console.error(error);
    return 1;
  }
}
