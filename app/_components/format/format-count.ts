/** "1,204 deployments", "1 change": a count with its noun, singular when it is one. */
export const formatCount = (count: number, singular: string, plural = `${singular}s`) => `${count.toLocaleString('en-US')} ${count === 1 ? singular : plural}`;
