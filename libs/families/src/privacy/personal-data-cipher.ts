import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { FamilyKeyStore, type KeyConnection } from './family-key-store.js';

/**
 * Personal fields of an event, sealed: `pd1.<iv>.<tag>.<ciphertext>` (base64url), AES-256-GCM
 * with the family's key; the family id is authenticated data, so a sealed value cannot be
 * moved to another family's events.
 */
export type Sealed = string & { readonly __sealed: unique symbol };

const VERSION = 'pd1';

export function sealWith<T>(key: Buffer, familyId: string, value: T): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(familyId));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv.toString('base64url'), tag.toString('base64url'), ciphertext.toString('base64url')].join('.') as Sealed;
}

export function openWith<T>(key: Buffer, familyId: string, sealed: Sealed): T {
  const [version, iv, tag, ciphertext] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new Error('not a sealed personal value');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(familyId));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  const plaintext = Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]);
  return JSON.parse(plaintext.toString('utf8')) as T;
}

/**
 * Seals and opens a family's personal data with its key from the key store. `open`
 * answers undefined when the key is gone: the person has been erased.
 * Lives in libs/families (the only context holding such data in events so far); it is
 * exported for any other context that must put personal data in events.
 */
export class PersonalDataCipher {
  constructor(private readonly keys: FamilyKeyStore) {}

  async seal<T>(familyId: string, value: T, db?: KeyConnection): Promise<Sealed> {
    return sealWith(await this.keys.keyFor(familyId, db), familyId, value);
  }

  async open<T>(familyId: string, sealed: Sealed, db?: KeyConnection): Promise<T | undefined> {
    const key = await this.keys.existingKey(familyId, db);
    return key ? openWith<T>(key, familyId, sealed) : undefined;
  }

  /** Opens many values of one family with one key lookup. */
  async opener(familyId: string, db?: KeyConnection): Promise<<T>(sealed: Sealed) => T | undefined> {
    const key = await this.keys.existingKey(familyId, db);
    return <T>(sealed: Sealed) => (key ? openWith<T>(key, familyId, sealed) : undefined);
  }
}
