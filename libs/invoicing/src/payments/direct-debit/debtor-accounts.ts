import { StreamNotFoundError, type EventStore } from '#ardoise/event-store';
import { FamilyKeyStore, PersonalDataCipher, familyStream, type DebtorAccount, type DirectDebitMandateSigned } from '#ardoise/families';
import type { Kysely } from 'kysely';
import type { InvoicingDatabase } from '../../projections/invoicing-database.js';

export type DebtorAccountLookup = { found: true; account: DebtorAccount } | { found: false; reason: 'no_account' | 'erased'; line: string };

/**
 * The account to debit, opened at export time only: the latest `DirectDebitMandateSigned` of
 * the family's stream carries it sealed with the family's key (never in a read model of
 * invoicing). A mandate recorded before IBANs were (schemaVersion 1) has none; a forgotten
 * family's key is gone and its IBAN with it. Either way the family is not collected, and the
 * export report says why.
 */
export class DebtorAccounts {
  private readonly cipher: PersonalDataCipher;
  private readonly cache = new Map<string, DebtorAccountLookup>();

  constructor(
    private readonly store: EventStore,
    db: Kysely<InvoicingDatabase>,
  ) {
    this.cipher = new PersonalDataCipher(new FamilyKeyStore(db));
  }

  async of(familyId: string, invoiceNumber: string): Promise<DebtorAccountLookup> {
    const known = this.cache.get(familyId);
    if (known) return known.found ? known : { ...known, line: lineFor(known.reason, invoiceNumber) };
    const sealed = await this.latestMandateAccount(familyId);
    let lookup: DebtorAccountLookup;
    if (!sealed) lookup = { found: false, reason: 'no_account', line: lineFor('no_account', invoiceNumber) };
    else {
      const account = await this.cipher.open<DebtorAccount>(familyId, sealed);
      lookup = account ? { found: true, account } : { found: false, reason: 'erased', line: lineFor('erased', invoiceNumber) };
    }
    this.cache.set(familyId, lookup);
    return lookup;
  }

  private async latestMandateAccount(familyId: string): Promise<DirectDebitMandateSigned['data']['debtorAccount']> {
    let sealed: DirectDebitMandateSigned['data']['debtorAccount'];
    try {
      for await (const event of this.store.readStream(familyStream(familyId))) {
        if (event.type === 'DirectDebitMandateSigned') sealed = (event.data as DirectDebitMandateSigned['data']).debtorAccount;
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return sealed;
  }
}

function lineFor(reason: 'no_account' | 'erased', invoiceNumber: string): string {
  return reason === 'erased'
    ? `Facture ${invoiceNumber} non prélevée : les données bancaires de la famille ont été effacées (RGPD) ; à recouvrer par un autre moyen.`
    : `Facture ${invoiceNumber} non prélevée : le mandat a été enregistré sans IBAN ; enregistrez de nouveau le mandat avec l’IBAN du compte à débiter.`;
}
