import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsOptional, ValidateIf } from 'class-validator';
import { ValidationError } from '#ardoise/kernel';

/** `?at=` for one state, or `?from=&to=` for the difference between two instants. */
export class StateAsOfRequest {
  @ApiPropertyOptional({ description: "L'état à cet instant (ISO 8601). Défaut : maintenant.", example: '2026-09-01T12:00:00Z' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'Date invalide (ISO 8601 attendu).' })
  at?: Date;

  @ApiPropertyOptional({ description: 'Début de la comparaison (avec « to »)' })
  @ValidateIf((r: StateAsOfRequest) => r.to !== undefined || r.from !== undefined)
  @Type(() => Date)
  @IsDate({ message: 'Date invalide (ISO 8601 attendu) ; « from » et « to » vont ensemble.' })
  from?: Date;

  @ApiPropertyOptional({ description: 'Fin de la comparaison (avec « from »)' })
  @ValidateIf((r: StateAsOfRequest) => r.to !== undefined || r.from !== undefined)
  @Type(() => Date)
  @IsDate({ message: 'Date invalide (ISO 8601 attendu) ; « from » et « to » vont ensemble.' })
  to?: Date;
}

export function assertOneMode(request: StateAsOfRequest): void {
  if (request.at && (request.from || request.to)) {
    throw new ValidationError([{ field: 'at', messages: ['Choisissez « at » (un instant) ou « from » et « to » (une comparaison), pas les deux.'] }]);
  }
}
