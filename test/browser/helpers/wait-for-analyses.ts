/**
 * Waits until the server's upkeep has stored the adoption-impact analysis (the Impact page stops saying it is being
 * computed): it runs at start-up, after the server answers, and takes a while on a busy machine.
 */
export const waitForAnalyses = async (baseUrl: string, timeoutMs = 600_000) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const page = await (await fetch(`${baseUrl}/impact`)).text();
    if (!page.includes('impact-pending')) return;
    await new Promise((done) => setTimeout(done, 2000));
  }
  throw new Error(`the adoption-impact analyses were not stored within ${timeoutMs / 1000} s`);
};
