import { ConflictError } from '#ardoise/kernel';
import { DatabaseUnavailableError, isDatabaseUnavailable } from './connection-errors.js';

const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('telling a lost database connection from a refused statement', () => {
  it.each([
    ['a session terminated by an administrator', pgError('57P01', 'terminating connection due to administrator command')],
    ['a server shutting down', pgError('57P02')],
    ['a server still starting', pgError('57P03', 'the database system is starting up')],
    ['too many connections', pgError('53300')],
    ['a statement cancelled by statement_timeout', pgError('57014')],
    ['a connection exception (class 08)', pgError('08006')],
    ['a reset socket', pgError('ECONNRESET', 'read ECONNRESET')],
    ['a refused connection', pgError('ECONNREFUSED')],
    ['a connection that ended', new Error('Connection terminated unexpectedly')],
    ['a connect timeout', new Error('Connection terminated due to connection timeout')],
    ['a pool that waited too long', new Error('timeout exceeded when trying to connect')],
    ['a silent server', new Error('Query read timeout')],
    ['a refused connection to every address', new AggregateError([pgError('ECONNREFUSED')])],
    ['a wrapped cause', new Error('projection failed', { cause: pgError('57P01') })],
  ])('%s is « database unavailable »', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', pgError('23505', 'duplicate key value violates unique constraint')],
    ['a syntax error', pgError('42601')],
    ['a deadlock (retried, not an outage)', pgError('40P01')],
    ['a business conflict', new ConflictError('X.Y', 'Conflit')],
    ['nothing', undefined],
  ])('%s is not', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it('answers 503 with a French title and when to come back', () => {
    const error = new DatabaseUnavailableError();
    expect(error.status).toBe(503);
    expect(error.title).toMatch(/momentanément indisponible/);
    expect(error.extra).toEqual({ retryAfterSeconds: 5 });
  });
});
