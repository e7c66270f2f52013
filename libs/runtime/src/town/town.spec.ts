import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError, loadConfig } from '../app-config.js';
import { Town } from './town.js';

const dir = mkdtempSync(join(tmpdir(), 'ardoise-town-'));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe('the town that runs the portal', () => {
  it('has Saint-Ardoise’s identity, coat of arms and three legal pages by default', () => {
    const town = Town.load(loadConfig({}));
    const profile = town.profile();
    expect(profile).toMatchObject({
      name: 'Mairie de Saint-Ardoise',
      siret: '214 109 999 00018',
      logoUrl: '/api/v1/town/logo',
      accessibilityConformity: 'partiellement conforme',
    });
    expect(profile.legalPages.map((p) => p.slug)).toEqual(['mentions-legales', 'accessibilite', 'donnees-personnelles']);
    expect(town.logo.contentType).toBe('image/svg+xml');
    const rgaa = JSON.stringify(town.legalPage('accessibilite'));
    for (const words of ['partiellement conforme', 'RGAA', 'axe-core', 'Défenseur des droits', 'periscolaire@saint-ardoise.fr']) expect(rgaa).toContain(words);
    const privacy = JSON.stringify(town.legalPage('donnees-personnelles'));
    for (const words of ['Responsable du traitement', 'Base légale', 'Durées de conservation', 'Destinataires', 'dpo@saint-ardoise.fr', 'CNIL'])
      expect(privacy).toContain(words);
  });

  it('takes the town’s own pages from TOWN_LEGAL_FILE and names every problem in it', () => {
    const good = file(
      'legal.json',
      JSON.stringify({
        accessibilityConformity: 'non conforme',
        pages: {
          'mentions-legales': {
            title: 'Mentions légales de Bourg',
            updatedOn: '2026-10-01',
            sections: [{ heading: 'Hébergeur', blocks: [{ p: 'OVH, Roubaix' }, { link: 'tel:+33972101007', label: '09 72 10 10 07' }] }],
          },
        },
      }),
    );
    const town = Town.load(loadConfig({ TOWN_LEGAL_FILE: good }));
    expect(town.legalPage('mentions-legales').title).toBe('Mentions légales de Bourg');
    expect(town.legalPage('accessibilite').title).toBe('Déclaration d’accessibilité');
    expect(town.profile().accessibilityConformity).toBe('non conforme');

    const bad = file(
      'bad.json',
      JSON.stringify({
        pages: {
          cgu: {},
          accessibilite: { title: 'A', updatedOn: 'hier', sections: [{ heading: 'B', blocks: [{ link: 'javascript:alert(1)', label: 'x' }] }] },
        },
      }),
    );
    expect(() => Town.load(loadConfig({ TOWN_LEGAL_FILE: bad }))).toThrow(ConfigurationError);
    try {
      Town.load(loadConfig({ TOWN_LEGAL_FILE: bad }));
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('page inconnue « cgu »');
      expect(message).toContain('pages.accessibilite.updatedOn');
      expect(message).toContain('un lien commence par https://');
    }
  });

  it('takes a PNG or a clean SVG as coat of arms and refuses a script in it', () => {
    const png = file('logo.png', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(16)]));
    expect(Town.load(loadConfig({ TOWN_LOGO_FILE: png })).logo.contentType).toBe('image/png');
    const svg = file('evil.svg', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1" height="1"/></svg>');
    expect(() => Town.load(loadConfig({ TOWN_LOGO_FILE: svg }))).toThrow(/ni script/);
    expect(() => Town.load(loadConfig({ TOWN_LOGO_FILE: join(dir, 'missing.svg') }))).toThrow(/TOWN_LOGO_FILE/);
  });
});
