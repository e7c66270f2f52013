import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

/** A new password typed twice (from a reset link, or chosen by an admin for a staff login). */
export class NewPasswordRequest {
  @ApiProperty()
  @IsString()
  @MaxLength(128)
  password!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(128)
  passwordConfirmation!: string;
}
