import type { OpenAPIObject } from '@nestjs/swagger';
import { RESPONSE_TYPES } from './response-types.generated.js';
import type { OperationFacts, ResponseTypes, Schema } from './response-types.js';

const PROBLEM = { $ref: '#/components/schemas/ProblemDetails' };
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: PROBLEM } } });
const WRITES = new Set(['post', 'put', 'patch', 'delete']);

/** French descriptions of the errors any operation of a kind may answer (application/problem+json). */
const PROBLEMS = {
  400: 'Requête mal formée ou données invalides (champ par champ dans « errors »).',
  401: 'Connexion requise.',
  403: 'Rôle insuffisant, ou jeton CSRF (X-XSRF-TOKEN) absent.',
  404: 'Introuvable (ou appartenant à une autre famille).',
  409: 'Conflit : déjà fait, modifié entre-temps, ou clé d’idempotence en cours.',
  422: 'Refusé par une règle métier (délai passé, journée complète…).',
  429: 'Trop de requêtes : réessayer après « Retry-After ».',
  500: 'Erreur inattendue.',
  503: 'Service momentanément indisponible (base de données, ou trop de mots de passe à vérifier en même temps) : réessayer après « Retry-After ».',
} as const;

/**
 * Completes the document @nestjs/swagger builds from the decorators: each operation's
 * success response gets the schema of what its handler returns (read from the code by
 * response-types.generator.ts), and its problem+json errors.
 */
export function completeDocument(document: OpenAPIObject, types: ResponseTypes = RESPONSE_TYPES): OpenAPIObject {
  document.components ??= {};
  document.components.schemas = { ...types.schemas, ...document.components.schemas } as NonNullable<OpenAPIObject['components']>['schemas'];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item) as [string, Record<string, any>][]) {
      if (!operation?.responses) continue;
      const facts: OperationFacts | undefined = types.operations[operation.operationId];
      const [status] = Object.keys(operation.responses).filter((code) => code.startsWith('2'));
      const success = status ?? (method === 'post' ? '201' : '200');
      operation.responses[success] = { ...operation.responses[success], ...successResponse(facts, success) };
      for (const code of problemCodes(method, path, operation, facts)) operation.responses[code] ??= problem(PROBLEMS[code]);
      // Errors a controller documented itself (@ApiNotFoundResponse…) are problem+json too.
      for (const [code, response] of Object.entries(operation.responses as Record<string, Record<string, unknown>>)) {
        if (/^[45]/.test(code) && !response['content']) operation.responses[code] = { ...problem(''), ...response, content: problem('').content };
      }
    }
  }
  return document;
}

function successResponse(facts: OperationFacts | undefined, status: string): { description: string; content?: Record<string, { schema: Schema }> } {
  if (facts?.produces) {
    return { description: 'Le fichier.', content: Object.fromEntries(facts.produces.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])) };
  }
  if (!facts?.schema) return { description: status === '204' ? 'Fait (pas de contenu).' : 'Accepté (pas de contenu).' };
  const variants = (facts.schema['oneOf'] as Schema[] | undefined) ?? [];
  const text = variants.find((v) => v['type'] === 'string' && Object.keys(v).length === 1);
  if (text) {
    // `?format=csv` answers the same view as a CSV file (UTF-8 with BOM, « ; »).
    const json = variants.filter((v) => v !== text);
    return {
      description: 'La vue (JSON), ou le fichier CSV avec format=csv.',
      content: { 'application/json': { schema: json.length === 1 ? json[0]! : { oneOf: json } }, 'text/csv': { schema: text } },
    };
  }
  return { description: 'Réussi.', content: { 'application/json': { schema: facts.schema } } };
}

function problemCodes(method: string, path: string, operation: Record<string, any>, facts: OperationFacts | undefined): (keyof typeof PROBLEMS)[] {
  const codes: (keyof typeof PROBLEMS)[] = [400];
  if (!facts?.public) codes.push(401, 403);
  else if (WRITES.has(method)) codes.push(403);
  if (path.includes('{') || operation.parameters?.some((p: { in: string }) => p.in === 'path')) codes.push(404);
  if (WRITES.has(method)) codes.push(409, 422);
  codes.push(429, 500, 503);
  return codes;
}
