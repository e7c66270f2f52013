/** What the OpenAPI document learns from the controllers' code (see response-types.generator.ts). */
export type Schema = Record<string, unknown>;

export interface OperationFacts {
  /** `Controller_method`, as @nestjs/swagger names the operation. */
  operationId: string;
  /** The success body's schema; absent when the handler answers no body. */
  schema?: Schema;
  /** Media types of a file the handler streams itself (@ApiProduces), e.g. application/pdf. */
  produces?: string[];
  public: boolean;
  roles: string[];
}

export interface ResponseTypes {
  operations: Record<string, OperationFacts>;
  schemas: Record<string, Schema>;
}
