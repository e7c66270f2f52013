import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class EmailChangeRequest {
  @ApiProperty({ example: 'nouvelle.adresse@example.fr' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsEmail({}, { message: 'Adresse e-mail invalide.' })
  @MaxLength(254)
  newEmail!: string;

  @ApiProperty({ description: 'Mot de passe actuel, pour confirmer' })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  password!: string;
}
