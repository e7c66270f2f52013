import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class ValidateBasketRequest {
  /** An agent booking past the deadline says why (recorded with the agent's name). */
  @ApiPropertyOptional({ type: String, minLength: 3, maxLength: 500 })
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  overrideReason?: string;

  /** With an override: bill the « Majoration hors délai » for the late days. Default: not applied (the town's agent books). */
  @ApiPropertyOptional({ type: Boolean, default: false })
  @IsOptional()
  @IsBoolean({ message: 'Majoration hors délai : oui ou non.' })
  lateSurcharge?: boolean;
}
