import { ValidatorConstraint, type ValidatorConstraintInterface, type ValidationArguments } from 'class-validator';

/** A SIRET: 14 digits (spaces allowed) passing the Luhn check, as INSEE issues them. */
@ValidatorConstraint({ name: 'validSiret' })
export class ValidSiret implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string') return false;
    const digits = value.replace(/\s/g, '');
    if (!/^\d{14}$/.test(digits)) return false;
    let sum = 0;
    for (let i = 0; i < 14; i++) {
      let d = Number(digits[13 - i]);
      if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      sum += d;
    }
    return sum % 10 === 0;
  }

  defaultMessage(args: ValidationArguments): string {
    return `${args.property} doit être un SIRET de 14 chiffres valide`;
  }
}

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** Contrast ratio of white text on this colour (WCAG 2.1). */
export const contrastWithWhite = (hex: string) => 1.05 / (luminance(hex) + 0.05);

/** A #rrggbb colour that white text can be read on (contrast ≥ 5:1: WCAG AA 4.5:1 with room for the light grey footer). */
@ValidatorConstraint({ name: 'readableOnWhite' })
export class ReadableOnWhite implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && /^#[0-9a-fA-F]{6}$/.test(value) && contrastWithWhite(value) >= 5;
  }

  defaultMessage(args: ValidationArguments): string {
    return `${args.property} doit être une couleur #rrggbb assez foncée pour un texte blanc (contraste d’au moins 5:1, pour le texte blanc et les liens sur fond clair)`;
  }
}
