import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from './cliRunner';
import { repoRoot } from './lspClient';

// `--help` must document every flag each command's parser accepts, and nothing it does not.

/** The flags in the help text of each command: from its "  command ..." line up to the next command or blank line. */
function helpFlags(help: string): Map<string, Set<string>> {
  const sections = new Map<string, Set<string>>();
  let current: Set<string> | undefined;
  for (const line of help.split('\n')) {
    const command = /^ {2}([a-z]+)\b/.exec(line);
    if (command) sections.set(command[1]!, (current = new Set()));
    else if (!/^ {3,}\S/.test(line)) current = undefined;
    if (current) for (const [flag] of line.matchAll(/--[a-z][a-z-]*/g)) current.add(flag);
  }
  return sections;
}

/** The flags a command's source hands to parseArgs (value flags and switches alike). */
function parserFlags(sourceFile: string): Set<string> {
  const source = fs.readFileSync(path.join(repoRoot(), 'server', 'src', 'cli', sourceFile), 'utf8');
  const spec = /parseArgs\(argv,\s*(\{[\s\S]*?\})\s*\)/.exec(source);
  assert.ok(spec, `no parseArgs(argv, {...}) call in ${sourceFile}`);
  return new Set([...spec[1]!.matchAll(/'(--[a-z][a-z-]*)'/g)].map((match) => match[1]!));
}

const COMMANDS: [command: string, sourceFile: string][] = [
  ['check', 'check.ts'],
  ['simulate', 'simulate.ts'],
  ['test', 'testCommand.ts'],
  ['summary', 'summary.ts'],
  ['diff', 'diff.ts'],
];

const cwd = os.tmpdir();
const help = runCli(cwd, ['--help']);

for (const [command, sourceFile] of COMMANDS) {
  test(`${command} --help prints that command's usage and exits 0`, () => {
    for (const flag of ['--help', '-h']) {
      const result = runCli(cwd, [command, flag]);
      assert.equal(result.status, 0, result.stderr);
      assert.equal(result.stderr, '');
      assert.match(result.stdout, new RegExp(`^Usage: iam-author ${command}\\b`));
      for (const accepted of parserFlags(sourceFile)) assert.ok(result.stdout.includes(accepted), `${command} --help lacks ${accepted}`);
    }
  });
}

test('--help lists exactly the commands with parsers', () => {
  assert.equal(help.status, 0, help.stderr);
  assert.deepEqual([...helpFlags(help.stdout).keys()].sort(), COMMANDS.map(([command]) => command).sort());
});

for (const [command, sourceFile] of COMMANDS) {
  test(`--help documents exactly the flags of ${command} (${sourceFile})`, () => {
    const documented = helpFlags(help.stdout).get(command) ?? new Set<string>();
    const accepted = parserFlags(sourceFile);
    assert.ok(accepted.size > 0, `no flags read from ${sourceFile}`);
    assert.deepEqual([...accepted].filter((flag) => !documented.has(flag)).sort(), [], 'accepted but not in --help');
    assert.deepEqual([...documented].filter((flag) => !accepted.has(flag)).sort(), [], 'in --help but not accepted');
  });

  // Guards the source reading above: a flag read from the source that the process rejects means the
  // reading went wrong, not that the help is right.
  test(`every flag documented for ${command} is known to the running CLI`, () => {
    for (const flag of helpFlags(help.stdout).get(command) ?? []) {
      const result = runCli(cwd, [command, flag, 'x']);
      assert.doesNotMatch(result.stderr, new RegExp(`unknown option ${flag}\\b`), `${command} ${flag}`);
    }
    const bogus = runCli(cwd, [command, '--no-such-flag', 'x']);
    assert.match(bogus.stderr, /unknown option --no-such-flag/);
  });
}
