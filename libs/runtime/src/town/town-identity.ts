import type { AppConfig } from '../app-config.js';

/** Who the families deal with: the town's name, régie, contacts and legal identifiers (TOWN_* settings). */
export interface TownIdentity {
  name: string;
  regie: string;
  address: string;
  phone: string;
  email: string;
  hours: string;
  siret: string;
  accountant: string;
  court: string;
  dpoEmail: string;
  colors: { primary: string; accent: string };
}

export function townIdentityOf(config: AppConfig): TownIdentity {
  return {
    name: config.TOWN_NAME,
    regie: config.TOWN_REGIE,
    address: config.TOWN_ADDRESS,
    phone: config.TOWN_PHONE,
    email: config.TOWN_EMAIL,
    hours: config.TOWN_HOURS,
    siret: formatSiret(config.TOWN_SIRET),
    accountant: config.TOWN_ACCOUNTANT,
    court: config.TOWN_COURT,
    dpoEmail: config.TOWN_DPO_EMAIL,
    colors: { primary: config.TOWN_COLOR.toLowerCase(), accent: config.TOWN_ACCENT_COLOR.toLowerCase() },
  };
}

/** « 214 109 999 00018 »: SIREN by threes, then the establishment's five digits. */
export function formatSiret(siret: string): string {
  const d = siret.replace(/\s/g, '');
  return `${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6, 9)} ${d.slice(9)}`;
}

/** « Mairie de Saint-Ardoise » → « la mairie de Saint-Ardoise », inside a sentence; another name as it is. */
export function townInSentence(name: string): string {
  return /^(Mairie|Commune|Ville)\b/.test(name) ? `la ${name[0]!.toLowerCase()}${name.slice(1)}` : name;
}

/** The same at the start of a sentence: « La mairie de Saint-Ardoise ». */
export const townAtSentenceStart = (name: string) => {
  const words = townInSentence(name);
  return words[0]!.toUpperCase() + words.slice(1);
};
