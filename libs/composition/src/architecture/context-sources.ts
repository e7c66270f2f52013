import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

// What the architecture specs (this folder) read: each bounded context's source files, parsed.
// Used by the specs only (docs/architecture.md §8).

export const LIBS = fileURLToPath(new URL('../../../', import.meta.url));
export const CONTEXTS = ['identity', 'families', 'catalogue', 'reservations', 'invoicing', 'messaging', 'audit'] as const;
export type Context = (typeof CONTEXTS)[number];

export interface SourceFile {
  /** Path inside the context's src/, with forward slashes. */
  path: string;
  text: string;
  ast: ts.SourceFile;
}

/** Every TypeScript file of a context's src/, parsed. */
export function sources(context: string): SourceFile[] {
  const root = join(LIBS, context, 'src');
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = join(dir, name);
      return statSync(full).isDirectory() ? walk(full) : name.endsWith('.ts') ? [full] : [];
    });
  return walk(root).map((full) => {
    const text = readFileSync(full, 'utf8');
    return { path: relative(root, full).split('\\').join('/'), text, ast: ts.createSourceFile(full, text, ts.ScriptTarget.Latest, true) };
  });
}

/** A spec, an integration spec, or a helper for tests (`testing/`). */
export const isTest = (path: string) => /\.(int-)?spec\.ts$/.test(path) || path.startsWith('testing/');

/** The nodes of a file, depth first. */
export function* nodes(node: ts.Node): Generator<ts.Node> {
  yield node;
  for (const child of node.getChildren()) yield* nodes(child);
}
