import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { API } from '../../core/api';
import { BO_MESSAGES } from '../../i18n/back-office/back-office-messages';
import { AreaHomeComponent } from '../../back-office/shell/area-home.component';

/** The finance area's home until its screens come: the exports that already exist. */
@Component({
  selector: 'ard-finances-home',
  imports: [AreaHomeComponent],
  template: `
    <ard-area-home>
      <p>{{ t.placeholders.finances }}</p>
      <ul>
        <li><a [href]="api + '/finance/invoices?format=csv'" download>{{ t.placeholders.invoicesCsv }}</a></li>
        <li><a [href]="api + '/finance/outstanding?format=csv'" download>{{ t.placeholders.outstandingCsv }}</a></li>
        <li><a [href]="api + '/finance/payments?format=csv'" download>{{ t.placeholders.paymentsCsv }}</a></li>
        <li><a [href]="api + '/finance/reconciliation'" target="_blank" rel="noopener">{{ t.placeholders.reconciliation }}</a></li>
      </ul>
    </ard-area-home>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FinancesHomeComponent {
  protected readonly t = inject(BO_MESSAGES);
  protected readonly api = API;
}
