import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { ChildrenStepInput } from '../inputs/child.input.js';
import { FamilyAccountStepInput } from '../inputs/family-account.input.js';
import { GuardiansStepInput } from '../inputs/guardian.input.js';

/** The three steps, sent together once the parent clicks « S'enregistrer ». */
export class ActivationRequest {
  @ApiProperty({ type: FamilyAccountStepInput })
  @ValidateNested() @Type(() => FamilyAccountStepInput)
  account!: FamilyAccountStepInput;

  @ApiProperty({ type: GuardiansStepInput })
  @ValidateNested() @Type(() => GuardiansStepInput)
  guardians!: GuardiansStepInput;

  @ApiProperty({ type: ChildrenStepInput })
  @ValidateNested() @Type(() => ChildrenStepInput)
  children!: ChildrenStepInput;
}
