import { isUuid } from './uuid.js';

describe('isUuid', () => {
  it('accepts a UUID in either case and nothing else', () => {
    expect(isUuid('0b6f3c5e-8d1a-4f2b-9c3d-2e4f6a8b0c1d')).toBe(true);
    expect(isUuid('0B6F3C5E-8D1A-4F2B-9C3D-2E4F6A8B0C1D')).toBe(true);
    for (const value of ['', 'fam-1', '0b6f3c5e-8d1a-4f2b-9c3d-2e4f6a8b0c1', ' 0b6f3c5e-8d1a-4f2b-9c3d-2e4f6a8b0c1d', 42, null, undefined]) {
      expect(isUuid(value)).toBe(false);
    }
  });
});
