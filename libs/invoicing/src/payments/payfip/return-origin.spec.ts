import { returnOrigin } from './return-origin.js';

const fallback = 'http://localhost:3000';

describe('the origin PayFIP sends the parent back to', () => {
  it('is PUBLIC_URL whenever it is set, whatever the request says', () => {
    expect(returnOrigin('https://famille.saint-ardoise.fr/', { origin: 'http://localhost:3000' }, fallback)).toBe('https://famille.saint-ardoise.fr');
    expect(returnOrigin('https://famille.saint-ardoise.fr', { origin: 'https://evil.example' }, fallback)).toBe('https://famille.saint-ardoise.fr');
  });

  it('without PUBLIC_URL, is the origin the parent used on this machine, any port', () => {
    expect(returnOrigin(undefined, { origin: 'http://localhost:3000' }, fallback)).toBe('http://localhost:3000');
    expect(returnOrigin(undefined, { origin: 'http://127.0.0.1:41234' }, fallback)).toBe('http://127.0.0.1:41234');
    expect(returnOrigin(undefined, { origin: 'http://localhost:4200' }, fallback)).toBe('http://localhost:4200');
    expect(returnOrigin(undefined, { origin: 'http://[::1]:3000' }, fallback)).toBe('http://[::1]:3000');
    expect(returnOrigin(undefined, { host: 'localhost:3000', protocol: 'http' }, fallback)).toBe('http://localhost:3000');
  });

  it('never trusts another host from the request: the default address instead', () => {
    expect(returnOrigin(undefined, { origin: 'https://evil.example' }, fallback)).toBe(fallback);
    expect(returnOrigin(undefined, { host: 'evil.example', protocol: 'http' }, fallback)).toBe(fallback);
    expect(returnOrigin(undefined, { host: 'localhost.evil.example', protocol: 'http' }, fallback)).toBe(fallback);
    expect(returnOrigin(undefined, { host: 'localhost:3000@evil.example', protocol: 'http' }, fallback)).toBe(fallback);
    expect(returnOrigin(undefined, { host: 'localhost/evil', protocol: 'http' }, fallback)).toBe(fallback);
    expect(returnOrigin(undefined, { origin: 'null', host: 'evil.example' }, fallback)).toBe(fallback);
    expect(returnOrigin(undefined, { origin: 'javascript:alert(1)' }, fallback)).toBe(fallback);
    expect(returnOrigin(undefined, {}, fallback)).toBe(fallback);
  });
});
