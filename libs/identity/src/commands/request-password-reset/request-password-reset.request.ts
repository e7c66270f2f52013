import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class PasswordResetRequest {
  @ApiProperty({ example: 'parent@example.fr' })
  @IsString()
  @MinLength(3)
  @MaxLength(254)
  email!: string;
}
