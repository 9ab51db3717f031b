/**
 * Reads the README as the tests see it: its fenced code blocks (language, the `test` mark, the
 * `file=` name a block is written to), its headings' anchors and its internal links.
 */
import { readFileSync } from 'node:fs';

export interface CodeBlock {
  /** `ts`, `tsx`, `html`, `sh`, `css`… (empty for a plain fence). */
  lang: string;
  /** Marked runnable: "```ts test". */
  test: boolean;
  /** `file=<name>`: where the block is written in the scratch app, else `block-<line>.<lang>`. */
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  code: string;
}

export const README = new URL('../../README.md', import.meta.url);

export function readReadme(): string {
  return readFileSync(README, 'utf8');
}

/** Every fenced block, in order. */
export function codeBlocks(markdown: string): CodeBlock[] {
  const lines = markdown.split('\n');
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S*)(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i] !== '```'; i++) body.push(lines[i]!);
    const lang = open[1]!;
    const words = open[2]!.trim().split(/\s+/).filter(Boolean);
    const file = words.find((w) => w.startsWith('file='))?.slice('file='.length);
    blocks.push({
      lang,
      test: words.includes('test'),
      file: file ?? `block-${start + 1}.${lang}`,
      line: start + 1,
      code: `${body.join('\n')}\n`,
    });
  }
  return blocks;
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The anchors of every heading outside code blocks (repeats get GitHub's `-1`, `-2`). */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const heading = fenced ? null : /^#{1,6}\s+(.*)$/.exec(line);
    if (!heading) continue;
    const base = anchorOf(heading[1]!);
    let anchor = base;
    for (let n = 1; anchors.has(anchor); n++) anchor = `${base}-${n}`;
    anchors.add(anchor);
  }
  return anchors;
}

/** Every `](#anchor)` link outside code blocks. */
export function internalLinks(markdown: string): string[] {
  const prose = markdown.replace(/^```[\s\S]*?^```$/gm, '');
  return [...prose.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]!);
}

/**
 * The commands of a shell block: continuation lines joined, comments and blank lines dropped.
 */
export function shellCommands(code: string): string[] {
  const joined = code.replace(/\\\n/g, ' ');
  return joined
    .split('\n')
    .map((line) => line.replace(/(^|\s)#.*$/, '').trim())
    .filter((line) => line !== '');
}

/** A strict app's tsconfig for README files (`files` or `include`), as a developer would have it. */
export function scratchTsconfig(
  select: { files: string[] } | { include: string[] },
  skipLibCheck: boolean,
): string {
  return JSON.stringify({
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      lib: ['ES2023', 'DOM', 'DOM.Iterable'],
      types: ['node'],
      strict: true,
      jsx: 'react-jsx',
      noEmit: true,
      skipLibCheck,
    },
    ...select,
  });
}
