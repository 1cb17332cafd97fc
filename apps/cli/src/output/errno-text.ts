/** The system error code of a failed file operation (`ENOSPC`), if it has one. */
export function errnoCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * What went wrong, for people: `no space left on device (ENOSPC)`. Node's
 * messages read `ENOSPC: no space left on device, write`; the description
 * is kept, the operation dropped.
 */
export function errnoText(error: unknown): string {
  const code = errnoCode(error);
  const message = error instanceof Error ? error.message : String(error);
  const description = /^[A-Z0-9_]+: ([^,]+)/.exec(message)?.[1] ?? message;
  return code && !description.includes(code) ? `${description} (${code})` : description;
}
