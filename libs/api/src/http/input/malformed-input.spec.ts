import { firstMalformedField, isMalformedText, jsonDepthExceeds } from './malformed-input.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('what the API refuses before validation', () => {
  it('counts nesting, not brackets inside strings or after escaped quotes', () => {
    expect(jsonDepthExceeds(bytes('[[[1]]]'), 3)).toBe(false);
    expect(jsonDepthExceeds(bytes('[[[[1]]]]'), 3)).toBe(true);
    expect(jsonDepthExceeds(bytes('{"a":"[[[[[[","b":{"c":"\\"{{{{{"}}'), 2)).toBe(false);
    expect(jsonDepthExceeds(bytes('[1],[2],[3],[4]'), 1)).toBe(false);
  });

  it('finds a NUL or half a surrogate pair in keys and values, and lets emoji and accents through', () => {
    expect(isMalformedText('Léa 😀')).toBe(false);
    expect(isMalformedText('a\u0000b')).toBe(true);
    expect(isMalformedText('\ud800')).toBe(true);
    expect(isMalformedText('x\udc00')).toBe(true);
    expect(firstMalformedField({ children: [{ firstName: 'Léa' }, { firstName: 'Hu\ud83dgo' }] })).toBe('children.1.firstName');
    expect(firstMalformedField({ ['e\u0000']: 1 })).toBe('e\u0000');
    expect(firstMalformedField({ a: [1, null, true, { b: 'ok' }] })).toBeUndefined();
    expect(firstMalformedField(undefined)).toBeUndefined();
  });
});
