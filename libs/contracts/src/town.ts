/** The town that runs the portal, as the portal shows it (GET /api/v1/town, public). */
export interface TownProfile {
  /** « Mairie de Saint-Ardoise ». */
  name: string;
  /** The régie that issues the invoices and takes the payments. */
  regie: string;
  address: string;
  phone: string;
  email: string;
  /** Opening hours of the service, in words. */
  hours: string;
  siret: string;
  /** Colours of the town (#rrggbb): `primary` carries white text (contrast ≥ 5:1). */
  colors: { primary: string; accent: string };
  /** The coat of arms or logo, served at this path (SVG or PNG). */
  logoUrl: string;
  /** The RGAA conformity level stated in the footer (« Accessibilité : partiellement conforme »). */
  accessibilityConformity: AccessibilityConformity;
  legalPages: { slug: LegalPageSlug; title: string }[];
}

export type AccessibilityConformity = 'totalement conforme' | 'partiellement conforme' | 'non conforme';

export const LEGAL_PAGE_SLUGS = ['mentions-legales', 'accessibilite', 'donnees-personnelles'] as const;
export type LegalPageSlug = (typeof LEGAL_PAGE_SLUGS)[number];

/** One block of a legal page: a paragraph, a list, or a link (http(s), mailto: or tel:). */
export type LegalBlock = { p: string } | { list: string[] } | { link: string; label: string };

/** GET /api/v1/town/legal/:slug — a legal page of the town, in sections. */
export interface LegalPage {
  slug: LegalPageSlug;
  title: string;
  /** AAAA-MM-JJ. */
  updatedOn: string;
  sections: { heading: string; blocks: LegalBlock[] }[];
}
