import { join } from 'node:path';
import { RESPONSE_TYPES } from './response-types.generated.js';
import { generateResponseTypes } from './response-types.generator.js';

describe('the response schemas of the OpenAPI document', () => {
  it('are generated from the controllers as they are (run npm run openapi:types after changing one)', () => {
    expect(generateResponseTypes(join(import.meta.dirname, '../../../..'))).toEqual(RESPONSE_TYPES);
  }, 300_000);
});
