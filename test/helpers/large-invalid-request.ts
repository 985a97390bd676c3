/**
 * A request of `bytes` to `bytes + 45` bytes of JSON that breaks the
 * contract everywhere: `base` (a name, a correlation id), then thousands
 * of unknown fields, each of which the validation names. Near the 256 KiB
 * an execution input may hold, its Failed event, carrying it whole with
 * the error message, is over EventBridge's 256 KB entry limit.
 */
export const largeInvalidRequest = (
  bytes: number,
  base: Record<string, unknown> = {},
): Record<string, unknown> => {
  const request: Record<string, unknown> = { ...base };
  let size = JSON.stringify(request).length;
  for (let index = 0; size < bytes; index += 1) {
    const key = `unknownField${index}`;
    const value = 'v'.repeat(24);
    request[key] = value;
    size += key.length + value.length + 6;
  }
  return request;
};
