import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class AcceptGuardianInvitationRequest {
  @ApiProperty()
  @IsString()
  @MaxLength(128)
  password!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(128)
  passwordConfirmation!: string;
}
