/**
 * Runs `task` now and again `intervalMs` after each run ends (never two at
 * once) until `signal` aborts. A failed run is reported to `onError` and
 * the next one still comes.
 * @param {number} intervalMs
 * @param {(signal: AbortSignal) => Promise<void>} task
 * @param {AbortSignal} signal
 * @param {(error: unknown) => void} onError
 */
export const every = async (intervalMs, task, signal, onError) => {
  while (!signal.aborted) {
    try {
      await task(signal);
    } catch (error) {
      if (signal.aborted) return;
      onError(error);
    }
    await new Promise((resolve) => {
      const timer = setTimeout(resolve, intervalMs);
      signal.addEventListener(
        'abort',
        () => {
          clearTimeout(timer);
          resolve(undefined);
        },
        { once: true },
      );
    });
  }
};
