import { townInSentence, type TownIdentity } from '#ardoise/runtime';

/** The town that signs the e-mails, and whom families call or write to. */
export type MailTown = Pick<TownIdentity, 'name' | 'address' | 'phone' | 'email' | 'hours'>;

/** What every template needs besides its own data. */
export interface RenderContext {
  /** Address of the portal as families reach it (AppConfig.publicUrl), no trailing slash. */
  publicUrl: string;
  town: MailTown;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** One block of an e-mail: a paragraph, a button-like link, or a list. */
export type Block = { p: string } | { link: string; label: string } | { list: string[] };

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** « Appelez le service périscolaire au … (horaires) ou écrivez à … » — who to turn to. */
export function whoToCall(town: MailTown): string {
  return `appelez le service périscolaire au ${town.phone} (${town.hours}) ou écrivez à ${town.email}`;
}

/**
 * The same message as plain text and as simple, accessible HTML (lang="fr", no images, no
 * script), signed by the town with its contacts and opening hours.
 */
export function composeMail(subject: string, greeting: string, blocks: Block[], context: RenderContext): RenderedMail {
  const { town } = context;
  const signatureLines = [`Le service périscolaire — ${town.name}`, `Tél. ${town.phone} (${town.hours}) · ${town.email}`, town.address];
  const signature = signatureLines.join('\n');
  const footer = `Ce message vous est envoyé automatiquement par l’espace famille de ${townInSentence(town.name)}. Merci de ne pas y répondre : pour nous écrire, utilisez « Mes demandes » ou ${town.email}.`;
  const textBlocks = blocks.map((block) =>
    'p' in block ? block.p : 'link' in block ? `${block.label} : ${block.link}` : block.list.map((line) => `- ${line}`).join('\n'),
  );
  const text = [greeting, ...textBlocks, signature, '--', footer].join('\n\n') + '\n';
  const htmlBlocks = blocks.map((block) =>
    'p' in block
      ? `<p>${escapeHtml(block.p)}</p>`
      : 'link' in block
        ? `<p><a href="${escapeHtml(block.link)}">${escapeHtml(block.label)}</a></p>`
        : `<ul>${block.list.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`,
  );
  const html = [
    '<!DOCTYPE html>',
    `<html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family: Arial, sans-serif; line-height: 1.5; color: #1b1b1b;">',
    `<p>${escapeHtml(greeting)}</p>`,
    ...htmlBlocks,
    `<p>${signatureLines.map(escapeHtml).join('<br>')}</p>`,
    `<hr><p style="font-size: 0.875em; color: #555;">${escapeHtml(footer)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}

/** Reads a required text value of the template's data (a missing one is a programming error). */
export function textOf(data: Record<string, unknown>, key: string): string {
  const value = data[key];
  if (typeof value === 'string' && value.trim() !== '') return value;
  if (typeof value === 'number') return String(value);
  throw new Error(`mail template data: missing "${key}"`);
}

export function optionalTextOf(data: Record<string, unknown>, key: string): string | undefined {
  const value = data[key];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/**
 * A link of the e-mail: `link` (absolute, from callers that know it, e.g. a one-time token URL)
 * or `path` (relative to the portal, from the notifications projector). Only http(s).
 */
export function linkOf(data: Record<string, unknown>, context: RenderContext): string {
  const link = optionalTextOf(data, 'link') ?? `${context.publicUrl}${textOf(data, 'path')}`;
  if (!/^https?:\/\//.test(link)) throw new Error('mail template data: a link must be http(s)');
  return link;
}

const dateFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'long', timeStyle: 'short' });
const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });

/** "lundi 7 septembre 2026" (an ISO date or instant). */
export function frenchDate(value: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  if (Number.isNaN(date.getTime())) throw new Error('mail template data: bad date');
  return dateFormat.format(date);
}

export function frenchDateTime(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new Error('mail template data: bad instant');
  return dateTimeFormat.format(date);
}

/** Amounts are integers in cents everywhere in Ardoise. */
export function frenchAmount(cents: unknown): string {
  if (typeof cents !== 'number' || !Number.isInteger(cents)) throw new Error('mail template data: amount in cents expected');
  return euros.format(cents / 100);
}
