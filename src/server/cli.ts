/** `ogone-checkout serve` — placeholder, implemented with the companion endpoint. */
export async function runServe(_argv: string[], _env: NodeJS.ProcessEnv): Promise<number> {
  process.stderr.write('ogone-checkout serve: not implemented yet\n');
  return 1;
}
