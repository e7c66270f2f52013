import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, ValidateNested } from 'class-validator';
import { ChildrenStepInput } from '../../requests/child.input.js';
import { FamilyAccountStepInput } from '../../requests/family-account.input.js';
import { GuardiansStepInput } from '../../requests/guardian.input.js';

/** The three steps, sent together once the parent clicks « S'enregistrer ». */
export class ActivationRequest {
  @ApiProperty({ type: FamilyAccountStepInput })
  @IsDefined()
  @IsObject({ message: 'Ce champ doit être un objet.' })
  @ValidateNested()
  @Type(() => FamilyAccountStepInput)
  account!: FamilyAccountStepInput;

  @ApiProperty({ type: GuardiansStepInput })
  @IsDefined()
  @IsObject({ message: 'Ce champ doit être un objet.' })
  @ValidateNested()
  @Type(() => GuardiansStepInput)
  guardians!: GuardiansStepInput;

  @ApiProperty({ type: ChildrenStepInput })
  @IsDefined()
  @IsObject({ message: 'Ce champ doit être un objet.' })
  @ValidateNested()
  @Type(() => ChildrenStepInput)
  children!: ChildrenStepInput;
}
