#!/usr/bin/env node
// clusterc command line: the only module (with src/cli/*) that touches the file system, the
// process and the console. Each command's implementation is imported lazily, so a command
// loads only what it needs (no parser construction or schema compilation for `explain`).
// Exit codes: 0 no errors (warnings allowed), 1 input has errors, 2 usage, I/O or internal error.
import { writeSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { CliError } from './cli/io-errors.js';
import { EXIT_USAGE, parseMaxErrors } from './cli/exit.js';

const collect = (v: string, prev: string[] = []) => [...prev, v];

/** Adds the options every diagnostic-printing command shares. */
function withOutputOptions(cmd: Command, formats: string[] = ['human', 'json']): Command {
  return cmd
    .addOption(new Option('--format <format>', 'diagnostic output format').choices(formats).default('human'))
    .addOption(new Option('--color <when>', 'colour human output (FORCE_COLOR and NO_COLOR are honoured with auto)').choices(['auto', 'always', 'never']).default('auto'))
    .option('--no-color', 'same as --color never')
    .option('--quiet', 'hide notes (errors and warnings are still shown)')
    .option('--max-errors <n>', 'show at most N errors (a positive number; human output shows 100 by default)', (v) => {
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
      .option('--out-dir <dir>', 'directory for <cluster>.tosca.yaml / <cluster>.hot.yaml and their inputs files', 'out')
      .option('--stdout', 'print the single target to stdout instead of writing files (diagnostics go to stderr)'),
  ),
).action((files: string[], opts) => run(async () => (await import('./cli/compile.js')).runCompile(files, opts)));

withOutputOptions(
  program
    .command('lint')
    .description('lint TOSCA definitions and service templates (Simple Profile 1.0-1.3, NFV and MEC profiles)')
    .argument('<paths...>', 'YAML files, CSAR archives (*.csar, *.zip) or directories (directories: YAML that is not TOSCA is skipped with a note)')
    .option('--import-map <url=path>', 'serve an import URL (or URL prefix ending in /) from a local path (repeatable)', collect)
    .option('--severity <rule=level>', 'set a lint rule to error, warning, note or off (repeatable; wins over .clusterc-lint.yaml)', collect)
    .option('--no-config', 'ignore .clusterc-lint.yaml files')
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

/** Adds the connection options of the deployment commands. */
function withOrchestrator(cmd: Command): Command {
  return withOutputOptions(cmd)
    .option('--url <url>', 'orchestrator API root (default: $ORCHENT_URL)')
    .option('--request-timeout <duration>', 'time limit of one request, e.g. 30s', '60s');
}

/** Adds --wait and its limits. */
function withWait(cmd: Command, what: string): Command {
  return cmd
    .option('--wait', `wait until the ${what}, with a progress line (Ctrl-C stops waiting, not the deployment)`)
    .option('--poll-interval <duration>', 'time between two status polls', '10s')
    .option('--wait-timeout <duration>', 'stop waiting after this long', '2h');
}

const ORCHENT_ENV = `
Environment (as for orchent): ORCHENT_URL (API root), ORCHENT_TOKEN (access token) or
ORCHENT_AGENT_ACCOUNT (get one with \`oidc-token ACCOUNT\`), ORCHENT_CAFILE (PEM of a private CA).`;

withWait(
  withOrchestrator(
    program
      .command('submit')
      .description('compile a spec and create its TOSCA deployment on the INDIGO PaaS Orchestrator; prints the deployment uuid')
      .argument('<file>', '.cluster spec file')
      .option('--cluster <name>', 'the cluster to deploy when the file declares several')
      .option('--inputs <file>', 'input values: the <cluster>.tosca.inputs.json compile writes, filled in')
      .option('-p, --parameter <name=value>', 'an input value (repeatable; wins over --inputs)', collect)
      .option('--group <group>', 'user group of the deployment (one of the token\'s groups)')
      .option('--callback <url>', 'URL the orchestrator POSTs the deployment to when it is done')
      .option('--timeout-mins <n>', 'orchestrator-side deployment timeout in minutes')
      .option('--tosca-types-url <url>', 'URL of the INDIGO custom_types.yaml the TOSCA output imports'),
  ),
  'deployment is complete or failed',
)
  .addHelpText('after', `\nExample:\n  $ cp out/mesos-prod.tosca.inputs.json prod.inputs.json   # written by compile; fill in the nulls\n  $ clusterc submit examples/mesos-ha.cluster --inputs prod.inputs.json -p marathon_password=$PW --group cms --wait\n${ORCHENT_ENV}`)
  .action((file: string, opts) => run(async () => (await import('./cli/submit.js')).runSubmit(file, opts)));

for (const [name, description, example] of [
  ['status', 'print the status of a deployment (and the reason, when there is one)', 'clusterc status 11e9-9a1c-...'],
  ['outputs', 'print the outputs of a deployment (endpoints, addresses)', 'clusterc outputs 11e9-9a1c-... --format json'],
  ['logs', 'print the log of a deployment', 'clusterc logs 11e9-9a1c-... | less'],
  ['delete', 'delete a deployment and everything it created', 'clusterc delete 11e9-9a1c-... --wait'],
] as const) {
  const cmd = withOrchestrator(program.command(name).description(description).argument('<id>', 'deployment uuid'));
  if (name === 'delete') withWait(cmd, 'deployment is gone');
  cmd
    .addHelpText('after', `\nExample:\n  $ ${example}\n${ORCHENT_ENV}`)
    .action((id: string, opts) => run(async () => (await import('./cli/deployment.js')).runDeployment(name, id, opts)));
}

withOutputOptions(
  program
    .command('init')
    .description('write a commented starter spec NAME.cluster that compiles as it is')
    .argument('[name]', 'cluster name (also the file name)', 'my-cluster')
    .option('--ha', 'three masters, elastic agents, two load balancers with a VIP')
    .option('--dir <dir>', 'directory to write into', '.')
    .option('--stdout', 'print the spec instead of writing it')
    .option('--force', 'overwrite an existing file'),
)
  .addHelpText('after', '\nExample:\n  $ clusterc init mesos-prod --ha && clusterc compile mesos-prod.cluster')
  .action((name: string, opts) => run(async () => (await import('./cli/init.js')).runInit(name, opts)));

withOutputOptions(
  program
    .command('fmt')
    .description('rewrite specs in the canonical layout (indentation, aligned `=`, spacing), keeping every comment')
    .argument('<files...>', '.cluster spec files')
    .option('--check', 'write nothing; list the files that would change and exit 1 if any')
    .option('--stdout', 'print the formatted spec instead of rewriting the file'),
)
  .addHelpText('after', '\nExample:\n  $ clusterc fmt --check examples/*.cluster || clusterc fmt examples/*.cluster')
  .action((files: string[], opts) => run(async () => (await import('./cli/fmt.js')).runFmt(files, opts)));

withOutputOptions(
  program
    .command('diff')
    .description('what changes in each output between two versions of a spec; for HOT, which resources Heat updates in place or replaces')
    .argument('<old>', 'the old spec: a file, or REV:PATH from git (with no NEW: HEAD:<old> against <old>)')
    .argument('[new]', 'the new spec: a file, or REV:PATH')
    .addOption(new Option('--hot-mode <mode>', 'how HOT servers run the roles').choices(['cloud-init', 'software-config']).default('cloud-init'))
    .option('--tosca-types-url <url>', 'URL of the INDIGO custom_types.yaml the TOSCA output imports'),
)
  .addHelpText('after', '\nExamples:\n  $ clusterc diff examples/mesos-ha.cluster              # HEAD:examples/mesos-ha.cluster against the file\n  $ clusterc diff v1.0:prod.cluster prod.cluster')
  .action((oldArg: string, newArg: string | undefined, opts) => run(async () => (await import('./cli/diff.js')).runDiff(oldArg, newArg, opts)));

withOutputOptions(
  program
    .command('graph')
    .description('draw the topology: host groups, services, who reaches which port, the VIP, the inputs')
    .argument('<file>', '.cluster spec file')
    .addOption(new Option('--to <format>', 'graph format').choices(['dot', 'mermaid', 'svg']).default('dot'))
    .option('--cluster <name>', 'the cluster to draw when the file declares several')
    .option('-o, --output <file>', 'write the graph to FILE instead of stdout'),
)
  .addHelpText('after', '\nExamples:\n  $ clusterc graph examples/mesos-ha.cluster --to svg -o mesos-prod.svg\n  $ clusterc graph examples/mesos-ha.cluster --to mermaid     # paste into a Markdown ```mermaid block')
  .action((file: string, opts) => run(async () => (await import('./cli/graph.js')).runGraph(file, opts)));

/**
 * What no action caught. A reader that went away (`clusterc compile --stdout … | head`): Node's
 * stdout and stderr streams report the broken pipe as an 'error' event, which nothing else
 * listens to; the output was not wanted any more, so the process ends quietly with the code the
 * command set (as `git log | head` does), instead of a stack trace. Anything else is a bug: one
 * line, exit 2, the stack only with CLUSTERC_DEBUG. Written with writeSync: stderr may be the
 * broken pipe.
 */
function uncaught(e: unknown): void {
  const err = e as NodeJS.ErrnoException | undefined;
  if (err?.code === 'EPIPE' && err.syscall === 'write') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  const say = (s: string) => {
    try {
      writeSync(2, s);
    } catch {
      // (stderr is gone too)
    }
  };
  say(`error: internal error: ${e instanceof Error ? e.message : String(e)} (this is a bug in clusterc; please report it)\n`);
  if (process.env['CLUSTERC_DEBUG'] && e instanceof Error) say(`${e.stack}\n`);
  process.exit(EXIT_USAGE);
}

/**
 * Runs the command line `argv` (shaped as `process.argv`: node, script, arguments). The start-up
 * snapshot (src/snapshot.ts) calls it when it starts; every other way in runs it on import below.
 */
export function main(argv: readonly string[]): void {
  process.on('uncaughtException', uncaught);
  // No top-level await: the start-up bundle (src/tools/build-fast.ts) is CommonJS.
  if (argv.length <= 2) {
    // No command at all: the usage, on stderr, and a usage exit code (a script that forgot its
    // arguments must not pass).
    program.outputHelp({ error: true });
    process.exitCode = EXIT_USAGE;
  } else program.parseAsync([...argv]).catch((e: unknown) => {
    if (e instanceof CommanderError) {
      const ok = e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help';
      process.exitCode = ok ? 0 : EXIT_USAGE;
    } else {
      process.stderr.write(`error: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = EXIT_USAGE;
    }
  });
}

// Building the start-up snapshot, this module is loaded to run later, in each process it starts.
// (Told by Node's own option rather than node:v8's isBuildingSnapshot: loading node:v8 costs a
// tenth of a bare Node start, and this module is the entry of every command.)
if (!process.execArgv.includes('--build-snapshot')) main(process.argv);
