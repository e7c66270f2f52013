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

/** The id a field gets for an API path: `guardians.responsable1.lastName` → `guardians-responsable1-lastName`. */
export const fieldIdOf = (path: string) => path.replace(/\./g, '-');

/**
 * Summary lines for a map of controls keyed by API path, with each field's label read from
 * the page (its `label`, or its fieldset's legend), prefixed by its section (`data-section`),
 * e.g. "Enfant 2 — Prénom : Ce champ est obligatoire."
 */
export function summarizePaths(controls: Readonly<Record<string, AbstractControl>>, t: Messages): SummaryItem[] {
  return Object.entries(controls)
    .filter(([, control]) => control.invalid)
    .map(([path, control]) => {
      const fieldId = fieldIdOf(path);
      return { fieldId, message: `${labelOf(fieldId)} : ${controlMessages(control.errors, t).join(' ')}` };
    });
}

function labelOf(fieldId: string): string {
  const field = document.getElementById(fieldId);
  const own = document.querySelector(`label[for="${CSS.escape(fieldId)}"]`) ?? field?.querySelector('legend');
  const words = (own?.textContent ?? fieldId)
    .replace(/\*|\(obligatoire\)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const section = (field?.closest('[data-section]') as HTMLElement | null)?.dataset['section'];
  return section ? `${section} — ${words}` : words;
}
