import type { AbstractControl } from '@angular/forms';
import type { ApiError } from '../../core/api-error';

/**
 * Ties the API's field errors to the form's controls, by the API's field path
 * (`account.email` → controls['account.email']). Returns the messages that matched no
 * control, to be shown in the form's error summary.
 */
export function applyServerErrors(error: ApiError, controls: Readonly<Record<string, AbstractControl | undefined>>): string[] {
  const unmatched: string[] = [];
  for (const [field, messages] of Object.entries(error.fieldErrors)) {
    // A rule about a whole group (e.g. `responsable1.address`) goes on the group's first field.
    const control = controls[field] ?? Object.entries(controls).find(([path]) => path.startsWith(`${field}.`))?.[1];
    if (control) {
      control.setErrors({ ...(control.errors ?? {}), server: [...messages] });
      control.markAsTouched();
    } else {
      unmatched.push(...messages);
    }
  }
  return unmatched;
}

/** Marks every control touched so each one shows its error, and says whether the form may go. */
export function readyToSend(control: AbstractControl): boolean {
  control.markAllAsTouched();
  control.updateValueAndValidity();
  return control.valid;
}
