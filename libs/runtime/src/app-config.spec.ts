import { ConfigurationError, configurationVariables, loadConfig } from './app-config.js';

describe('configuration', () => {
  it('runs on the embedded database with the demo town when nothing is configured', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.embedded).toBe(true);
    expect(config.seedDemo).toBe(true);
    expect(config.ARDOISE_ROLE).toBe('all');
  });

  it('uses an existing PostgreSQL without seeding when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/ardoise', PORT: '8080' });
    expect(config.embedded).toBe(false);
    expect(config.seedDemo).toBe(false);
    expect(config.PORT).toBe(8080);
  });

  it('reads every variable the configuration declares, none forgotten (a town that accepts CESU says so)', () => {
    expect(loadConfig({ TOWN_ACCEPTS_CESU: 'true' }).TOWN_ACCEPTS_CESU).toBe(true);
    expect(loadConfig({ TOWN_ACCEPTS_CESU: 'false' }).TOWN_ACCEPTS_CESU).toBe(false);
    const declared = Object.keys(loadConfig({})).concat(['DATABASE_URL', 'EVENTSTORE_CONNECTION_STRING', 'PUBLIC_URL', 'SMTP_URL', 'MAIL_FROM']);
    for (const name of declared.filter((key) => /^[A-Z][A-Z0-9_]+$/.test(key))) expect(configurationVariables()).toContain(name);
  });

  it('refuses bad values with one French message naming each variable', () => {
    expect(() => loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', ARDOISE_ROLE: 'boss' })).toThrow(ConfigurationError);
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', ARDOISE_ROLE: 'boss' });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('Configuration invalide');
      expect(message).toContain('PORT');
      expect(message).toContain('DATABASE_URL doit commencer par postgres://');
      expect(message).toContain('ARDOISE_ROLE');
    }
  });

  it('says in French which bound a number is past', () => {
    expect(() => loadConfig({ PORT: '99999', DATABASE_POOL_SIZE: '1' })).toThrow(/PORT vaut au plus 65535[\s\S]*DATABASE_POOL_SIZE vaut au moins 2/);
    expect(loadConfig({ DATABASE_POOL_SIZE: '48' }).DATABASE_POOL_SIZE).toBe(48);
  });

  it('trusts X-Forwarded-For only from the proxies named in TRUST_PROXY', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.5,loopback' }).trustProxy).toEqual(['10.0.0.0/8', '192.168.1.5', 'loopback']);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    for (const bad of ['true', '*', '10.0.0.0/40', 'proxy.example.fr', '10.0.0.1/8/2']) {
      expect(() => loadConfig({ TRUST_PROXY: bad })).toThrow(/TRUST_PROXY/);
    }
  });

  it('makes session cookies Secure when the portal is reached over https', () => {
    expect(loadConfig({}).secureCookies).toBe(false);
    expect(loadConfig({ PUBLIC_URL: 'https://famille.saint-ardoise.fr' }).secureCookies).toBe(true);
  });
});

describe('the town, from configuration', () => {
  it('is Saint-Ardoise by default, signing the e-mails as the town', () => {
    const config = loadConfig({});
    expect(config.TOWN_NAME).toBe('Mairie de Saint-Ardoise');
    expect(config.mailFrom).toBe('"Mairie de Saint-Ardoise" <ne-pas-repondre@ardoise.localhost>');
    expect(loadConfig({ MAIL_FROM: 'Ville <noreply@ville.fr>' }).mailFrom).toBe('Ville <noreply@ville.fr>');
  });

  it('refuses a bad SIRET, a colour white text cannot be read on, and a bad e-mail, naming each', () => {
    try {
      loadConfig({ TOWN_SIRET: '21410999900019', TOWN_COLOR: '#ffdd00', TOWN_EMAIL: 'mairie', TOWN_ACCENT_COLOR: 'red' });
      throw new Error('accepted');
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('TOWN_SIRET doit être un SIRET de 14 chiffres valide');
      expect(message).toContain('TOWN_COLOR doit être une couleur #rrggbb assez foncée');
      expect(message).toContain('TOWN_EMAIL doit être une adresse e-mail');
      expect(message).toContain('TOWN_ACCENT_COLOR');
    }
    expect(loadConfig({ TOWN_SIRET: '214 109 999 00018', TOWN_COLOR: '#0b6e4f' }).TOWN_COLOR).toBe('#0b6e4f');
  });
});
