import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, IsString, MaxLength, MinLength } from 'class-validator';

export const STAFF_ROLES = ['agent', 'finance', 'auditor', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export class CreateStaffAccountRequest {
  @ApiProperty({ example: 'agent.periscolaire@mairie.fr' })
  @IsEmail({}, { message: 'Adresse e-mail invalide.' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Service périscolaire — Camille' })
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  displayName!: string;

  @ApiProperty({ enum: STAFF_ROLES })
  @IsIn(STAFF_ROLES, { message: 'Le rôle doit être agent, finance, auditor ou admin.' })
  role!: StaffRole;

  @ApiProperty({ description: 'Mot de passe initial (politique des mots de passe)' })
  @IsString()
  @MaxLength(128)
  password!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(128)
  passwordConfirmation!: string;
}
