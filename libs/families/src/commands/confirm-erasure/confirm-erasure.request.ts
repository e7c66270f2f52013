import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export class ConfirmedErasureRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'Identifiant de famille invalide.' })
  familyId!: string;

  @ApiProperty({ description: 'Le nom de la famille, tapé par l’administrateur pour confirmer' })
  @IsString()
  @MinLength(1, { message: 'Tapez le nom de la famille pour confirmer.' })
  @MaxLength(200)
  familyName!: string;
}
