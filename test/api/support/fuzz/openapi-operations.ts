import type { Json } from '../test-app.js';

/** One operation of /api/docs-json, with its schemas resolved (what the fuzzer needs). */
export interface FuzzedOperation {
  method: string;
  /** OpenAPI path, e.g. `/api/v1/families/{familyId}`. */
  path: string;
  operationId: string;
  pathParams: { name: string; schema: Json }[];
  queryParams: { name: string; required: boolean; schema: Json }[];
  /** The JSON body's schema, resolved; undefined when the operation takes no JSON body. */
  body?: Json;
  multipart: boolean;
}

export function operationsOf(document: Json): FuzzedOperation[] {
  const schemas: Json = document.components?.schemas ?? {};
  const resolve = (schema: Json | undefined, depth = 0): Json => {
    if (!schema || depth > 8) return {};
    if (schema.$ref) return resolve(schemas[(schema.$ref as string).split('/').pop()!], depth + 1);
    const out: Json = { ...schema };
    if (schema.properties) out.properties = Object.fromEntries(Object.entries(schema.properties as Json).map(([k, v]) => [k, resolve(v as Json, depth + 1)]));
    if (schema.items) out.items = resolve(schema.items, depth + 1);
    if (schema.allOf)
      return (schema.allOf as Json[])
        .map((s) => resolve(s, depth + 1))
        .reduce((a, b) => ({ ...a, ...b, properties: { ...a.properties, ...b.properties } }), {});
    return out;
  };
  return Object.entries(document.paths as Json).flatMap(([path, item]) =>
    Object.entries(item as Json).map(([method, operation]): FuzzedOperation => {
      const parameters: Json[] = operation.parameters ?? [];
      const content: Json = operation.requestBody?.content ?? {};
      return {
        method: method.toUpperCase(),
        path,
        operationId: operation.operationId,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => ({ name: p.name, schema: resolve(p.schema) })),
        queryParams: parameters.filter((p) => p.in === 'query').map((p) => ({ name: p.name, required: Boolean(p.required), schema: resolve(p.schema) })),
        body: content['application/json'] ? resolve(content['application/json'].schema) : undefined,
        multipart: Boolean(content['multipart/form-data']),
      };
    }),
  );
}
