/** A small seeded generator, so tests that count outcomes over many draws are repeatable. */
export const seeded = (seed: number) => () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};
