import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { AdminHealth, ErasurePreview, ErasureRecord, ErasureResult, FamilySummaryView, StaffAccountSummary, StaffRoleName } from '@ardoise/contracts';
import { firstValueFrom } from 'rxjs';
import { API } from '../../core/api';

/** A rebuild or verification job (GET /audit/jobs/:id), as far as the health page reads it. */
export interface RebuildJob {
  id: string;
  status: 'running' | 'succeeded' | 'failed' | 'interrupted';
  progress: { projection?: string; phase?: string; eventsApplied?: number; estimatedTotal?: number | null } | null;
  error: string | null;
}

export interface NewStaffAccount {
  email: string;
  displayName: string;
  role: StaffRoleName;
  password: string;
  passwordConfirmation: string;
}

/** The admins' API: staff accounts, RGPD erasure, health and rebuilds. */
@Injectable({ providedIn: 'root' })
export class AdminService {
  private readonly http = inject(HttpClient);

  staffAccounts(): Promise<StaffAccountSummary[]> {
    return firstValueFrom(this.http.get<StaffAccountSummary[]>(`${API}/staff-accounts`));
  }

  createStaffAccount(account: NewStaffAccount): Promise<{ accountId: string }> {
    return firstValueFrom(this.http.post<{ accountId: string }>(`${API}/staff-accounts`, account));
  }

  changeRole(accountId: string, role: StaffRoleName): Promise<unknown> {
    return firstValueFrom(this.http.put(`${API}/staff-accounts/${accountId}/role`, { role }));
  }

  setEnabled(accountId: string, enabled: boolean): Promise<unknown> {
    return firstValueFrom(this.http.post(`${API}/staff-accounts/${accountId}/${enabled ? 'enable' : 'disable'}`, {}));
  }

  setPassword(accountId: string, password: string, passwordConfirmation: string): Promise<unknown> {
    return firstValueFrom(this.http.post(`${API}/staff-accounts/${accountId}/password`, { password, passwordConfirmation }));
  }

  searchFamilies(q: string): Promise<FamilySummaryView[]> {
    return firstValueFrom(this.http.get<FamilySummaryView[]>(`${API}/families`, { params: { q } }));
  }

  erasurePreview(familyId: string): Promise<ErasurePreview> {
    return firstValueFrom(this.http.get<ErasurePreview>(`${API}/admin/families/${familyId}/erasure-preview`));
  }

  erase(familyId: string, familyName: string): Promise<ErasureResult> {
    return firstValueFrom(this.http.post<ErasureResult>(`${API}/admin/erasures`, { familyId, familyName }));
  }

  pastErasures(): Promise<ErasureRecord[]> {
    return firstValueFrom(this.http.get<ErasureRecord[]>(`${API}/admin/erasures`));
  }

  health(): Promise<AdminHealth> {
    return firstValueFrom(this.http.get<AdminHealth>(`${API}/admin/health`));
  }

  startRebuild(projection: string): Promise<RebuildJob> {
    return firstValueFrom(this.http.post<RebuildJob>(`${API}/audit/rebuilds`, { projection }));
  }

  job(id: string): Promise<RebuildJob> {
    return firstValueFrom(this.http.get<RebuildJob>(`${API}/audit/jobs/${id}`));
  }
}
