/**
 * Orders strings by UTF-16 code unit, the same on every machine. `localeCompare` follows the process locale (in
 * Danish `aa` sorts after `z`), which would make the rendered bytes depend on where they are rendered.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
