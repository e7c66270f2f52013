import { frenchCsv } from './french-csv.js';

describe('finance CSV exports', () => {
  it('writes UTF-8 with a BOM, semicolons, decimal commas and French dates, and quotes what needs it', () => {
    const csv = frenchCsv(
      [
        { header: 'Numéro', value: (r: { n: string }) => r.n },
        { header: 'Montant (€)', value: () => ({ cents: 123456 }) },
        { header: 'Échéance', value: () => ({ date: '2026-04-30' }) },
        { header: 'Motif', value: () => 'Erreur; à corriger' },
      ],
      [{ n: '2026-000001' }],
    );
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe('Numéro;Montant (€);Échéance;Motif\r\n2026-000001;1 234,56;30/04/2026;"Erreur; à corriger"\r\n');
  });
});
