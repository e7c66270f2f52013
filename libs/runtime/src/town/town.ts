import { readFileSync } from 'node:fs';
import { LEGAL_PAGE_SLUGS, type AccessibilityConformity, type LegalPage, type LegalPageSlug, type TownProfile } from '#ardoise/contracts';
import { ConfigurationError, type AppConfig } from '../app-config.js';
import { DEMO_COAT_OF_ARMS_SVG } from './demo-coat-of-arms.js';
import { demoLegalPages } from './demo-legal-pages.js';
import { readLegalFile } from './legal-file.js';
import { townIdentityOf, type TownIdentity } from './town-identity.js';

export interface TownLogo {
  contentType: 'image/svg+xml' | 'image/png';
  bytes: Buffer;
}

const LOGO_MAX_BYTES = 512 * 1024;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * The town that runs Ardoise: its identity, coat of arms and legal pages, read once at start
 * from the TOWN_* settings (a bad file stops the start with a French message). The portal's
 * header and footer, the e-mails and the invoice PDF all take the town from here.
 */
export class Town {
  private constructor(
    readonly identity: TownIdentity,
    readonly logo: TownLogo,
    private readonly pages: Record<LegalPageSlug, LegalPage>,
    readonly accessibilityConformity: AccessibilityConformity,
  ) {}

  static load(config: AppConfig): Town {
    const identity = townIdentityOf(config);
    const logo = config.TOWN_LOGO_FILE ? readLogo(config.TOWN_LOGO_FILE) : { contentType: 'image/svg+xml' as const, bytes: Buffer.from(DEMO_COAT_OF_ARMS_SVG) };
    const file = config.TOWN_LEGAL_FILE ? readLegalFile(config.TOWN_LEGAL_FILE) : { pages: {} };
    const pages = { ...demoLegalPages(identity, config.publicUrl), ...file.pages };
    return new Town(identity, logo, pages, file.accessibilityConformity ?? 'partiellement conforme');
  }

  legalPage(slug: LegalPageSlug): LegalPage {
    return this.pages[slug];
  }

  profile(): TownProfile {
    const { name, regie, address, phone, email, hours, siret, colors } = this.identity;
    return {
      name,
      regie,
      address,
      phone,
      email,
      hours,
      siret,
      colors,
      logoUrl: '/api/v1/town/logo',
      accessibilityConformity: this.accessibilityConformity,
      legalPages: LEGAL_PAGE_SLUGS.map((slug) => ({ slug, title: this.pages[slug].title })),
    };
  }
}

function readLogo(path: string): TownLogo {
  const fail = (why: string) => new ConfigurationError(`Configuration invalide :\n- TOWN_LOGO_FILE = "${path}" : ${why}`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    throw fail('fichier introuvable ou illisible');
  }
  if (bytes.length > LOGO_MAX_BYTES) throw fail('le fichier dépasse 512 Ko');
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return { contentType: 'image/png', bytes };
  const text = bytes.toString('utf8');
  if (!/<svg[\s>]/.test(text)) throw fail('une image SVG ou PNG est attendue');
  if (/<script|\son[a-z]+\s*=|javascript:/i.test(text)) throw fail('le SVG ne doit contenir ni script ni gestionnaire d’événement');
  return { contentType: 'image/svg+xml', bytes };
}
