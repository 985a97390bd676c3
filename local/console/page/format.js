/** Text the console shows for numbers and payloads. Pure. */

/** `850 ms`, `1.06 s`, `2 min 5 s`. @param {number} ms */
export const formatDuration = (ms) => {
  if (!Number.isFinite(ms) || ms < 0) return '';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(2)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
};

/** A JSON text pretty-printed, or as it is when it is not JSON. @param {string | undefined} text */
export const prettyJson = (text) => {
  if (text === undefined) return '';
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
};

/** An epoch-seconds wire timestamp as local time. @param {unknown} seconds */
export const formatTime = (seconds) =>
  typeof seconds === 'number'
    ? new Date(seconds * 1000).toLocaleTimeString()
    : '';
