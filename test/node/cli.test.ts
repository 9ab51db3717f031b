/** The `ogone-checkout` command line's own flags: --version, --help, --env-file, unknown input. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
const VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const child = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], {
    env: { PATH: process.env['PATH'], ...env },
    encoding: 'utf8',
  });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

describe('ogone-checkout', () => {
  it('--version prints the package version', () => {
    const { code, stdout } = run(['--version']);
    assert.equal(code, 0);
    assert.equal(stdout.trim(), VERSION);
  });

  it('--help lists the commands; every command has its own --help', () => {
    const help = run(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /serve/);
    assert.match(help.stdout, /sandbox/);
    for (const command of ['serve', 'sandbox']) {
      const own = run([command, '--help']);
      assert.equal(own.code, 0, command);
      assert.match(own.stdout, new RegExp(`ogone-checkout ${command}`));
      assert.deepEqual(run(['help', command]).stdout, own.stdout);
    }
  });

  it('--env-file loads variables before the command, without overriding the environment', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ogone-cli-'));
    const file = join(dir, '.env');
    writeFileSync(file, 'OGONE_HASH_ALGORITHM=md5\nOGONE_PSPID=FROMFILE\n');
    const fromFile = run(['--env-file', file, 'serve']);
    assert.equal(fromFile.code, 1);
    assert.match(fromFile.stderr, /Invalid OGONE_HASH_ALGORITHM/);
    assert.doesNotMatch(fromFile.stderr, /Invalid OGONE_PSPID/);
    const overridden = run([`--env-file=${file}`, 'serve'], { OGONE_HASH_ALGORITHM: 'sha256' });
    assert.doesNotMatch(overridden.stderr, /OGONE_HASH_ALGORITHM/);
    // Node 20 reads --env-file itself wherever it appears (and stops on a missing file); newer
    // Nodes leave it to the command. Either way: a clear message naming the file, no start.
    const missing = run(['--env-file', join(dir, 'nope'), 'serve']);
    assert.notEqual(missing.code, 0);
    assert.match(missing.stderr, /nope/);
  });

  it('refuses unknown commands and options with the usage', () => {
    for (const args of [['nope'], ['--nope'], []]) {
      const { code, stdout, stderr } = run(args);
      assert.equal(code, 2, args.join(' '));
      assert.match(stdout + stderr, /Usage: ogone-checkout/);
    }
  });
});
