import { httpResource } from '@angular/common/http';
import { DOCUMENT, Injectable, computed, effect, inject } from '@angular/core';
import type { TownProfile } from '@ardoise/contracts';
import { townInSentence } from '../i18n/fr/town.fr';
import { API } from './api';

/**
 * The town that runs the portal (GET /api/v1/town, public): its name, coat of arms,
 * contacts and colours, read once. The colours go to the page's CSS variables through the
 * CSSOM (allowed by a strict Content-Security-Policy, unlike a style attribute).
 */
@Injectable({ providedIn: 'root' })
export class TownService {
  private readonly resource = httpResource<TownProfile>(() => `${API}/town`);
  private readonly document = inject(DOCUMENT);

  /** Undefined while loading (or if the API cannot be reached). */
  readonly profile = computed(() => (this.resource.hasValue() ? this.resource.value() : undefined));
  readonly nameInSentence = computed(() => {
    const town = this.profile();
    return town ? townInSentence(town.name) : undefined;
  });

  constructor() {
    effect(() => {
      const town = this.profile();
      if (!town) return;
      const root = this.document.documentElement.style;
      root.setProperty('--ard-primary', town.colors.primary);
      root.setProperty('--ard-accent', town.colors.accent);
    });
  }

  /** « 02 54 00 12 34 » → « tel:+33254001234 ». */
  static telLink(phone: string): string {
    const digits = phone.replace(/[^\d+]/g, '');
    return `tel:${digits.startsWith('0') ? `+33${digits.slice(1)}` : digits}`;
  }
}
