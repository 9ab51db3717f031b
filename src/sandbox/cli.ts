/** `ogone-checkout sandbox` — placeholder, implemented with the sandbox. */
export async function runSandbox(_argv: string[], _env: NodeJS.ProcessEnv): Promise<number> {
  process.stderr.write('ogone-checkout sandbox: not implemented yet\n');
  return 1;
}
