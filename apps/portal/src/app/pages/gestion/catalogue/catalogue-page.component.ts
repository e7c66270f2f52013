import { ChangeDetectionStrategy, Component, ElementRef, afterNextRender, computed, effect, inject, Injector, signal, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSort, MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import type { ServiceView } from '@ardoise/contracts';
import { toApiError } from '../../../core/api-error';
import { BO_MESSAGES } from '../../../i18n/back-office/back-office-messages';
import { MESSAGES } from '../../../i18n/messages';
import { fullDate } from '../../../shared/formats';
import { staffTableData } from '../../../back-office/table/table-data';
import { euros } from '../../../shared/formats';
import { CalendarPanelComponent } from './calendar-panel.component';
import { CapacityPanelComponent } from './capacity-panel.component';
import { CatalogueService, type ServiceDetails, type TariffView, type TownCalendarView } from './catalogue.service';
import { RulesEditorComponent } from './rules-editor.component';

/** /gestion/catalogue: the prestations, the one chosen (capacity, règlement, tariffs), the town's calendar. */
@Component({
  selector: 'ard-catalogue-page',
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSortModule,
    MatTableModule,
    CalendarPanelComponent,
    CapacityPanelComponent,
    RulesEditorComponent,
  ],
  templateUrl: './catalogue-page.component.html',
  styles: `
    .services {
      max-width: 72rem;
    }
    .selected {
      margin-top: 1.5rem;
      border-top: 1px solid #c4c7c5;
      padding-top: 1rem;
    }
    .rules-missing {
      font-weight: 600;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CataloguePageComponent {
  protected readonly t = inject(BO_MESSAGES);
  private readonly common = inject(MESSAGES);
  private readonly catalogue = inject(CatalogueService);
  protected readonly euros = euros;
  protected readonly fullDate = fullDate;

  protected readonly columns = ['code', 'label', 'weekdays', 'capacity', 'rules', 'actions'];
  protected readonly rows = staffTableData<ServiceDetails>(
    (r) => `${r.code} ${r.label}`,
    (r, column) => (column === 'capacity' ? (r.dailyCapacity ?? Number.MAX_SAFE_INTEGER) : column === 'label' ? r.label : r.code),
  );
  private readonly sort = viewChild(MatSort);
  private readonly selectedHeading = viewChild<ElementRef<HTMLElement>>('selectedHeading');
  private readonly injector = inject(Injector);
  protected readonly selected = signal<ServiceDetails | null>(null);
  protected readonly calendar = signal<TownCalendarView | null>(null);
  protected readonly tariffs = signal<TariffView[]>([]);
  protected readonly error = signal<string | null>(null);
  protected readonly selectedTariffs = computed(() =>
    this.tariffs()
      .filter((tariff) => tariff.serviceCode === this.selected()?.code)
      .sort((a, b) => b.version - a.version),
  );

  constructor() {
    effect(() => (this.rows.sort = this.sort() ?? null));
    void this.load();
  }

  protected weekdays(service: ServiceView): string {
    return service.weekdays.map((d) => this.t.catalogue.weekdays[d - 1]).join(' ');
  }

  protected filter(value: string): void {
    this.rows.filter = value.trim();
  }

  /** Opens a prestation below the list, and takes the keyboard there. */
  protected async choose(code: string, focus = true): Promise<void> {
    try {
      this.selected.set(await this.catalogue.service(code));
      if (focus) afterNextRender(() => this.selectedHeading()?.nativeElement.focus(), { injector: this.injector });
    } catch (error) {
      this.error.set(toApiError(error, this.common).title);
    }
  }

  protected async reload(): Promise<void> {
    await this.load();
    const code = this.selected()?.code;
    if (code) await this.choose(code, false);
  }

  protected async reloadCalendar(): Promise<void> {
    this.calendar.set(await this.catalogue.calendar());
  }

  private async load(): Promise<void> {
    try {
      const [services, calendar, tariffs] = await Promise.all([this.catalogue.services(), this.catalogue.calendar(), this.catalogue.tariffs()]);
      this.rows.data = await Promise.all(services.map((s) => this.catalogue.service(s.code)));
      this.calendar.set(calendar);
      this.tariffs.set(tariffs);
    } catch (error) {
      this.error.set(toApiError(error, this.common).title);
    }
  }
}
