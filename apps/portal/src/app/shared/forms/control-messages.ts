import type { AbstractControl, ValidationErrors } from '@angular/forms';
import type { Messages } from '../../i18n/messages';

/** The French sentences for a control's current errors (client checks first, then the server's). */
export function controlMessages(errors: ValidationErrors | null, t: Messages): string[] {
  if (!errors) return [];
  const messages: string[] = [];
  for (const [key, value] of Object.entries(errors)) {
    switch (key) {
      case 'required':
        messages.push(t.forms.required);
        break;
      case 'email':
        messages.push(t.forms.email);
        break;
      case 'minlength':
        messages.push(t.forms.minLength((value as { requiredLength: number }).requiredLength));
        break;
      case 'maxlength':
        messages.push(t.forms.maxLength((value as { requiredLength: number }).requiredLength));
        break;
      case 'server':
        messages.push(...(value as string[]));
        break;
      default:
        // Custom validators carry their own French sentence.
        messages.push(typeof value === 'string' ? value : t.forms.invalid);
    }
  }
  return messages;
}

/** Shown once the person has left the field or tried to submit, never while typing the first time. */
export function shouldShow(control: AbstractControl): boolean {
  return control.invalid && (control.touched || control.dirty);
}
