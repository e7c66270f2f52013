import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSort, MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import type { StaffAccountSummary, StaffRoleName } from '@ardoise/contracts';
import { toApiError } from '../../../core/api-error';
import { SessionService } from '../../../core/session.service';
import { BackOfficeContext } from '../../../back-office/shell/back-office-context';
import { shortInstant } from '../../../shared/formats';
import { staffTableData } from '../../../back-office/table/table-data';
import { BO_MESSAGES } from '../../../i18n/back-office/back-office-messages';
import { MESSAGES } from '../../../i18n/messages';
import { AdminService } from '../admin.service';
import { CreateStaffAccountFormComponent } from './create-staff-account-form.component';
import { NewPasswordFormComponent } from './new-password-form.component';

/** /admin/comptes: the staff logins; change a role, disable or enable, give a new password, create one. */
@Component({
  selector: 'ard-staff-accounts-page',
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSortModule,
    MatTableModule,
    CreateStaffAccountFormComponent,
    NewPasswordFormComponent,
  ],
  templateUrl: './staff-accounts-page.component.html',
  styles: `
    .role-cell {
      display: flex;
      gap: 0.25rem;
      align-items: center;
    }
    .role-cell select {
      min-width: 13rem;
    }
    .filter-field {
      width: min(100%, 24rem);
    }
    .actions {
      display: flex;
      gap: 0.25rem;
      flex-wrap: wrap;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StaffAccountsPageComponent {
  protected readonly t = inject(BO_MESSAGES);
  protected readonly a = this.t.admin.accounts;
  private readonly common = inject(MESSAGES);
  private readonly admin = inject(AdminService);
  protected readonly context = inject(BackOfficeContext);
  private readonly session = inject(SessionService);
  protected readonly shortInstant = shortInstant;
  protected readonly roleValues: StaffRoleName[] = ['agent', 'finance', 'auditor', 'admin'];
  protected readonly columns = ['displayName', 'email', 'role', 'status', 'createdAt', 'actions'];

  protected readonly rows = staffTableData<StaffAccountSummary>(
    (r) => `${r.displayName} ${r.email} ${this.a.roleNames[r.role]}`,
    (r, column) => (column === 'role' ? this.a.roleNames[r.role] : column === 'status' ? r.status : (r[column as keyof StaffAccountSummary] ?? '')),
  );
  private readonly sort = viewChild(MatSort);
  /** The role picked in each row's select, before « Changer ». */
  protected readonly picked = signal<Record<string, StaffRoleName>>({});
  protected readonly passwordFor = signal<StaffAccountSummary | null>(null);
  protected readonly message = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly me = computed(() => this.session.me()?.accountId ?? null);
  protected filter = '';

  constructor() {
    effect(() => (this.rows.sort = this.sort() ?? null));
    void this.load();
  }

  protected applyFilter(): void {
    this.rows.filter = this.filter.trim();
  }

  /** Reloads the list; leaves the last message on screen. */
  protected async load(): Promise<void> {
    try {
      const accounts = await this.admin.staffAccounts();
      this.rows.data = accounts;
      this.picked.set(Object.fromEntries(accounts.map((x) => [x.accountId, x.role])));
    } catch (error) {
      this.error.set(toApiError(error, this.common).title);
    }
  }

  protected pick(accountId: string, role: StaffRoleName): void {
    this.picked.update((p) => ({ ...p, [accountId]: role }));
  }

  protected async changeRole(account: StaffAccountSummary): Promise<void> {
    const role = this.picked()[account.accountId] ?? account.role;
    await this.attempt(async () => {
      await this.admin.changeRole(account.accountId, role);
      this.message.set(this.a.done.role(account.displayName, this.a.roleNames[role]));
      await this.load();
    });
  }

  protected async setEnabled(account: StaffAccountSummary, enabled: boolean): Promise<void> {
    await this.attempt(async () => {
      await this.admin.setEnabled(account.accountId, enabled);
      this.message.set(enabled ? this.a.done.enabled(account.displayName) : this.a.done.disabled(account.displayName));
      await this.load();
    });
  }

  protected async created(email: string): Promise<void> {
    this.error.set(null);
    this.message.set(this.a.done.created(email));
    await this.load();
  }

  protected passwordSet(account: StaffAccountSummary): void {
    this.passwordFor.set(null);
    this.error.set(null);
    this.message.set(this.a.done.password(account.displayName));
  }

  private async attempt(action: () => Promise<void>): Promise<void> {
    this.error.set(null);
    this.message.set(null);
    try {
      await action();
    } catch (error) {
      this.error.set(toApiError(error, this.common).title);
    }
  }
}
