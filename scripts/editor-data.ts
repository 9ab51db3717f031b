/**
 * After `cem analyze`: points custom-elements.json at the shipped `dist/*.js` modules (the
 * analyzer reads the TypeScript sources), then derives the editor data from it — VS Code's
 * `html-custom-data` and JetBrains' `web-types` — so the tag, its attributes, events, slots, parts
 * and CSS properties autocomplete. Run by `npm run build:manifest`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const read = <T>(file: string) => JSON.parse(readFileSync(`${root}${file}`, 'utf8')) as T;
const write = (file: string, value: unknown) =>
  writeFileSync(`${root}${file}`, `${JSON.stringify(value, null, 2)}\n`);

interface Named {
  name: string;
  description?: string;
  type?: { text: string };
  default?: string;
}
interface Declaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  description?: string;
  summary?: string;
  attributes?: (Named & { fieldName?: string })[];
  events?: Named[];
  slots?: Named[];
  cssParts?: Named[];
  cssProperties?: Named[];
}
interface Manifest {
  schemaVersion: string;
  modules: { kind: string; path: string; declarations?: Declaration[]; exports?: unknown[] }[];
}

/** `src/element/x.ts` → `dist/element/x.js`. */
function shipped(path: string): string {
  return path.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js');
}

function rewritePaths(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewritePaths);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] =
      (key === 'path' || key === 'module') && typeof item === 'string' && item.startsWith('src/')
        ? shipped(item)
        : rewritePaths(item);
  }
  return out;
}

const manifest = rewritePaths(read<Manifest>('custom-elements.json')) as Manifest;
write('custom-elements.json', manifest);

const pkg = read<{ name: string; version: string }>('package.json');
const elements = manifest.modules.flatMap((module) =>
  (module.declarations ?? [])
    .filter((d) => d.customElement && d.tagName)
    .map((declaration) => ({ declaration, path: module.path })),
);

/** Attribute values an editor can offer: the literals of a `'a' | 'b'` type. */
function literals(type: string | undefined): { name: string }[] | undefined {
  if (type === undefined) return undefined;
  const parts = type.split('|').map((part) => part.trim());
  if (!parts.every((part) => /^'[^']*'$/.test(part))) return undefined;
  return parts.map((part) => ({ name: part.slice(1, -1) }));
}

const doc = (d: Declaration) => [d.summary, d.description].filter(Boolean).join('\n\n');

write('dist/vscode.html-custom-data.json', {
  $schema:
    'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json',
  version: 1.1,
  tags: elements.map(({ declaration: d }) => ({
    name: d.tagName,
    description: doc(d),
    attributes: (d.attributes ?? []).map((attribute) => {
      const values = literals(attribute.type?.text);
      return {
        name: attribute.name,
        description: attribute.description ?? '',
        ...(values ? { values } : {}),
      };
    }),
  })),
});

write('dist/web-types.json', {
  $schema: 'https://json.schemastore.org/web-types',
  name: pkg.name,
  version: pkg.version,
  'description-markup': 'markdown',
  contributions: {
    html: {
      elements: elements.map(({ declaration: d, path }) => ({
        name: d.tagName,
        description: doc(d),
        source: { module: `./${path}`, symbol: d.name },
        attributes: (d.attributes ?? []).map((attribute) => ({
          name: attribute.name,
          description: attribute.description ?? '',
          ...(attribute.default !== undefined ? { default: attribute.default } : {}),
          value: { type: attribute.type?.text ?? 'string' },
        })),
        events: (d.events ?? []).map((event) => ({
          name: event.name,
          description: event.description ?? '',
        })),
        slots: (d.slots ?? []).map((slot) => ({
          name: slot.name,
          description: slot.description ?? '',
        })),
        css: {
          parts: (d.cssParts ?? []).map((part) => ({
            name: part.name,
            description: part.description ?? '',
          })),
          properties: (d.cssProperties ?? []).map((property) => ({
            name: property.name,
            description: property.description ?? '',
          })),
        },
      })),
    },
  },
});

console.log(
  `custom-elements.json → dist paths; dist/vscode.html-custom-data.json and dist/web-types.json for ${elements.map((e) => e.declaration.tagName).join(', ')}`,
);
