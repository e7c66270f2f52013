import { loadConfig, townIdentityOf } from '#ardoise/runtime';
import { MAIL_TEMPLATES, renderMail } from './render-mail.js';

const context = { publicUrl: 'https://famille.saint-ardoise.fr', town: townIdentityOf(loadConfig({})) };

/** Data each template needs, as the contexts that send them will give it. */
const SAMPLE: Record<string, Record<string, unknown>> = {
  activation: { link: 'https://famille.saint-ardoise.fr/activation/abc', expiresAt: '2026-09-10T18:00:00Z' },
  'guardian-invitation': { link: 'https://famille.saint-ardoise.fr/invitation/abc', familyName: 'Martin' },
  'password-reset': { link: 'https://famille.saint-ardoise.fr/mot-de-passe/abc' },
  'email-change': { link: 'https://famille.saint-ardoise.fr/e-mail/abc' },
  'email-change-address-taken': {},
  'staff-activation': { link: 'https://famille.saint-ardoise.fr/agent/abc', name: 'Sophie' },
  'reservation-confirmation': { childName: 'Clara', lines: ['Restauration scolaire — lundi 7 septembre 2026 : validée'], path: '/reservations' },
  'waitlist-promotion': { childName: 'Clara', serviceLabel: 'Centre de loisirs du mercredi', date: '2026-09-09', path: '/reservations' },
  'invoice-available': { invoiceNumber: '2026-000123', period: 'septembre 2026', totalCents: 4250, dueDate: '2026-10-15', path: '/factures' },
  'payment-received': { invoiceNumber: '2026-000123', amountCents: 4250, paidOn: '2026-10-02', means: 'carte bancaire (PayFIP)' },
  'direct-debit-scheduled': { invoiceNumber: '2026-000123', amountCents: 4250, dueOn: '2026-10-15' },
  'request-reply': { subject: 'Attestation CAF', path: '/demandes/42' },
};

describe('French e-mail templates', () => {
  it.each(MAIL_TEMPLATES)('"%s" renders a French subject, a text part and an HTML part', (template) => {
    const mail = renderMail(template, SAMPLE[template]!, context);
    expect(mail.subject.length).toBeGreaterThan(5);
    expect(mail.text).toMatch(/^Bonjour/);
    expect(mail.html).toContain('<html lang="fr">');
    expect(mail.text).toContain('Merci de ne pas y répondre');
    // Signed by the town, with whom to call and when.
    expect(mail.text).toContain('Le service périscolaire — Mairie de Saint-Ardoise');
    expect(mail.text).toContain('Tél. 02 54 00 12 34 (du lundi au vendredi, de 8 h 30 à 12 h et de 13 h 30 à 17 h 30)');
    expect(mail.html).toContain('periscolaire@saint-ardoise.fr');
    expect(mail.text).not.toContain('de votre commune');
  });

  it('the activation e-mail names the town, says whom to call, and reminds to look in the spam folder', () => {
    const town = {
      ...context.town,
      name: 'Mairie de Bourg-Ardent',
      phone: '03 85 11 22 33',
      email: 'enfance@bourg-ardent.fr',
      address: '2 place du Marché, 71000 Bourg-Ardent',
    };
    const mail = renderMail('activation', SAMPLE.activation!, { ...context, town });
    expect(mail.subject).toBe('Créez votre espace famille — Mairie de Bourg-Ardent');
    expect(mail.text).toContain('La mairie de Bourg-Ardent vous invite à créer votre espace famille');
    expect(mail.text).toContain('Appelez le service périscolaire au 03 85 11 22 33');
    expect(mail.text).toContain('enfance@bourg-ardent.fr');
    expect(mail.text).toMatch(/courriers indésirables.*\(spam\)/);
    expect(mail.text).not.toContain('Saint-Ardoise');
  });

  it('shows amounts in euros and dates in French', () => {
    const mail = renderMail('invoice-available', SAMPLE['invoice-available']!, context);
    expect(mail.text).toMatch(/42,50\s€/);
    expect(mail.text).toContain('15 octobre 2026');
    expect(mail.text).toContain('https://famille.saint-ardoise.fr/factures');
  });

  it('escapes what a person typed in the HTML part (no markup injection)', () => {
    const mail = renderMail('request-reply', { subject: '<script>alert(1)</script> & "CAF"', path: '/demandes/1' }, context);
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;CAF&quot;');
    expect(mail.text).toContain('<script>alert(1)</script>');
  });

  it('refuses a link that is not http(s) and a missing value', () => {
    expect(() => renderMail('password-reset', { link: 'javascript:alert(1)' }, context)).toThrow(/http/);
    expect(() => renderMail('waitlist-promotion', { childName: 'Clara', path: '/r' }, context)).toThrow(/serviceLabel/);
  });
});
