import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ServiceView } from '@ardoise/contracts';
import { firstValueFrom } from 'rxjs';
import { API } from '../../../core/api';

export interface WaitingDay {
  date: string;
  validated: number;
  waitlisted: number;
  free: number;
}
export interface WaitingChild {
  rank: number;
  reservationId: string;
  childId: string;
  firstName: string | null;
  lastName: string | null;
}
export interface Promotion {
  reservationId: string;
  firstName: string | null;
  lastName: string | null;
  promotedAt: string;
  promotedBy: string;
  mail: { status: string; sentAt: string | null } | null;
}
export interface Opening {
  openingId: string;
  label: string;
  from: string;
  to: string;
  opensAt: string;
  mode: 'first_come' | 'allocation';
  requestsCloseAt: string | null;
  priorities: string[];
  lotterySeed: string | null;
}
export interface AllocationResult {
  label: string;
  days: number;
  allocatedDays: number;
  totals: { requested: number; validated: number; waitlisted: number };
  families: {
    rank: number;
    familyId: string;
    fullPeriod: boolean;
    siblings: boolean;
    draw: string;
    children: { childId: string; firstName: string | null; lastName: string | null; validated: string[]; waitlisted: string[] }[];
  }[];
}

@Injectable({ providedIn: 'root' })
export class WaitingListsService {
  private readonly http = inject(HttpClient);

  services(): Promise<ServiceView[]> {
    return firstValueFrom(this.http.get<ServiceView[]>(`${API}/catalogue/services`));
  }

  openings(code: string): Promise<Opening[]> {
    return firstValueFrom(this.http.get<{ openings: Opening[] }>(`${API}/catalogue/services/${code}`)).then((s) => s.openings);
  }

  days(code: string, from: string, to: string): Promise<WaitingDay[]> {
    return firstValueFrom(this.http.get<{ days: WaitingDay[] }>(`${API}/service-days/${code}/waiting-days`, { params: { from, to } })).then((r) => r.days);
  }

  queue(code: string, date: string): Promise<WaitingChild[]> {
    return firstValueFrom(this.http.get<{ waiting: WaitingChild[] }>(`${API}/service-days/${code}/${date}/waiting-list`)).then((r) => r.waiting);
  }

  promotions(code: string, date: string): Promise<Promotion[]> {
    return firstValueFrom(this.http.get<{ promotions: Promotion[] }>(`${API}/service-days/${code}/${date}/promotions`)).then((r) => r.promotions);
  }

  promote(code: string, date: string, reservationId: string | null): Promise<{ promoted: string[] }> {
    return firstValueFrom(this.http.post<{ promoted: string[] }>(`${API}/service-days/${code}/${date}/promotions`, reservationId ? { reservationId } : {}));
  }

  allocate(code: string, openingId: string): Promise<{ days: number; validated: number; waitlisted: number }> {
    return firstValueFrom(this.http.post<{ days: number; validated: number; waitlisted: number }>(`${API}/service-days/${code}/allocations`, { openingId }));
  }

  allocation(code: string, openingId: string): Promise<AllocationResult> {
    return firstValueFrom(this.http.get<AllocationResult>(`${API}/service-days/${code}/openings/${openingId}/allocation`));
  }
}
