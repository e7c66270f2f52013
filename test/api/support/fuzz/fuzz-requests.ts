import fc from 'fast-check';
import type { Json } from '../test-app.js';
import type { FuzzedOperation } from './openapi-operations.js';

/** A request as sent: the path already encoded, the body as raw text (it may be malformed on purpose). */
export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | FormData;
  /** What was done to it, for the report. */
  mutation: string;
}

/** Values a person or a real ids table would give: the fuzzer mixes them with hostile ones. */
export interface KnownValues {
  familyId: string;
  childId: string;
}

const UNICODE_EDGES = ['\ud800', 'a\udfffb', '\u0000', 'x\u0000y', '\u202eevil', '\u200b', 'e\u0301', '😀'.repeat(50), '\ufeff', '\uffff', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', 'ǅ'];
const ENCODED_PATH_EDGES = [
  '%00',
  '%ED%A0%80',
  '%FF',
  '..%2F..%2Fetc',
  '%2e%2e',
  'a%20b',
  '%C0%AF',
  encodeURIComponent('é'.repeat(300)),
  '0'.repeat(2000),
  '-1',
  'null',
  'undefined',
  '%25',
];

const hostileString = fc.oneof(
  fc.constantFrom(...UNICODE_EDGES),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    'a'.repeat(10_001),
    '<script>alert(1)</script>',
    "'; DROP TABLE events; --",
    '{{7*7}}',
    '${process.exit()}',
    '2026-02-30',
    '9999-99-99',
    'NaN',
  ),
);
const hostileNumber = fc.oneof(
  fc.constantFrom(0, -1, 1e308, -1e308, 2 ** 53 + 1, 0.5, Number.MAX_SAFE_INTEGER),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);
/** Anything JSON can carry, of any type. */
const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(hostileString, hostileNumber), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(hostileString, hostileNumber), { maxKeys: 4 }),
  fc.constant(Array.from({ length: 5_000 }, (_, i) => i)),
);

/** A value that satisfies `schema`, as a well-behaved client would send it. */
export function sampleOf(schema: Json | undefined, known: KnownValues, name = ''): unknown {
  if (!schema) return 'x';
  if (schema.enum?.length) return schema.enum[0];
  if (schema.example !== undefined) return schema.example;
  switch (schema.type) {
    case 'object': {
      const out: Json = {};
      for (const [key, property] of Object.entries((schema.properties ?? {}) as Json)) out[key] = sampleOf(property as Json, known, key);
      return out;
    }
    case 'array':
      return [sampleOf(schema.items, known, name)];
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    default:
      if (schema.format === 'uuid' || /Id$/.test(name))
        return /child/i.test(name) ? known.childId : /family/i.test(name) ? known.familyId : crypto.randomUUID();
      if (schema.format === 'date') return '2026-09-14';
      if (schema.format === 'date-time') return '2026-09-14T08:00:00.000Z';
      if (/email/i.test(name)) return 'fuzz@example.fr';
      return 'x'.repeat(Math.max(3, schema.minLength ?? 3));
  }
}

/** The operation's body, broken in one way. */
function brokenBody(operation: FuzzedOperation, known: KnownValues): fc.Arbitrary<{ body: string; contentType: string; mutation: string }> {
  const valid = (sampleOf(operation.body, known) ?? {}) as Json;
  const fields = Object.keys(valid);
  const json = (value: unknown, mutation: string) => ({ body: JSON.stringify(value), contentType: 'application/json', mutation });
  const field = fields.length > 0 ? fc.constantFrom(...fields) : fc.constant('champ');
  return fc.oneof(
    { weight: 3, arbitrary: fc.tuple(field, fc.constantFrom(...UNICODE_EDGES)).map(([f, v]) => json({ ...valid, [f]: v }, `unicode edge in ${f}`)) },
    fc.tuple(field, anyJson).map(([f, v]) => json({ ...valid, [f]: v }, `wrong type or value for ${f}`)),
    field.map((f) => json(Object.fromEntries(Object.entries(valid).filter(([k]) => k !== f)), `missing ${f}`)),
    fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), anyJson).map(([k, v]) => json({ ...valid, [k === '__proto__' ? 'proto' : k]: v }, 'extra field')),
    fc.constant(json({ ...valid, __proto__: { admin: true }, constructor: { prototype: { x: 1 } } }, 'prototype pollution')),
    anyJson.map((v) => json(v, 'not an object')),
    fc
      .constantFrom('{', '{"a":1,}', "{'a':1}", '[1,2', '{"a":"\\x"}', 'null', '"text"', '', '\u0000', '{"a":1}{"b":2}', `{"a":"${'b'.repeat(120_000)}"}`)
      .map((body) => ({ body, contentType: 'application/json', mutation: 'malformed JSON' })),
    fc
      .constantFrom(40, 3_000)
      .map((depth) => ({ body: '{"a":'.repeat(depth) + '1' + '}'.repeat(depth), contentType: 'application/json', mutation: `nested ${depth} deep` })),
    fc
      .constantFrom(
        'text/plain',
        'application/xml',
        'application/x-www-form-urlencoded',
        'application/json; charset=latin1',
        'application/json; charset=utf-16',
        'multipart/form-data; boundary=x',
        'image/png',
        'application/vnd.api+json',
      )
      .map((contentType) => ({ body: JSON.stringify(valid), contentType, mutation: `content type ${contentType}` })),
  );
}

/** One hostile request to `operation`: wrong path parameters, query strings or bodies. */
export function fuzzRequest(operation: FuzzedOperation, known: KnownValues): fc.Arbitrary<FuzzRequest> {
  const pathValue = (name: string) =>
    fc.oneof(
      { weight: 2, arbitrary: fc.constant(encodeURIComponent(String(sampleOf({ type: 'string' }, known, name)))) },
      { weight: 2, arbitrary: fc.constantFrom(...ENCODED_PATH_EDGES) },
      { weight: 1, arbitrary: fc.string({ maxLength: 30 }).map((s) => encodeURIComponent(s) || 'x') },
      { weight: 1, arbitrary: fc.uuid().map(String) },
    );
  const pathArb =
    operation.pathParams.length === 0
      ? fc.constant(operation.path)
      : fc
          .tuple(...operation.pathParams.map((p) => pathValue(p.name)))
          .map((values) => operation.pathParams.reduce((path, p, i) => path.replace(`{${p.name}}`, values[i]!), operation.path));
  const queryArb = fc.oneof(
    fc.constant(''),
    fc.constant(operation.queryParams.map((q) => `${q.name}=${encodeURIComponent(String(sampleOf(q.schema, known, q.name)))}`).join('&')),
    fc
      .array(
        fc.tuple(
          fc.constantFrom(...operation.queryParams.map((q) => q.name), 'limit', 'format', 'x'),
          fc.oneof(fc.constantFrom(...ENCODED_PATH_EDGES), fc.string({ maxLength: 20 }).map(encodeURIComponent)),
        ),
        { maxLength: 4 },
      )
      .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&')),
  );
  const bodyArb = operation.body
    ? brokenBody(operation, known)
    : operation.multipart
      ? fc.constantFrom(
          { body: 'not a form', contentType: 'multipart/form-data; boundary=zz', mutation: 'broken multipart' },
          {
            body: '--zz\r\nContent-Disposition: form-data; name="file"; filename="\u0000.pdf"\r\n\r\n%PDF-1.4\r\n--zz--\r\n',
            contentType: 'multipart/form-data; boundary=zz',
            mutation: 'multipart with a NUL file name',
          },
          { body: JSON.stringify({ file: 'x' }), contentType: 'application/json', mutation: 'JSON instead of a file' },
        )
      : fc.oneof(fc.constant(undefined), fc.constant({ body: '{"unexpected":true}', contentType: 'application/json', mutation: 'unexpected body' }));
  const idempotencyArb = fc.oneof(
    { weight: 4, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constantFrom('short', 'k'.repeat(300), 'clé-accentuée-000', crypto.randomUUID()) },
  );
  return fc.tuple(pathArb, queryArb, bodyArb, idempotencyArb).map(([path, query, body, key]) => ({
    method: operation.method,
    url: query ? `${path}?${query}` : path,
    headers: { ...(body ? { 'content-type': body.contentType } : {}), ...(key ? { 'idempotency-key': key } : {}) },
    body: body?.body,
    mutation: body?.mutation ?? (query ? 'query string' : 'path'),
  }));
}
