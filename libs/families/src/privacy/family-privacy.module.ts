import { Global, Module } from '@nestjs/common';
import { DATABASE } from '#ardoise/database';
import { FAMILY_PERSONAL_DATA } from '#ardoise/messaging';
import { FamilyKeyStore, type KeyConnection } from './family-key-store.js';
import { familyPersonalData } from './family-personal-data.js';
import { PersonalDataCipher } from './personal-data-cipher.js';

/**
 * The families' keys for every context that holds a family's personal data (messaging's
 * requests, the audit's event browser). Global because those contexts sit below families
 * (messaging) or beside it (audit) and must not import FamiliesModule.
 */
@Global()
@Module({
  providers: [
    { provide: FamilyKeyStore, inject: [DATABASE], useFactory: (db: KeyConnection) => new FamilyKeyStore(db) },
    { provide: PersonalDataCipher, inject: [FamilyKeyStore], useFactory: (keys: FamilyKeyStore) => new PersonalDataCipher(keys) },
    { provide: FAMILY_PERSONAL_DATA, useValue: familyPersonalData },
  ],
  exports: [FamilyKeyStore, PersonalDataCipher, FAMILY_PERSONAL_DATA],
})
export class FamilyPrivacyModule {}
