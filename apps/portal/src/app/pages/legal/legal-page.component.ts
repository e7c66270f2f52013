import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { LegalBlock, LegalPage, LegalPageSlug } from '@ardoise/contracts';
import { API } from '../../core/api';
import { MESSAGES } from '../../i18n/messages';

/**
 * A legal page of the town (mentions légales, déclaration d'accessibilité, données
 * personnelles), as the town configured it (GET /api/v1/town/legal/:slug): sections of
 * paragraphs, lists and links. The slug comes from the route's data.
 */
@Component({
  selector: 'ard-legal-page',
  imports: [RouterLink],
  templateUrl: './legal-page.component.html',
  styles: `
    .updated {
      color: var(--ard-muted);
    }
    .legal section {
      max-width: 48rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LegalPageComponent {
  protected readonly t = inject(MESSAGES);
  readonly slug = input.required<LegalPageSlug>();
  readonly heading = input.required<string>();
  protected readonly page = httpResource<LegalPage>(() => `${API}/town/legal/${this.slug()}`);

  protected kind(block: LegalBlock): 'p' | 'list' | 'internal' | 'external' {
    if ('p' in block) return 'p';
    if ('list' in block) return 'list';
    return block.link.startsWith('/') ? 'internal' : 'external';
  }

  protected text(block: LegalBlock): string {
    return 'p' in block ? block.p : '';
  }

  protected items(block: LegalBlock): string[] {
    return 'list' in block ? block.list : [];
  }

  protected link(block: LegalBlock): { href: string; label: string; web: boolean } {
    return 'link' in block ? { href: block.link, label: block.label, web: /^https?:/.test(block.link) } : { href: '', label: '', web: false };
  }
}
