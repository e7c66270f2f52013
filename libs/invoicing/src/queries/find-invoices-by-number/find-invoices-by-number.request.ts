import { IsString, Matches } from 'class-validator';

export class InvoiceNumberQuery {
  @IsString()
  @Matches(/^\d{4}-?\d{0,6}$/, { message: 'Numéro de facture invalide (par exemple 2026-000123).' })
  number!: string;
}
