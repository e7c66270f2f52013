import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { CONTEXTS, isTest, LIBS, sources, type SourceFile } from './context-sources.js';

// The layout of a use case (docs/architecture.md §8, decision 0014), checked on every context.
const BUSES = new Set(['CommandBus', 'QueryBus']);

function decoratedClasses(file: SourceFile, decorator: string): ts.ClassDeclaration[] {
  const found: ts.ClassDeclaration[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isClassDeclaration(node) && (ts.getDecorators(node) ?? []).some((d) => decoratorName(d) === decorator)) found.push(node);
    ts.forEachChild(node, visit);
  };
  visit(file.ast);
  return found;
}

function decoratorName(decorator: ts.Decorator): string | undefined {
  const call = decorator.expression;
  return ts.isCallExpression(call) && ts.isIdentifier(call.expression) ? call.expression.text : undefined;
}

/** What a constructor parameter asks the container for: the `@Inject(X)` token, else its type. */
function injected(parameter: ts.ParameterDeclaration): string {
  for (const decorator of ts.getDecorators(parameter) ?? []) {
    const call = decorator.expression;
    if (ts.isCallExpression(call) && ts.isIdentifier(call.expression) && call.expression.text === 'Inject') return call.arguments[0]?.getText() ?? '?';
  }
  return parameter.type?.getText() ?? parameter.name.getText();
}

for (const context of CONTEXTS)
  describe(`the ${context} context follows the use-case layout`, () => {
    const files = sources(context);

    it('has every command handler in commands/<use-case>/<use-case>.handler.ts and every query handler in queries/<use-case>/<use-case>.handler.ts', () => {
      const misplaced = files.flatMap((file) => [
        ...decoratedClasses(file, 'CommandHandler')
          .filter(() => !/^commands\/([^/]+)\/\1\.handler\.ts$/.test(file.path))
          .map((c) => `${file.path}: ${c.name?.text}`),
        ...decoratedClasses(file, 'QueryHandler')
          .filter(() => !/^queries\/([^/]+)\/\1\.handler\.ts$/.test(file.path))
          .map((c) => `${file.path}: ${c.name?.text}`),
      ]);
      expect(misplaced).toEqual([]);
    });

    it('has, in each use-case folder, its command or query and its handler', () => {
      const incomplete: string[] = [];
      for (const [kind, message] of [
        ['commands', 'command'],
        ['queries', 'query'],
      ] as const) {
        const dir = join(LIBS, context, 'src', kind);
        if (!existsSync(dir)) continue;
        for (const useCase of readdirSync(dir).filter((name) => statSync(join(dir, name)).isDirectory())) {
          for (const expected of [`${useCase}.${message}.ts`, `${useCase}.handler.ts`]) {
            if (!existsSync(join(dir, useCase, expected))) incomplete.push(`${kind}/${useCase}/${expected}`);
          }
        }
        const loose = readdirSync(dir).filter((name) => !statSync(join(dir, name)).isDirectory());
        incomplete.push(...loose.map((name) => `${kind}/${name} (outside a use-case folder)`));
      }
      expect(incomplete).toEqual([]);
    });

    it('has controllers that inject only the command and query buses', () => {
      const offenders = files.flatMap((file) =>
        decoratedClasses(file, 'Controller').flatMap((controller) => {
          const constructor = controller.members.find(ts.isConstructorDeclaration);
          return (constructor?.parameters ?? [])
            .map(injected)
            .filter((token) => !BUSES.has(token))
            .map((token) => `${file.path}: ${controller.name?.text} injects ${token}`);
        }),
      );
      expect(offenders).toEqual([]);
    });

    it('reads its tables through its typed kysely Database: no Kysely<any> outside projections/', () => {
      const untyped = files
        .filter((file) => !file.path.startsWith('projections/') && !isTest(file.path))
        .filter((file) => /\b(Kysely|Transaction)<any>/.test(file.text))
        .map((file) => file.path);
      expect(untyped).toEqual([]);
    });

    it('offers other libraries a public index of named exports, never a whole file of internals (export *)', () => {
      const index = readFileSync(join(LIBS, context, 'src', 'index.ts'), 'utf8');
      expect(index.split('\n').filter((line) => line.startsWith('export *'))).toEqual([]);
    });
  });

it('lists only contexts that exist', () => {
  for (const context of CONTEXTS) expect(existsSync(join(LIBS, context, 'src', 'index.ts'))).toBe(true);
});
