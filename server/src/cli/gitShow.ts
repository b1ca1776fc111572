import { execFileSync } from 'child_process';
import * as path from 'path';
import { UsageError } from './args';

/**
 * A file's content at a git revision, through `git show REV:./NAME` run in the file's folder — the
 * one program the CLI runs. Read-only; the arguments go to git as they are, never through a shell;
 * a revision that looks like an option is refused. Undefined when the file did not exist at REV.
 */
export function gitShow(ref: string, file: string): string | undefined {
  if (ref === '' || ref.startsWith('-') || /[\0\n]/.test(ref)) throw new UsageError(`--git: "${ref}" is not a revision`);
  const directory = path.dirname(path.resolve(file));
  try {
    return execFileSync('git', ['show', `${ref}:./${path.basename(file)}`], {
      cwd: directory,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      timeout: 30_000,
      stdio: ['ignore', 'pipe', 'pipe'],
      // No pager, no prompts, nothing from the user's terminal.
      env: { ...process.env, GIT_PAGER: 'cat', GIT_TERMINAL_PROMPT: '0' },
    });
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '');
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError('--git needs git on the PATH');
    if (/exists on disk, but not in|does not exist in|path '.*' does not exist/i.test(stderr)) return undefined;
    const first = stderr.split('\n').find((line) => line.trim() !== '') ?? 'git show failed';
    throw new UsageError(`--git ${ref}: ${file}: ${first.replace(/^fatal: /, '')}`);
  }
}
