import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { IsLocalDate } from '#ardoise/catalogue';
import { PERIOD_PATTERN } from '../../domain/billing.js';
import { INVOICE_STATUS_LABELS, type InvoiceStatus } from '../../domain/invoice-state.js';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value);

export class InvoicesQuery {
  @IsOptional()
  @IsIn(Object.keys(INVOICE_STATUS_LABELS), { message: 'Statut inconnu.' })
  status?: InvoiceStatus;

  @IsOptional()
  @IsString()
  @Matches(PERIOD_PATTERN, { message: 'Mois invalide (format attendu : AAAA-MM).' })
  period?: string;

  @IsOptional()
  @IsString()
  @Matches(/^[0-9a-f-]{36}$/, { message: 'Identifiant de famille invalide.' })
  familyId?: string;

  @IsOptional()
  @IsLocalDate()
  issuedFrom?: string;

  @IsOptional()
  @IsLocalDate()
  issuedTo?: string;

  /** Text in the family's name (case ignored). */
  @IsOptional()
  @IsString()
  // eslint-disable-next-line no-control-regex -- control characters are what this pattern refuses
  @Matches(/^[^\u0000-\u001f%_\\]{2,60}$/, { message: 'Nom de famille : 2 à 60 caractères.' })
  family?: string;

  /** Amount of the invoice (total), in cents, at least / at most. */
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'Montant minimal invalide (en centimes).' })
  @Min(0)
  @Max(10_000_000)
  minCents?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'Montant maximal invalide (en centimes).' })
  @Min(0)
  @Max(10_000_000)
  maxCents?: number;

  /** `true`: only the invoices past their due date with something left to pay. */
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'overdue vaut true ou false.' })
  overdue?: 'true' | 'false';

  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}
