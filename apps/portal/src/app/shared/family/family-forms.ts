import { type AbstractControl, FormArray, FormControl, FormGroup, type ValidatorFn, Validators } from '@angular/forms';
import type { ChildView, Civility, Diet, GuardianView } from '@ardoise/contracts';
import type { Messages } from '../../i18n/messages';
import { matching, notInFuture } from '../forms/validators';

/** The API's phone and postal code patterns (libs/families inputs), so the same input is refused on both sides. */
const PHONE = /^(?:\+33 ?|0)[1-9](?:[ .-]?\d{2}){4}$|^\+(?:[ .-]?\d){8,15}$/;
const POSTAL_CODE = /^\d{5}$/;

const text = (value: string, ...validators: ValidatorFn[]) => new FormControl(value, { nonNullable: true, validators });

/** Responsable 1 is the family's contact, as the API requires: a phone (any of the three) and an address. */
function onePhone(message: string): ValidatorFn {
  return (control: AbstractControl) => {
    const group = control.parent;
    if (!group) return null;
    const any = ['mobilePhone', 'homePhone', 'workPhone'].some((name) => String(group.get(name)?.value ?? '').trim() !== '');
    return any ? null : { phone: message };
  };
}

export function guardianForm(t: Messages, initial?: Partial<GuardianView>, contact = false) {
  const phone = () => matching(PHONE, t.family.guardian.phoneFormat);
  const ifContact = (...validators: ValidatorFn[]) => (contact ? validators : []);
  return new FormGroup({
    civility: new FormControl<Civility | ''>(initial?.civility ?? '', { nonNullable: true, validators: [Validators.required] }),
    lastName: text(initial?.lastName ?? '', Validators.required, Validators.maxLength(100)),
    firstName: text(initial?.firstName ?? '', Validators.required, Validators.maxLength(100)),
    mobilePhone: text(initial?.mobilePhone ?? '', phone(), ...ifContact(onePhone(t.family.guardian.onePhone))),
    homePhone: text(initial?.homePhone ?? '', phone()),
    workPhone: text(initial?.workPhone ?? '', phone()),
    email: text(initial?.email ?? '', Validators.email, Validators.maxLength(254)),
    address: new FormGroup({
      line1: text(initial?.address?.line1 ?? '', Validators.maxLength(200), ...ifContact(Validators.required)),
      line2: text(initial?.address?.line2 ?? '', Validators.maxLength(200)),
      postalCode: text(initial?.address?.postalCode ?? '', matching(POSTAL_CODE, t.family.guardian.postalCodeFormat), ...ifContact(Validators.required)),
      city: text(initial?.address?.city ?? '', Validators.maxLength(100), ...ifContact(Validators.required)),
    }),
  });
}
export type GuardianForm = ReturnType<typeof guardianForm>;

export function childForm(t: Messages, initial?: Partial<ChildView>) {
  return new FormGroup({
    lastName: text(initial?.lastName ?? '', Validators.required, Validators.maxLength(100)),
    firstName: text(initial?.firstName ?? '', Validators.required, Validators.maxLength(100)),
    birthDate: text(initial?.birthDate ?? '', Validators.required, notInFuture(t.family.child.birthDateFuture)),
    school: text(initial?.school ?? '', Validators.required, Validators.maxLength(120)),
    className: text(initial?.className ?? '', Validators.required, Validators.maxLength(40)),
    diet: new FormControl<Diet>(initial?.diet ?? 'standard', { nonNullable: true, validators: [Validators.required] }),
    allergies: text(initial?.allergies ?? '', Validators.maxLength(500)),
    pai: new FormControl(initial?.pai ?? false, { nonNullable: true }),
  });
}
export type ChildForm = ReturnType<typeof childForm>;

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** The API's GuardianInput: empty optional fields are null; an address only when one was typed. */
export function guardianPayload(form: GuardianForm) {
  const v = form.getRawValue();
  const a = v.address;
  const hasAddress = [a.line1, a.line2, a.postalCode, a.city].some((x) => x.trim() !== '');
  return {
    civility: v.civility,
    lastName: v.lastName.trim(),
    firstName: v.firstName.trim(),
    mobilePhone: orNull(v.mobilePhone),
    homePhone: orNull(v.homePhone),
    workPhone: orNull(v.workPhone),
    email: orNull(v.email),
    address: hasAddress ? { line1: a.line1.trim(), line2: orNull(a.line2), postalCode: a.postalCode.trim(), city: a.city.trim() } : null,
  };
}

export function childPayload(form: ChildForm) {
  const v = form.getRawValue();
  return {
    lastName: v.lastName.trim(),
    firstName: v.firstName.trim(),
    birthDate: v.birthDate,
    school: v.school.trim(),
    className: v.className.trim(),
    diet: v.diet,
    allergies: orNull(v.allergies),
    pai: v.pai,
  };
}

/**
 * Every leaf control of a group under the API's field path (`prefix.lastName`,
 * `prefix.address.city`), so applyServerErrors can find it.
 */
export function controlsByPath(group: AbstractControl, prefix: string, into: Record<string, AbstractControl> = {}): Record<string, AbstractControl> {
  if (group instanceof FormGroup || group instanceof FormArray) {
    for (const [name, child] of Object.entries(group.controls as Record<string, AbstractControl>)) {
      controlsByPath(child, prefix ? `${prefix}.${name}` : name, into);
    }
  } else {
    into[prefix] = group;
  }
  return into;
}
