import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { FamilyFileView, FamilySummaryView, PeriodView, RequestResult, ReservationHistory, ServiceView, ValidationResult } from '@ardoise/contracts';
import { firstValueFrom } from 'rxjs';
import { API } from '../../../core/api';

export interface Slot {
  childId: string;
  serviceCode: string;
  date: string;
}

/** What the agents' family pages ask the API: search, file, invitations, and acting for a family. */
@Injectable({ providedIn: 'root' })
export class FamiliesService {
  private readonly http = inject(HttpClient);

  search(q: string): Promise<FamilySummaryView[]> {
    const params: Record<string, string> = q.trim() ? { q: q.trim() } : {};
    return firstValueFrom(this.http.get<FamilySummaryView[]>(`${API}/families`, { params }));
  }

  file(familyId: string): Promise<FamilyFileView> {
    return firstValueFrom(this.http.get<FamilyFileView>(`${API}/families/${familyId}`));
  }

  invite(email: string, familyName: string | null): Promise<{ familyId: string; expiresAt: string }> {
    return firstValueFrom(this.http.post<{ familyId: string; expiresAt: string }>(`${API}/families/invitations`, { email, familyName }));
  }

  resendInvitation(familyId: string, email: string | null): Promise<{ familyId: string; expiresAt: string }> {
    return firstValueFrom(this.http.post<{ familyId: string; expiresAt: string }>(`${API}/families/${familyId}/invitation`, { email }));
  }

  inviteGuardianLogin(familyId: string, guardianId: string, email: string | null): Promise<{ expiresAt: string }> {
    return firstValueFrom(this.http.post<{ expiresAt: string }>(`${API}/families/${familyId}/guardians/${guardianId}/login-invitation`, { email }));
  }

  register(body: unknown): Promise<{ familyId: string }> {
    return firstValueFrom(this.http.post<{ familyId: string }>(`${API}/families`, body));
  }

  services(): Promise<ServiceView[]> {
    return firstValueFrom(this.http.get<ServiceView[]>(`${API}/catalogue/services`));
  }

  week(familyId: string, childId: string, date: string): Promise<PeriodView> {
    return firstValueFrom(this.http.get<PeriodView>(`${API}/families/${familyId}/children/${childId}/period`, { params: { view: 'week', date } }));
  }

  history(familyId: string, from: string, to: string): Promise<ReservationHistory> {
    return firstValueFrom(this.http.get<ReservationHistory>(`${API}/families/${familyId}/reservations`, { params: { from, to } }));
  }

  /**
   * Books one day for the family: into its basket, then the basket is validated (with the
   * agent's reason, and whether the late surcharge is billed, when the deadline has passed). Lines the family had left in its basket
   * are validated too — as the family itself would on « Valider ».
   */
  async book(familyId: string, slot: Slot, override: { reason: string; lateSurcharge: boolean } | null): Promise<ValidationResult> {
    await firstValueFrom(this.http.post<RequestResult>(`${API}/families/${familyId}/basket/lines`, { lines: [slot] }));
    const body = override ? { overrideReason: override.reason, lateSurcharge: override.lateSurcharge } : {};
    return firstValueFrom(this.http.post<ValidationResult>(`${API}/families/${familyId}/basket/validation`, body));
  }

  cancel(familyId: string, slot: Slot, reason: string): Promise<unknown> {
    return firstValueFrom(this.http.post(`${API}/families/${familyId}/reservations/cancellation`, { ...slot, reason }));
  }

  declareAbsence(familyId: string, slot: Slot, reason: string): Promise<unknown> {
    return firstValueFrom(this.http.post(`${API}/families/${familyId}/absences`, { ...slot, reason }));
  }
}
