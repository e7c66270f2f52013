import { dirname, join, relative, sep } from 'node:path';
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import type { OperationFacts, ResponseTypes, Schema } from './response-types.js';

/**
 * Reads, with the TypeScript compiler, what every controller method returns (the
 * `libs/contracts` views and each context's own result types) and turns it into JSON
 * Schemas for the OpenAPI document: a response is documented from the code that produces
 * it, so it cannot drift. A build tool (needs `typescript`), run by `npm run openapi:types`;
 * the app reads its output, `response-types.generated.ts`.
 */

const HTTP_METHODS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete']);
const BINARY = new Set(['StreamableFile', 'Buffer', 'Uint8Array', 'Readable']);

/** Every controller under libs/*\/src of the repository at `root`. */
export function generateResponseTypes(root: string): ResponseTypes {
  const configFile = ts.getParsedCommandLineOfConfigFile(
    join(root, 'tsconfig.build.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  )!;
  const inScope = (file: string) => /^libs\/[^/]+\/src\//.test(relative(root, file).split(sep).join('/'));
  const problemFile = join(root, 'libs/contracts/src/problem.ts');
  const rootNames = configFile.fileNames.filter((f) => inScope(f) && /controller\.ts$/.test(f));
  const program = ts.createProgram({ rootNames: [...rootNames, problemFile], options: { ...configFile.options, noEmit: true } });
  const checker = program.getTypeChecker();
  const schemas = new Converter(checker, root);
  const operations: Record<string, OperationFacts> = {};

  for (const file of program.getSourceFiles()) {
    if (file.isDeclarationFile || !inScope(file.fileName)) continue;
    file.forEachChild(function visit(node) {
      if (ts.isClassDeclaration(node) && node.name && decorator(node, 'Controller')) {
        for (const member of node.members) {
          if (!ts.isMethodDeclaration(member) || !member.name || !ts.isIdentifier(member.name)) continue;
          if (!ts.getDecorators(member)?.some((d) => HTTP_METHODS.has(decoratorName(d) ?? ''))) continue;
          const operationId = `${node.name.text}_${member.name.text}`;
          operations[operationId] = {
            operationId,
            ...schemas.responseOf(member),
            public: Boolean(decorator(member, 'Public') ?? decorator(node, 'Public')),
            roles: stringArguments(decorator(member, 'Roles') ?? decorator(node, 'Roles')),
          };
        }
      }
      node.forEachChild(visit);
    });
  }
  const problem = schemas.named('ProblemDetails', problemFile, program);
  return { operations: sortKeys(operations), schemas: sortKeys({ ...schemas.definitions, ProblemDetails: problem }) };
}

class Converter {
  readonly definitions: Record<string, Schema> = {};
  private readonly names = new Map<ts.Type, string>();

  private readonly checker: ts.TypeChecker;
  private readonly root: string;

  constructor(checker: ts.TypeChecker, root: string) {
    this.checker = checker;
    this.root = root;
  }

  responseOf(method: ts.MethodDeclaration): Pick<OperationFacts, 'schema' | 'produces'> {
    const produces = stringArguments(decorator(method, 'ApiProduces'));
    // @Res() without passthrough: the handler writes the response itself (a file, a stream).
    const handsResponse = method.parameters.some((p) => {
      const res = decorator(p, 'Res');
      return res !== undefined && !/passthrough:\s*true/.test(res.getText());
    });
    const signature = this.checker.getSignatureFromDeclaration(method)!;
    const returned = this.unwrap(this.checker.getReturnTypeOfSignature(signature));
    const name = returned.getSymbol()?.getName() ?? '';
    if (handsResponse || BINARY.has(name)) return { produces: produces.length > 0 ? produces : ['application/octet-stream'] };
    if (returned.flags & (ts.TypeFlags.Void | ts.TypeFlags.Undefined)) return {};
    return { schema: this.schemaOf(returned, 0) };
  }

  named(name: string, fileName: string, program: ts.Program): Schema {
    const file = program.getSourceFile(fileName);
    const declaration = file?.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === name);
    if (!declaration) throw new Error(`interface ${name} not found in ${fileName}`);
    return this.objectSchema(this.checker.getTypeAtLocation(declaration.name), 0);
  }

  /** Promise<T> and Observable<T> answer T. */
  private unwrap(type: ts.Type): ts.Type {
    const name = type.getSymbol()?.getName();
    if ((name === 'Promise' || name === 'Observable') && (type as ts.TypeReference).typeArguments?.length) {
      return this.unwrap(this.checker.getTypeArguments(type as ts.TypeReference)[0]!);
    }
    return type;
  }

  private schemaOf(type: ts.Type, depth: number): Schema {
    const f = type.flags;
    if (depth > 12 || f & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return {};
    if (f & ts.TypeFlags.StringLiteral) return { type: 'string', enum: [(type as ts.StringLiteralType).value] };
    if (f & ts.TypeFlags.NumberLiteral) return { type: 'number', enum: [(type as ts.NumberLiteralType).value] };
    if (f & ts.TypeFlags.BooleanLiteral) return { type: 'boolean', enum: [(type as { intrinsicName?: string }).intrinsicName === 'true'] };
    if (f & (ts.TypeFlags.String | ts.TypeFlags.TemplateLiteral | ts.TypeFlags.BigInt)) return { type: 'string' };
    if (f & ts.TypeFlags.Number) return { type: 'number' };
    if (f & ts.TypeFlags.Boolean) return { type: 'boolean' };
    if (f & ts.TypeFlags.Null) return { nullable: true };
    if (type.isUnion()) return this.unionSchema(type, depth);
    if (type.isIntersection()) return { allOf: type.types.map((t) => this.schemaOf(t, depth + 1)) };
    const symbolName = type.getSymbol()?.getName();
    if (symbolName === 'Date') return { type: 'string', format: 'date-time' };
    if (symbolName && BINARY.has(symbolName)) return { type: 'string', format: 'binary' };
    if (this.checker.isArrayType(type) || this.checker.isTupleType(type)) {
      const elements = this.checker.getTypeArguments(type as ts.TypeReference);
      const items = elements.length === 1 ? this.schemaOf(elements[0]!, depth + 1) : { oneOf: elements.map((e) => this.schemaOf(e, depth + 1)) };
      return { type: 'array', items };
    }
    if (f & ts.TypeFlags.Object) return this.reference(type, depth);
    return {};
  }

  private unionSchema(type: ts.UnionType, depth: number): Schema {
    const nullable = type.types.some((t) => t.flags & ts.TypeFlags.Null);
    const parts = type.types.filter((t) => !(t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void)));
    const withNull = (schema: Schema): Schema => (nullable ? { ...schema, nullable: true } : schema);
    if (parts.length === 0) return { nullable: true };
    if (parts.every((t) => t.flags & ts.TypeFlags.BooleanLiteral)) return withNull({ type: 'boolean' });
    if (parts.every((t) => t.flags & ts.TypeFlags.StringLiteral)) {
      return withNull({ type: 'string', enum: parts.map((t) => (t as ts.StringLiteralType).value) });
    }
    if (parts.every((t) => t.flags & ts.TypeFlags.NumberLiteral)) {
      return withNull({ type: 'number', enum: parts.map((t) => (t as ts.NumberLiteralType).value) });
    }
    const schemas = parts.map((t) => this.schemaOf(t, depth + 1));
    const unique = [...new Map(schemas.map((s) => [JSON.stringify(s), s])).values()];
    return withNull(unique.length === 1 ? unique[0]! : { oneOf: unique });
  }

  /** A named type of ours becomes a component (`$ref`); an anonymous or generic one is inlined. */
  private reference(type: ts.Type, depth: number): Schema {
    const symbol = type.aliasSymbol ?? type.getSymbol();
    const declaration = symbol?.declarations?.[0];
    const ours = declaration && !declaration.getSourceFile().fileName.includes('node_modules');
    const generic = Boolean(type.aliasTypeArguments?.length || (type as ts.TypeReference).typeArguments?.length);
    const anonymous = !symbol || symbol.getName().startsWith('__');
    if (!ours || generic || anonymous) return this.objectSchema(type, depth);
    let name = this.names.get(type);
    if (!name) {
      name = this.freeName(symbol!.getName(), declaration!);
      this.names.set(type, name);
      this.definitions[name] = {};
      this.definitions[name] = this.objectSchema(type, 0);
    }
    return { $ref: `#/components/schemas/${name}` };
  }

  private freeName(base: string, declaration: ts.Declaration): string {
    if (!(base in this.definitions)) return base;
    const context = relative(this.root, dirname(declaration.getSourceFile().fileName)).split(sep)[1] ?? 'x';
    let name = `${base}_${context}`;
    for (let i = 2; name in this.definitions; i++) name = `${base}_${context}${i}`;
    return name;
  }

  private objectSchema(type: ts.Type, depth: number): Schema {
    const properties: Record<string, Schema> = {};
    const required: string[] = [];
    for (const property of this.checker.getPropertiesOfType(type)) {
      const declaration = property.valueDeclaration ?? property.declarations?.[0];
      if (declaration && (ts.isMethodDeclaration(declaration) || ts.isMethodSignature(declaration))) continue;
      const propertyType = this.checker.getTypeOfSymbol(property);
      if (propertyType.getCallSignatures().length > 0) continue;
      const optional = (property.flags & ts.SymbolFlags.Optional) !== 0;
      const schema = this.schemaOf(propertyType, depth + 1);
      const doc = ts.displayPartsToString(property.getDocumentationComment(this.checker)).trim();
      properties[property.getName()] = doc && !('$ref' in schema) ? { ...schema, description: doc } : schema;
      if (!optional) required.push(property.getName());
    }
    const index = this.checker.getIndexInfosOfType(type)[0];
    return {
      type: 'object',
      ...(Object.keys(properties).length > 0 ? { properties } : {}),
      ...(required.length > 0 ? { required } : {}),
      ...(index ? { additionalProperties: this.schemaOf(index.type, depth + 1) } : {}),
    };
  }
}

function decoratorName(d: ts.Decorator): string | undefined {
  const e = d.expression;
  if (ts.isCallExpression(e)) return ts.isIdentifier(e.expression) ? e.expression.text : undefined;
  return ts.isIdentifier(e) ? e.text : undefined;
}

function decorator(node: ts.Node, name: string): ts.Decorator | undefined {
  return ts.canHaveDecorators(node) ? ts.getDecorators(node)?.find((d) => decoratorName(d) === name) : undefined;
}

/** String literal arguments of a decorator call, spread constants included (`@Roles(...READERS)`). */
function stringArguments(d: ts.Decorator | undefined): string[] {
  if (!d || !ts.isCallExpression(d.expression)) return [];
  return d.expression.arguments.flatMap((a) => {
    if (ts.isStringLiteral(a)) return [a.text];
    return [`<${a.getText()}>`];
  });
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

/** `node apps/api/src/openapi/response-types.generator.ts`: writes response-types.generated.ts. */
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const here = dirname(fileURLToPath(import.meta.url));
  writeFileSync(join(here, 'response-types.generated.ts'), renderResponseTypes(generateResponseTypes(join(here, '../../../..'))));
}

export function renderResponseTypes(types: ResponseTypes): string {
  return [
    "// Generated by `npm run openapi:types` from the controllers' return types (response-types.generator.ts): do not edit.",
    "import type { ResponseTypes } from './response-types.js';",
    '',
    `export const RESPONSE_TYPES: ResponseTypes = ${JSON.stringify(types, null, 1)};`,
    '',
  ].join('\n');
}
