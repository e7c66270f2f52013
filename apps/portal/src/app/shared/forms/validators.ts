import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';

/** The confirmation must repeat the password: the error sits on the confirmation field. */
export function sameAs(sibling: string, message: string): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const target = control.parent?.get(sibling);
    if (!target || control.value === '' || control.value === target.value) return null;
    return { mismatch: message };
  };
}

/** The password policy of the API (CNIL 2022-100), checked as the parent types: same words as the server. */
export function passwordPolicy(message: (missing: string[]) => string): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const value = String(control.value ?? '');
    if (value === '') return null;
    const missing: string[] = [];
    if (value.length < 12) missing.push('au moins 12 caractères');
    if (!/[a-zà-ÿ]/.test(value)) missing.push('une minuscule');
    if (!/[A-ZÀ-Ý]/.test(value)) missing.push('une majuscule');
    if (!/[0-9]/.test(value)) missing.push('un chiffre');
    if (!/[^A-Za-zÀ-ÿ0-9]/.test(value)) missing.push('un caractère spécial (par exemple ! ? - _ @)');
    return missing.length ? { policy: message(missing) } : null;
  };
}

/** A date (AAAA-MM-JJ) that is not after today. */
export function notInFuture(message: string): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const value = String(control.value ?? '');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
    return value > new Date().toISOString().slice(0, 10) ? { future: message } : null;
  };
}

/** A value matching a pattern, with its own French sentence. */
export function matching(pattern: RegExp, message: string): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const value = String(control.value ?? '').trim();
    return value === '' || pattern.test(value) ? null : { format: message };
  };
}
