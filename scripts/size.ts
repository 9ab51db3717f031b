/**
 * `npm run size`: gzip size of the self-contained browser bundle of `<ogone-checkout>` (element +
 * lit + zod/mini), minified ESM as a storefront would ship it. Also reports the package root entry
 * (element + the whole protocol core), which a bundler only shrinks when the app imports selectively.
 */
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** The gzip budget the test enforces; the target is 14 KB. */
export const SIZE_LIMIT_BYTES = 16 * 1024;
export const SIZE_TARGET_BYTES = 14 * 1024;

export interface BundleSize {
  entry: string;
  minifiedBytes: number;
  gzipBytes: number;
  /** The minified bundle itself. */
  code: string;
}

const root = fileURLToPath(new URL('..', import.meta.url));

/** Bundles `entry` (relative to the package root) for browsers and measures it. */
export async function measureBundle(entry: string): Promise<BundleSize> {
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: root,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['browser', 'production'],
    tsconfig: 'tsconfig.json',
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error(`esbuild produced no output for ${entry}`);
  return {
    entry,
    minifiedBytes: output.contents.byteLength,
    gzipBytes: gzipSync(output.contents, { level: 9 }).byteLength,
    code: output.text,
  };
}

/** The element's define module: what `<script type="module">` users load. */
export const ELEMENT_ENTRY = 'src/element/ogone-checkout.ts';
/** The package root (`ogone-checkout`): element plus the whole protocol re-exported. */
export const ROOT_ENTRY = 'src/index.ts';

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(2)} KB`;
}

async function main(): Promise<void> {
  const element = await measureBundle(ELEMENT_ENTRY);
  const rootEntry = await measureBundle(ROOT_ENTRY);
  for (const size of [element, rootEntry]) {
    console.log(
      `${size.entry.padEnd(30)} ${String(size.minifiedBytes).padStart(7)} B min  ${String(size.gzipBytes).padStart(6)} B gzip (${kb(size.gzipBytes)})`,
    );
  }
  const verdict =
    element.gzipBytes <= SIZE_TARGET_BYTES
      ? 'within the 14 KB target'
      : element.gzipBytes <= SIZE_LIMIT_BYTES
        ? 'over the 14 KB target, within the 16 KB limit'
        : 'OVER the 16 KB limit';
  console.log(`<ogone-checkout> bundle: ${kb(element.gzipBytes)} gzip, ${verdict}`);
  if (element.gzipBytes > SIZE_LIMIT_BYTES) process.exitCode = 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main();
}
