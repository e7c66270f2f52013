import type { AbstractControl } from '@angular/forms';
import type { Messages } from '../../i18n/messages';
import { controlMessages } from './control-messages';
import type { SummaryItem } from './error-summary.component';

export interface FieldRef {
  control: AbstractControl;
  fieldId: string;
  label: string;
}

/** One summary line per invalid field, "Label : message", linking to the field. */
export function summarize(fields: readonly FieldRef[], t: Messages): SummaryItem[] {
  return fields
    .filter((f) => f.control.invalid)
    .map((f) => ({ fieldId: f.fieldId, message: `${f.label} : ${controlMessages(f.control.errors, t).join(' ')}` }));
}
