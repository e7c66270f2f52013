import { randomBytes } from 'node:crypto';
import { openWith, sealWith, type Sealed } from './personal-data-cipher.js';

const family = '4b0f5a3e-8d1c-4c56-9a55-0a3f7f1f2a10';
const key = randomBytes(32);

describe('sealing a family’s personal data', () => {
  it('hides the names and opens them again with the family key', () => {
    const sealed = sealWith(key, family, { lastName: 'Dupont', firstName: 'Clara' });
    expect(sealed).toMatch(/^pd1\./);
    expect(sealed).not.toContain('Dupont');
    expect(openWith(key, family, sealed)).toEqual({ lastName: 'Dupont', firstName: 'Clara' });
  });

  it('seals the same value differently each time (random IV)', () => {
    expect(sealWith(key, family, 'Dupont')).not.toBe(sealWith(key, family, 'Dupont'));
  });

  it('cannot be opened with another key (the key was destroyed and another made)', () => {
    const sealed = sealWith(key, family, 'Dupont');
    expect(() => openWith(randomBytes(32), family, sealed)).toThrow();
  });

  it('cannot be moved to another family’s events', () => {
    const sealed = sealWith(key, family, 'Dupont');
    expect(() => openWith(key, '00000000-0000-4000-8000-000000000000', sealed)).toThrow();
  });

  it('detects a tampered ciphertext', () => {
    const sealed = sealWith(key, family, 'Dupont');
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] ^= 1;
    parts[3] = body.toString('base64url');
    expect(() => openWith(key, family, parts.join('.') as Sealed)).toThrow();
  });
});
