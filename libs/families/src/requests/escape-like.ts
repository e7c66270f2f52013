/** A text searched for as typed: LIKE's wildcards in it are matched literally. */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
