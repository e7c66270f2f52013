import { readFileSync } from 'node:fs';
import { LEGAL_PAGE_SLUGS, type AccessibilityConformity, type LegalBlock, type LegalPage, type LegalPageSlug } from '#ardoise/contracts';
import { ConfigurationError } from '../app-config.js';

const CONFORMITY: AccessibilityConformity[] = ['totalement conforme', 'partiellement conforme', 'non conforme'];

/** What TOWN_LEGAL_FILE may hold: any of the three pages, and the stated RGAA conformity. */
export interface LegalFile {
  accessibilityConformity?: AccessibilityConformity;
  pages: Partial<Record<LegalPageSlug, LegalPage>>;
}

/** Reads and checks the town's legal pages file; every problem is named, in French, and stops the start. */
export function readLegalFile(path: string): LegalFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigurationError(`Configuration invalide :\n- TOWN_LEGAL_FILE = "${path}" : fichier JSON illisible (${(error as Error).message})`);
  }
  const problems: string[] = [];
  const file = parseLegalFile(raw, problems);
  if (problems.length) throw new ConfigurationError(`Configuration invalide :\n${problems.map((p) => `- TOWN_LEGAL_FILE : ${p}`).join('\n')}`);
  return file;
}

export function parseLegalFile(raw: unknown, problems: string[]): LegalFile {
  const file: LegalFile = { pages: {} };
  if (!isObject(raw)) {
    problems.push('le fichier doit contenir un objet JSON');
    return file;
  }
  if (raw.accessibilityConformity !== undefined) {
    if (CONFORMITY.includes(raw.accessibilityConformity as AccessibilityConformity))
      file.accessibilityConformity = raw.accessibilityConformity as AccessibilityConformity;
    else problems.push(`accessibilityConformity vaut ${CONFORMITY.join(', ')}`);
  }
  const pages = isObject(raw.pages) ? raw.pages : {};
  for (const [slug, page] of Object.entries(pages)) {
    if (!LEGAL_PAGE_SLUGS.includes(slug as LegalPageSlug)) {
      problems.push(`page inconnue « ${slug} » (pages possibles : ${LEGAL_PAGE_SLUGS.join(', ')})`);
      continue;
    }
    const parsed = parsePage(slug as LegalPageSlug, page, problems);
    if (parsed) file.pages[slug as LegalPageSlug] = parsed;
  }
  return file;
}

function parsePage(slug: LegalPageSlug, page: unknown, problems: string[]): LegalPage | undefined {
  const where = `pages.${slug}`;
  if (!isObject(page) || !isText(page.title) || !Array.isArray(page.sections) || page.sections.length === 0) {
    problems.push(`${where} : title (texte) et sections (liste non vide) sont obligatoires`);
    return undefined;
  }
  if (typeof page.updatedOn !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(page.updatedOn)) problems.push(`${where}.updatedOn : date AAAA-MM-JJ attendue`);
  const sections = page.sections.map((section: unknown, i: number) => {
    if (!isObject(section) || !isText(section.heading) || !Array.isArray(section.blocks)) {
      problems.push(`${where}.sections[${i}] : heading (texte) et blocks (liste) sont obligatoires`);
      return { heading: '', blocks: [] };
    }
    return {
      heading: section.heading,
      blocks: section.blocks.map((block: unknown, j: number) => parseBlock(block, `${where}.sections[${i}].blocks[${j}]`, problems)),
    };
  });
  return { slug, title: page.title, updatedOn: String(page.updatedOn), sections };
}

function parseBlock(block: unknown, where: string, problems: string[]): LegalBlock {
  if (isObject(block) && isText(block.p)) return { p: block.p };
  if (isObject(block) && Array.isArray(block.list) && block.list.every(isText)) return { list: block.list };
  if (isObject(block) && isText(block.link) && isText(block.label)) {
    if (/^(https?:\/\/|mailto:|tel:|\/)/.test(block.link)) return { link: block.link, label: block.label };
    problems.push(`${where} : un lien commence par https://, mailto:, tel: ou /`);
    return { p: block.label };
  }
  problems.push(`${where} : un bloc est { "p": texte }, { "list": [textes] } ou { "link": adresse, "label": texte }`);
  return { p: '' };
}

const isObject = (value: unknown): value is Record<string, any> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';
