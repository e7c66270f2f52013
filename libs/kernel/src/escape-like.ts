/** A text searched for as typed: LIKE's wildcards in it (`%`, `_`, `\`) are matched literally. */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);
