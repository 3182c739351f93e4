const COUNT = new Intl.NumberFormat('en-US');

/** "1,204": a count as people read it, the same in pages, the CLI and API texts. */
export const formatNumberOf = (count: number) => COUNT.format(count);

/** "1,204 deployments", "1 change": a count with its noun, singular when it is one. */
export const formatCount = (count: number, singular: string, plural = `${singular}s`) =>
  `${formatNumberOf(count)} ${count === 1 ? singular : plural}`;
