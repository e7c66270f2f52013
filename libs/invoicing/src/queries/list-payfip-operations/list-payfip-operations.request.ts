import { IsIn, IsOptional } from 'class-validator';

export const PAYFIP_STATUSES = ['pending', 'paid', 'refused', 'abandoned', 'expired', 'anomaly'];

export class PayfipOperationsQuery {
  @IsOptional() @IsIn(['json', 'csv'], { message: 'format vaut json ou csv.' }) format?: 'json' | 'csv';
  @IsOptional() @IsIn(PAYFIP_STATUSES, { message: 'État inconnu (pending, paid, refused, abandoned, expired, anomaly).' }) status?: string;
}
