/**
 * Runs `task` now and then every `intervalMs`, never two runs at once (a slow run makes the next tick wait, not
 * pile up). The timer does not keep the process alive. Returns a function that stops it and waits for a run under
 * way, so the caller can close what the task uses.
 */
export const runEvery = (intervalMs: number, task: () => Promise<void>) => {
  let running: Promise<void> | null = null;
  const tick = () => {
    running ??= task().finally(() => {
      running = null;
    });
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
};
