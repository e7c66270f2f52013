import { projectionsCaughtUp, startTestApp, type Json, type TestApp } from './support/test-app.js';

let app: TestApp;
let document: Json;

beforeAll(async () => {
  app = await startTestApp();
  document = (await (await fetch(`${app.baseUrl}/api/docs-json`)).json()) as Json;
}, 180_000);
afterAll(async () => {
  // The suite is over in a second: let the projection runners finish their first catch-up
  // before the pool closes (closing in the middle of a read is reported against the tests).
  // Waited for, not slept on: on a loaded runner it takes longer than any fixed pause.
  if (app) await projectionsCaughtUp(app);
  await app?.close();
}, 180_000);

type Operation = { method: string; path: string; operation: Json };
const operations = (): Operation[] =>
  Object.entries(document.paths as Json).flatMap(([path, item]) =>
    Object.entries(item as Json).map(([method, operation]) => ({ method, path, operation: operation as Json })),
  );

/** The schema itself, behind a `$ref` into the components. */
const resolve = (schema: Json | undefined): Json | undefined => {
  if (!schema?.$ref) return schema;
  return document.components.schemas[(schema.$ref as string).split('/').pop()!];
};
/** A schema that says something: properties, items, variants, a type or a binary format. */
const describes = (schema: Json | undefined): boolean => {
  const s = resolve(schema);
  if (!s) return false;
  if (s.type === 'object') return Object.keys(s.properties ?? {}).length > 0 || s.additionalProperties !== undefined;
  return Boolean(s.type || s.oneOf?.length || s.allOf?.length || s.anyOf?.length);
};
const label = ({ method, path }: Operation) => `${method.toUpperCase()} ${path}`;

describe('the OpenAPI document (/api/docs-json) describes every request and response', () => {
  it('has more than a hundred operations, each with an id, a summary and a tag', () => {
    expect(operations().length).toBeGreaterThan(100);
    const incomplete = operations().filter(({ operation }) => !operation.operationId || !operation.summary || !operation.tags?.length);
    expect(incomplete.map(label)).toEqual([]);
  });

  it('gives every operation that takes a body a schema that lists its fields', () => {
    const takesBody = operations().filter(({ method }) => ['post', 'put', 'patch'].includes(method));
    const withBody = takesBody.filter(({ operation }) => operation.requestBody);
    expect(withBody.length).toBeGreaterThan(45);
    const empty = withBody.filter(({ operation }) => Object.values(operation.requestBody.content as Json).some((media) => !describes((media as Json).schema)));
    expect(empty.map(label)).toEqual([]);
  });

  it('documents every success response with its schema (none only for 204)', () => {
    const undocumented = operations().filter(({ operation }) => {
      const success = Object.entries(operation.responses as Json).filter(([code]) => code.startsWith('2'));
      if (success.length !== 1) return true;
      const [code, response] = success[0]!;
      if (code === '204') return Boolean(response.content);
      return !response.content || Object.values(response.content as Json).some((media) => !describes((media as Json).schema));
    });
    expect(undocumented.map(label)).toEqual([]);
  });

  it('documents the errors of every operation as problem+json (RFC 9457)', () => {
    expect(describes(document.components.schemas.ProblemDetails)).toBe(true);
    expect(Object.keys(document.components.schemas.ProblemDetails.properties)).toEqual(expect.arrayContaining(['type', 'title', 'status', 'code', 'errors']));
    const missing = operations().filter(({ operation }) => {
      const errors = Object.entries(operation.responses as Json).filter(([code]) => /^[45]/.test(code));
      const problemJson = errors.every(([, r]) => (r as Json).content?.['application/problem+json']?.schema?.$ref === '#/components/schemas/ProblemDetails');
      return !problemJson || !operation.responses['400'] || !operation.responses['500'];
    });
    expect(missing.map(label)).toEqual([]);
    // Signed-in operations say that they need a session; public ones (login, health) do not.
    const login = document.paths['/api/v1/auth/login'].post;
    expect(login.responses['401']).toBeUndefined();
    expect(document.paths['/api/v1/audit/events'].get.responses['401']).toBeDefined();
    expect(document.paths['/api/v1/audit/events'].get.responses['403']).toBeDefined();
  });

  it('shows what a family file, a login and an event page look like, from the shared contracts', () => {
    const schemas = document.components.schemas;
    expect(Object.keys(schemas.FamilyFileView.properties)).toEqual(expect.arrayContaining(['familyId', 'guardians', 'children', 'quotient']));
    expect(document.paths['/api/v1/auth/login'].post.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/SignedIn' });
    expect(schemas.EventPage.properties.events).toEqual({ type: 'array', items: { $ref: '#/components/schemas/AuditedEvent' } });
    expect(document.paths['/api/v1/invoices/{invoiceId}/pdf'].get.responses['200'].content['application/pdf']).toBeDefined();
  });
});
