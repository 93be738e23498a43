/** Shortens text to at most `max` characters, ending in an ellipsis when it had to cut. */
export const clip = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
