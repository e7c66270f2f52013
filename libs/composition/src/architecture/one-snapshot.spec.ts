import ts from 'typescript';
import { CONTEXTS, isTest, nodes, sources, type SourceFile } from './context-sources.js';

// "A query reads one snapshot" (docs/architecture.md §6): a query that reads the read models in
// several statements reads them in one REPEATABLE READ transaction (inOneSnapshot, from
// #ardoise/database), else a projection's commit between two statements shows a torn view (CI saw
// an active family's file with status « invited », an invoice listing 8 credit notes beside a
// credited total of 7). This spec counts the statements each function of a query's files sends
// outside inOneSnapshot (or a function given its `Transaction`), and fails on a file where one
// sends several and that is not listed below with its reason. It sees one function at a time: two
// methods of one statement each, called one after the other, are for the reviewer to see.

/** Kysely's calls that send a statement. */
const STATEMENTS = new Set(['execute', 'executeTakeFirst', 'executeTakeFirstOrThrow', 'stream']);

/**
 * Files whose statements need not share a snapshot, each `<context>/<path>` with why: their
 * values are written by different writers at different times (no snapshot makes them agree), or
 * the query compares the read models with the log itself.
 */
const SEVERAL_STATEMENTS_ON_PURPOSE: Readonly<Record<string, string>> = {
  'families/queries/preview-erasure/preview-erasure.handler.ts':
    'counts what an erasure confirmed later will delete (the erasure recounts); it also reads the log and other contexts’ readers',
};

const isFunction = (node: ts.Node): node is ts.FunctionLikeDeclaration =>
  ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node);

/** A function given a transaction (`db: Transaction<…>`): its caller opened the snapshot. */
const takesTransaction = (fn: ts.FunctionLikeDeclaration) =>
  fn.parameters.some((p) => p.type !== undefined && ts.isTypeReferenceNode(p.type) && p.type.typeName.getText() === 'Transaction');

const isSnapshotCall = (node: ts.Node) => ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'inOneSnapshot';

const isThisDb = (node: ts.Node) => ts.isPropertyAccessExpression(node) && node.expression.kind === ts.SyntaxKind.ThisKeyword && node.name.text === 'db';

/** A statement sent on the injected database (`this.db.selectFrom(…)…execute()`, `sql\`…\`.execute(this.db)`): never in a snapshot. */
function onInjectedDatabase(call: ts.CallExpression): boolean {
  if (call.arguments.some(isThisDb)) return true;
  for (let node: ts.Node = call.expression; ;) {
    if (isThisDb(node)) return true;
    if (ts.isPropertyAccessExpression(node) || ts.isCallExpression(node)) node = node.expression;
    else return false;
  }
}

/**
 * Where a statement belongs: the outermost function of the file around it (a method, a function,
 * an arrow function kept in a constant), or `snapshot` when it runs inside inOneSnapshot(…) or in
 * a function given a transaction, on that transaction.
 */
function ownerOf(node: ts.CallExpression): ts.Node | 'snapshot' {
  let owner: ts.Node = node.getSourceFile();
  const injected = onInjectedDatabase(node);
  for (let parent = node.parent; parent; parent = parent.parent) {
    if (!injected && (isSnapshotCall(parent) || (isFunction(parent) && takesTransaction(parent)))) return 'snapshot';
    if (isFunction(parent) && (ts.isMethodDeclaration(parent) || ts.isFunctionDeclaration(parent) || ts.isVariableDeclaration(parent.parent))) owner = parent;
  }
  return owner;
}

/** Statements sent on the injected database from inside a snapshot: outside it, on another connection (the family file's children once were). */
function slipsOutOfSnapshot(file: SourceFile): number {
  let count = 0;
  for (const node of nodes(file.ast)) {
    if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression) || !STATEMENTS.has(node.expression.name.text)) continue;
    if (!onInjectedDatabase(node)) continue;
    for (let parent = node.parent; parent; parent = parent.parent) {
      if (isSnapshotCall(parent) || (isFunction(parent) && takesTransaction(parent))) {
        count += 1;
        break;
      }
    }
  }
  return count;
}

/** The most statements one function of the file sends outside a snapshot. */
function statementsOutsideSnapshot(file: SourceFile): number {
  const perFunction = new Map<ts.Node, number>();
  for (const node of nodes(file.ast)) {
    if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression) || !STATEMENTS.has(node.expression.name.text)) continue;
    const owner = ownerOf(node);
    if (owner !== 'snapshot') perFunction.set(owner, (perFunction.get(owner) ?? 0) + 1);
  }
  return Math.max(0, ...perFunction.values());
}

/** A query's files: its handler and views (queries/), and the views shared by several queries (`*-views.ts`). */
const isQueryFile = (path: string) => !isTest(path) && (path.startsWith('queries/') || path.endsWith('-views.ts'));

const queryFiles = CONTEXTS.flatMap((context) =>
  sources(context)
    .filter((file) => isQueryFile(file.path))
    .map((file) => ({ name: `${context}/${file.path}`, statements: statementsOutsideSnapshot(file), slips: slipsOutOfSnapshot(file) })),
);

describe('a query reads one snapshot', () => {
  it('finds the query files and their statements', () => {
    expect(queryFiles.length).toBeGreaterThan(50);
    expect(queryFiles.find((f) => f.name === 'invoicing/queries/list-outstanding/list-outstanding.handler.ts')?.statements).toBe(1);
    expect(queryFiles.find((f) => f.name === 'families/queries/family-file/family-file.handler.ts')?.statements).toBe(0);
  });

  it('reads in one statement, or in inOneSnapshot, or says why not', () => {
    const several = queryFiles
      .filter((f) => f.statements > 1 && !(f.name in SEVERAL_STATEMENTS_ON_PURPOSE))
      .map((f) => `${f.name}: ${f.statements} statements`);
    expect(several).toEqual([]);
  });

  it('sends no statement on the injected database from inside a snapshot (it would run on another connection, outside it)', () => {
    expect(queryFiles.filter((f) => f.slips > 0).map((f) => `${f.name}: ${f.slips} statements on this.db`)).toEqual([]);
  });

  it('keeps the list of files read on purpose in several statements up to date', () => {
    const stale = Object.keys(SEVERAL_STATEMENTS_ON_PURPOSE).filter((name) => (queryFiles.find((f) => f.name === name)?.statements ?? 0) < 2);
    expect(stale).toEqual([]);
  });
});
