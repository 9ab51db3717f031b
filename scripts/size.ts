/**
 * `npm run size`: gzip size of `<ogone-checkout>` as a browser first loads it (the define module
 * with lit, minified ESM, split where the element imports on demand), and of what it loads later:
 * the return half and each non-English string table. Also reports the package root entry (element
 * + the whole protocol core), which a bundler only shrinks when the app imports selectively.
 */
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type BuildOptions, type Metafile } from 'esbuild';

/** The gzip budget of the checkout half as first loaded (entry and its static imports). */
export const SIZE_LIMIT_BYTES = 14 * 1024;

export interface Chunk {
  /** Output file name, relative to the bundle's root. */
  file: string;
  gzipBytes: number;
  minifiedBytes: number;
  code: string;
}

export interface BundleSize {
  entry: string;
  /** The entry and every chunk it imports statically: what loads before the element renders. */
  firstLoad: Chunk[];
  /** Chunks reached only through `import()`: loaded on demand. */
  onDemand: Chunk[];
  /** Sum of the first-load chunks, each gzipped (as a browser fetches them). */
  gzipBytes: number;
  minifiedBytes: number;
}

const root = fileURLToPath(new URL('..', import.meta.url));

/** How the element is bundled for browsers: what `npm run size` measures and `dist/browser` ships. */
export const BROWSER_BUILD = {
  absWorkingDir: root,
  bundle: true,
  splitting: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  conditions: ['browser', 'production'],
  tsconfig: 'tsconfig.json',
  legalComments: 'none',
} as const satisfies BuildOptions;

/** Bundles `entry` (relative to the package root) for browsers, split, and measures its chunks. */
export async function measureBundle(entry: string): Promise<BundleSize> {
  const result = await build({
    ...BROWSER_BUILD,
    entryPoints: [entry],
    outdir: 'size-out',
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  const outputs: Metafile['outputs'] = result.metafile.outputs;
  const chunks = new Map<string, Chunk>();
  for (const file of result.outputFiles) {
    const name = file.path.slice(file.path.indexOf('size-out/'));
    chunks.set(name, {
      file: name,
      minifiedBytes: file.contents.byteLength,
      gzipBytes: gzipSync(file.contents, { level: 9 }).byteLength,
      code: file.text,
    });
  }
  const entryFile = Object.keys(outputs).find((name) => outputs[name]?.entryPoint === entry);
  if (!entryFile) throw new Error(`esbuild produced no output for ${entry}`);
  const first = new Set<string>();
  const visit = (name: string) => {
    if (first.has(name)) return;
    first.add(name);
    for (const item of outputs[name]?.imports ?? []) {
      if (item.kind === 'import-statement' && !item.external) visit(item.path);
    }
  };
  visit(entryFile);
  const firstLoad = [...first].map((name) => chunks.get(name)!);
  const onDemand = [...chunks.values()].filter((chunk) => !first.has(chunk.file));
  return {
    entry,
    firstLoad,
    onDemand,
    gzipBytes: firstLoad.reduce((sum, chunk) => sum + chunk.gzipBytes, 0),
    minifiedBytes: firstLoad.reduce((sum, chunk) => sum + chunk.minifiedBytes, 0),
  };
}

/** The element's define module: what `<script type="module">` users load. */
export const ELEMENT_ENTRY = 'src/element/ogone-checkout.ts';
/** The package root (`ogone-checkout`): element plus the whole protocol re-exported. */
export const ROOT_ENTRY = 'src/index.ts';

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(2)} KB`;
}

/** The module a chunk mostly holds, for the report (`return half`, `strings (pay: Payer)`…). */
function label(chunk: Chunk): string {
  if (/orders\//.test(chunk.code)) return 'return half';
  if (/allowedReturnOrigins/.test(chunk.code)) return 'console hints';
  const language = /pay:"([^"]+)"/.exec(chunk.code)?.[1];
  return language ? `strings (pay: ${language})` : chunk.file;
}

async function main(): Promise<void> {
  const element = await measureBundle(ELEMENT_ENTRY);
  const rootEntry = await measureBundle(ROOT_ENTRY);
  for (const size of [element, rootEntry]) {
    console.log(
      `${size.entry.padEnd(30)} first load ${String(size.minifiedBytes).padStart(7)} B min  ${String(size.gzipBytes).padStart(6)} B gzip (${kb(size.gzipBytes)}) in ${size.firstLoad.length} file(s)`,
    );
  }
  for (const chunk of element.onDemand) {
    console.log(
      `  on demand: ${label(chunk).padEnd(28)} ${String(chunk.minifiedBytes).padStart(6)} B min  ${String(chunk.gzipBytes).padStart(5)} B gzip`,
    );
  }
  const verdict =
    element.gzipBytes <= SIZE_LIMIT_BYTES ? 'within the 14 KB limit' : 'OVER the 14 KB limit';
  console.log(`<ogone-checkout> first load: ${kb(element.gzipBytes)} gzip, ${verdict}`);
  if (element.gzipBytes > SIZE_LIMIT_BYTES) process.exitCode = 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main();
}
