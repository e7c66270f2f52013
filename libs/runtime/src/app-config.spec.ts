import { ConfigurationError, loadConfig } from './app-config.js';

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
