const UNITS: Readonly<Record<string, number>> = {
  s: 1,
  m: 60,
  h: 3600,
  d: 86_400,
  w: 7 * 86_400,
  y: 365.25 * 86_400,
};

/**
 * Seconds in a duration such as `24h`, `15m`, `1h30m`, `7d`, `2w` or `1y` (Go's units plus d, w, y); undefined
 * when the text is not one.
 */
export function parseDuration(text: string): number | undefined {
  if (!/^(\d+(\.\d+)?[smhdwy])+$/.test(text)) return undefined;
  let total = 0;
  for (const [, amount, unit] of text.matchAll(/(\d+(?:\.\d+)?)([smhdwy])/g))
    total += Number(amount) * (UNITS[unit ?? ""] ?? 0);
  return total > 0 ? total : undefined;
}

/** A duration for people: `2d 4h`, `15m`, `45s`. */
export function formatDuration(seconds: number): string {
  const parts: string[] = [];
  let rest = Math.round(seconds);
  for (const [unit, size] of [
    ["d", 86_400],
    ["h", 3600],
    ["m", 60],
    ["s", 1],
  ] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  return parts.join(" ") || "0s";
}
