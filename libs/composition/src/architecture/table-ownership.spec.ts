import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { CONTEXTS, isTest, LIBS, nodes, sources, type Context, type SourceFile } from './context-sources.js';

// "A context reads only its own tables" (docs/architecture.md §8, decision 0011): what it needs of
// another context comes through that context's reader, exported by its index. This spec knows
// which context owns each table and fails when a source file of another context names it.

/** Kysely's methods that take a table name first (`selectFrom('accounts as a')`, `sql.table(…)`). */
const TABLE_METHODS = new Set([
  'selectFrom',
  'insertInto',
  'replaceInto',
  'updateTable',
  'deleteFrom',
  'mergeInto',
  'innerJoin',
  'leftJoin',
  'rightJoin',
  'fullJoin',
  'crossJoin',
  'table',
]);
/** A table named in raw SQL: `FROM x`, `JOIN x`, `INSERT INTO x`, `UPDATE x`, `TRUNCATE x`, `TABLE x`. */
const RAW_SQL = /\b(?:FROM|JOIN|INTO|UPDATE|TRUNCATE|TABLE)\s+(?:ONLY\s+)?"?([a-z_][a-z0-9_]*)"?/gi;
const CREATE_TABLE = /\bCREATE TABLE (?:IF NOT EXISTS )?"?([a-z_][a-z0-9_]*)"?/gi;

/**
 * Reads across contexts not removed yet, each `<context>/<path> → <table>`. Each should become a
 * read through the owner's reader (docs/architecture.md §8 lists them); an entry that no longer
 * reads the table makes this spec fail, so that the list only shrinks.
 */
const NOT_YET_THROUGH_A_READER: readonly string[] = [];

interface Ownership {
  /** Table → the context that owns it. */
  owner: Map<string, Context>;
  /** Per context: its exported table-name constants (`OUTBOX_TABLE`) → the table. */
  constants: Map<Context, Map<string, string>>;
}

const isMigration = (path: string) => path.endsWith('.migrations.ts');

/** A context's tables: the keys of its kysely `Database` interface, and the tables its migrations create. */
function tablesOf(context: Context, files: readonly SourceFile[]): Set<string> {
  const tables = new Set<string>();
  const database = files.find((file) => file.path === `projections/${context}-database.ts`);
  for (const node of database ? nodes(database.ast) : []) {
    if (ts.isInterfaceDeclaration(node) && node.name.text.endsWith('Database')) {
      for (const member of node.members) if (ts.isPropertySignature(member)) tables.add(member.name.getText());
    }
  }
  for (const file of files.filter((f) => isMigration(f.path))) {
    for (const match of file.text.matchAll(CREATE_TABLE)) tables.add(match[1]!);
  }
  return tables;
}

/** The exported constants whose value is one of the context's tables. */
function tableConstants(files: readonly SourceFile[], tables: ReadonlySet<string>): Map<string, string> {
  const constants = new Map<string, string>();
  for (const file of files.filter((f) => !isTest(f.path))) {
    for (const statement of file.ast.statements) {
      if (!ts.isVariableStatement(statement) || !statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
      for (const declaration of statement.declarationList.declarations) {
        const value = declaration.initializer;
        if (ts.isIdentifier(declaration.name) && value && ts.isStringLiteralLike(value) && tables.has(value.text)) {
          constants.set(declaration.name.text, value.text);
        }
      }
    }
  }
  return constants;
}

function ownership(files: ReadonlyMap<Context, SourceFile[]>): Ownership {
  const owner = new Map<string, Context>();
  const constants = new Map<Context, Map<string, string>>();
  for (const context of CONTEXTS) {
    const tables = tablesOf(context, files.get(context)!);
    for (const table of tables) {
      if (owner.has(table)) throw new Error(`${table} is declared by both ${owner.get(table)} and ${context}`);
      owner.set(table, context);
    }
    constants.set(context, tableConstants(files.get(context)!, tables));
  }
  return { owner, constants };
}

/** The tables of other contexts that a file names: in kysely, in raw SQL, or through an imported constant. */
function foreignTables(context: Context, file: SourceFile, { owner, constants }: Ownership): Set<string> {
  const named = new Set<string>();
  const note = (table: string) => {
    const of = owner.get(table);
    if (of && of !== context) named.add(table);
  };
  for (const node of nodes(file.ast)) {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && TABLE_METHODS.has(node.expression.name.text)) {
      const first = node.arguments[0];
      if (first && ts.isStringLiteralLike(first)) note(first.text.split(/\s+as\s+/i)[0]!.trim());
    }
    if (ts.isStringLiteralLike(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      for (const match of node.text.matchAll(RAW_SQL)) note(match[1]!);
    }
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const from = /^#ardoise\/([^/]+)$/.exec(node.moduleSpecifier.text)?.[1] as Context | undefined;
      const exported = from && from !== context ? constants.get(from) : undefined;
      const bindings = node.importClause?.namedBindings;
      if (!exported || !bindings || !ts.isNamedImports(bindings)) continue;
      for (const element of bindings.elements) {
        const table = exported.get((element.propertyName ?? element.name).text);
        if (table) note(table);
      }
    }
  }
  return named;
}

function crossContextReads(files: ReadonlyMap<Context, SourceFile[]>): string[] {
  const tables = ownership(files);
  return CONTEXTS.flatMap((context) =>
    files
      .get(context)!
      .filter((file) => !isTest(file.path) && !isMigration(file.path))
      .flatMap((file) => [...foreignTables(context, file, tables)].map((table) => `${context}/${file.path} → ${table}`)),
  ).sort();
}

describe('a context reads only its own tables', () => {
  const files = new Map(CONTEXTS.map((context) => [context, sources(context)]));

  it('knows each context’s tables, from its kysely Database and its migrations', () => {
    const { owner, constants } = ownership(files);
    for (const context of CONTEXTS) {
      expect(existsSync(join(LIBS, context, 'src', 'projections', `${context}-database.ts`))).toBe(true);
      expect([...owner.values()]).toContain(context);
    }
    expect(owner.get('accounts')).toBe('identity');
    expect(owner.get('family_children')).toBe('families');
    expect(owner.get('mail_outbox')).toBe('messaging');
    expect(constants.get('messaging')!.get('OUTBOX_TABLE')).toBe('mail_outbox');
  });

  it('names no table of another context outside the known reads still to remove', () => {
    const known = new Set(NOT_YET_THROUGH_A_READER);
    expect(crossContextReads(files).filter((read) => !known.has(read))).toEqual([]);
  });

  it('keeps the list of reads still to remove up to date (an entry removed from the code leaves the list)', () => {
    const reads = new Set(crossContextReads(files));
    expect(NOT_YET_THROUGH_A_READER.filter((read) => !reads.has(read))).toEqual([]);
  });

  it('finds a table named in kysely, in raw SQL and through an imported constant', () => {
    const probe = (text: string): string[] => {
      const file = { path: 'probe.ts', text, ast: ts.createSourceFile('probe.ts', text, ts.ScriptTarget.Latest, true) };
      return [...foreignTables('families', file, ownership(files))];
    };
    expect(probe(`db.selectFrom('accounts as a').selectAll()`)).toEqual(['accounts']);
    expect(probe('sql`SELECT id FROM accounts WHERE family_id = ${id}`')).toEqual(['accounts']);
    expect(probe('sql`DELETE FROM news_reads WHERE account_id IN (SELECT id FROM accounts)`').sort()).toEqual(['accounts', 'news_reads']);
    expect(probe(`import { OUTBOX_TABLE } from '#ardoise/messaging';`)).toEqual(['mail_outbox']);
    expect(probe(`db.selectFrom('family_children').selectAll()`)).toEqual([]);
  });
});
