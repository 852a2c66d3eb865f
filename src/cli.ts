#!/usr/bin/env node
// clusterc command line: the only module (with src/cli/*) that touches the file system, the
// process and the console. Each command's implementation is imported lazily, so a command
// loads only what it needs (no parser construction or schema compilation for `explain`).
// Exit codes: 0 no errors (warnings allowed), 1 input has errors, 2 usage, I/O or internal error.
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { CliError, EXIT_USAGE, parseMaxErrors } from './cli/io.js';

const collect = (v: string, prev: string[] = []) => [...prev, v];

/** Adds the options every diagnostic-printing command shares. */
function withOutputOptions(cmd: Command, formats: string[] = ['human', 'json']): Command {
  return cmd
    .addOption(new Option('--format <format>', 'diagnostic output format').choices(formats).default('human'))
    .addOption(new Option('--color <when>', 'colour human output (FORCE_COLOR and NO_COLOR are honoured with auto)').choices(['auto', 'always', 'never']).default('auto'))
    .option('--no-color', 'same as --color never')
    .option('--quiet', 'hide notes (errors and warnings are still shown)')
    .option('--max-errors <n>', 'show at most N errors (a positive number)', (v) => {
      const n = parseMaxErrors(v);
      if (typeof n === 'string') throw new InvalidArgumentError(n);
      return v;
    });
}

/** Adds the options that shape the emitted documents: `compile`, and `check`, which runs the emitters too. */
function withEmitOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--target <target>', 'what to emit').choices(['tosca', 'hot', 'all']).default('all'))
    .option('--tosca-types-url <url>', 'URL of the INDIGO custom_types.yaml the TOSCA output imports')
    .addOption(new Option('--hot-version <version>', 'heat_template_version of the HOT output').default('2018-08-31'))
    .addOption(new Option('--hot-mode <mode>', 'how HOT servers run the roles').choices(['cloud-init', 'software-config']).default('cloud-init'))
    .option('--deny-warnings', 'treat warnings as errors')
    .option('--allow <name>', 'silence a warning or note, by name or code (repeatable)', collect)
    .option('--deny <name>', 'make a warning or note an error, by name or code (repeatable)', collect);
}

/** Runs an action, turning CliError and unexpected exceptions into one-line messages and exit 2. */
async function run(action: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await action();
  } catch (e) {
    if (e instanceof CliError) {
      process.stderr.write(`error: ${e.message}\n`);
    } else {
      const msg = e instanceof Error ? e.message : String(e);
      process.stderr.write(`error: internal error: ${msg} (this is a bug in clusterc; please report it)\n`);
      if (process.env['CLUSTERC_DEBUG'] && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    }
    process.exitCode = EXIT_USAGE;
  }
}

const program = new Command('clusterc')
  .description(
    'Compile a cluster spec into a TOSCA topology (INDIGO PaaS Orchestrator) and an OpenStack Heat template;\nlint TOSCA definitions.',
  )
  .version('0.1.0', '-V, --version')
  .showHelpAfterError('(run `clusterc --help` for usage)')
  .exitOverride()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) });

withOutputOptions(
  withEmitOptions(
    program
      .command('check')
      .description('parse and check cluster specs (every error compile would report), write nothing; `-` reads stdin')
      .argument('<files...>', '.cluster spec files')
      .addOption(new Option('--dump <what>', 'print the AST or the lowered model as YAML').choices(['ast', 'model'])),
  ),
).action((files: string[], opts) => run(async () => (await import('./cli/check.js')).runCheck(files, opts)));

withOutputOptions(
  withEmitOptions(
    program
      .command('compile')
      .description('compile cluster specs into TOSCA and HOT documents; `-` reads stdin')
      .argument('<files...>', '.cluster spec files')
      .option('--out-dir <dir>', 'directory for <cluster>.tosca.yaml / <cluster>.hot.yaml', 'out')
      .option('--stdout', 'print the single target to stdout instead of writing files (diagnostics go to stderr)'),
  ),
).action((files: string[], opts) => run(async () => (await import('./cli/compile.js')).runCompile(files, opts)));

withOutputOptions(
  program
    .command('lint')
    .description('lint TOSCA Simple Profile 1.0 definitions and service templates')
    .argument('<paths...>', 'YAML files or directories')
    .option('--import-map <url=path>', 'serve an import URL (or URL prefix ending in /) from a local path (repeatable)', collect)
    .option('--allow <name>', 'turn a lint rule off (repeatable)', collect)
    .option('--deny <name>', 'make a lint warning an error (repeatable)', collect)
    .option('--deny-warnings', 'treat warnings as errors'),
  ['human', 'json', 'sarif'],
).action((paths: string[], opts) => run(async () => (await import('./cli/lint.js')).runLint(paths, opts)));

program
  .command('explain')
  .description('print the long explanation of a diagnostic code (or `--list` all codes)')
  .argument('[code]', 'a code such as CS1001, or its name')
  .option('--list', 'list every code with its name and severity')
  .action((code: string | undefined, opts) => run(async () => (await import('./cli/explain.js')).runExplain(code, opts)));

program
  .command('grammar')
  .description('print the spec grammar as EBNF or as an offline HTML railroad diagram')
  .addOption(new Option('--ebnf', 'print grammar/cluster-spec.ebnf').conflicts('html'))
  .addOption(new Option('--html', 'print grammar/diagrams.html'))
  .option('--write <dir>', 'write both files into DIR')
  .action((opts) => run(async () => (await import('./cli/grammar.js')).runGrammar(opts)));

try {
  if (process.argv.length <= 2) {
    // No command at all: the usage, on stderr, and a usage exit code (a script that forgot its
    // arguments must not pass).
    program.outputHelp({ error: true });
    process.exitCode = EXIT_USAGE;
  } else await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    const ok = e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help';
    process.exitCode = ok ? 0 : EXIT_USAGE;
  } else {
    process.stderr.write(`error: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = EXIT_USAGE;
  }
}
