import { WrongExpectedVersionError } from './errors.js';

describe('WrongExpectedVersionError', () => {
  it('says what the writer expected and what the stream actually held, as a 409', () => {
    const error = new WrongExpectedVersionError('family-1', 3n, 5n);
    expect(error.status).toBe(409);
    expect(error.code).toBe('EVENT_STORE.WRONG_EXPECTED_VERSION');
    expect(error.extra).toEqual({ expected: '3', actual: '5' });
    expect(new WrongExpectedVersionError('family-2', 'stream_exists', undefined).extra).toEqual({
      expected: 'stream_exists',
      actual: 'no_stream',
    });
  });
});
