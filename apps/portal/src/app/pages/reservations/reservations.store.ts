import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import type { BasketLine, BasketView, ChildView, FamilyFileView, PeriodView, RequestResult, ServiceView, ValidationResult } from '@ardoise/contracts';
import { firstValueFrom } from 'rxjs';
import { API } from '../../core/api';
import { SessionService } from '../../core/session.service';

const CHILD_KEY = 'ardoise.enfant';

export interface Slot {
  childId: string;
  serviceCode: string;
  date: string;
}

/**
 * What the reservation pages share: the family's children and the chosen one (kept for the
 * browser tab, so the parent never silently books for the wrong child), the prestations,
 * the basket, the last validation's result, and a `changes` counter the planning watches.
 */
@Injectable()
export class ReservationsStore {
  private readonly http = inject(HttpClient);
  private readonly familyId = inject(SessionService).familyId;

  readonly family = signal<FamilyFileView | null>(null);
  readonly services = signal<ServiceView[]>([]);
  readonly basket = signal<BasketLine[]>([]);
  readonly lastResult = signal<ValidationResult | null>(null);
  readonly changes = signal(0);
  readonly loadError = signal<unknown>(null);
  /** Basket lines on a full day (by reservation id): the waiting-list rank they would take, as the planning last said. */
  readonly waitlistRanks = signal<ReadonlyMap<string, number>>(new Map());

  readonly children = computed<ChildView[]>(() => (this.family()?.children ?? []).filter((c) => !c.erased));
  private readonly chosen = signal<string | null>(sessionStorage.getItem(CHILD_KEY));
  readonly childId = computed(() => {
    const children = this.children();
    const chosen = this.chosen();
    return children.find((c) => c.childId === chosen)?.childId ?? children[0]?.childId ?? null;
  });
  readonly child = computed(() => this.children().find((c) => c.childId === this.childId()) ?? null);

  async load(): Promise<void> {
    try {
      const [family, services] = await Promise.all([
        this.familyFile(),
        firstValueFrom(this.http.get<ServiceView[]>(`${API}/catalogue/services`)),
        this.refreshBasket(),
      ]);
      this.family.set(family);
      this.services.set(services);
    } catch (error) {
      this.loadError.set(error);
    }
  }

  /** Read after the account was created, it lists the children: the read waits for the writes (core/api.ts). */
  private familyFile(): Promise<FamilyFileView> {
    return firstValueFrom(this.http.get<FamilyFileView>(`${this.base()}`));
  }

  rememberWaitlistRanks(view: PeriodView): void {
    const next = new Map(this.waitlistRanks());
    for (const service of view.services) {
      for (const cell of service.days) {
        if (cell.state !== 'requested' || !cell.reservationId) continue;
        if (cell.waitlistNextRank) next.set(cell.reservationId, cell.waitlistNextRank);
        else next.delete(cell.reservationId);
      }
    }
    this.waitlistRanks.set(next);
  }

  chooseChild(childId: string): void {
    this.chosen.set(childId);
    sessionStorage.setItem(CHILD_KEY, childId);
  }

  childName(childId: string): string {
    const child = this.children().find((c) => c.childId === childId);
    return child?.firstName ?? '';
  }

  serviceLabel(code: string): string {
    return this.services().find((s) => s.code === code)?.label ?? code;
  }

  async refreshBasket(): Promise<void> {
    const view = await firstValueFrom(this.http.get<BasketView>(`${this.base()}/basket`));
    this.basket.set(view.lines);
  }

  async request(slots: Slot[]): Promise<RequestResult> {
    const result = await firstValueFrom(this.http.post<RequestResult>(`${this.base()}/basket/lines`, { lines: slots }));
    await this.changed();
    return result;
  }

  async requestRange(body: { childId: string; serviceCode: string; from: string; to: string; weekdays: number[] }): Promise<RequestResult> {
    const result = await firstValueFrom(this.http.post<RequestResult>(`${this.base()}/basket/agenda`, body));
    await this.changed();
    return result;
  }

  async applyTypicalWeek(body: { childId: string; from: string; to: string; days: { weekday: number; serviceCodes: string[] }[] }): Promise<RequestResult> {
    const result = await firstValueFrom(this.http.post<RequestResult>(`${this.base()}/basket/typical-week`, body));
    await this.changed();
    return result;
  }

  async remove(reservationId: string): Promise<void> {
    await firstValueFrom(this.http.delete(`${this.base()}/basket/lines/${reservationId}`));
    await this.changed();
  }

  async validate(): Promise<ValidationResult> {
    const result = await firstValueFrom(this.http.post<ValidationResult>(`${this.base()}/basket/validation`, {}));
    // The emptied basket and the result show together.
    await this.refreshBasket().catch(() => undefined);
    this.lastResult.set(result);
    await this.changed();
    return result;
  }

  async cancel(slot: Slot): Promise<void> {
    await firstValueFrom(this.http.post(`${this.base()}/reservations/cancellation`, slot));
    await this.changed();
  }

  async declareAbsence(slot: Slot, reason: string): Promise<void> {
    await firstValueFrom(this.http.post(`${this.base()}/absences`, { ...slot, reason }));
    await this.changed();
  }

  private async changed(): Promise<void> {
    await this.refreshBasket();
    this.changes.update((n) => n + 1);
  }

  private base(): string {
    return `${API}/families/${this.familyId()}`;
  }
}
