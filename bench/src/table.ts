/** Formatting of benchmark figures: plain functions, so the test can pin the output. */

/** `1234.5` → `1.23 s`, `12.345` → `12.3 ms`, `0.5` → `0.50 ms`. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return "—";
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

/** `191.66` → `192 MiB`; from 1024 MiB as GiB: `1.50 GiB`. */
export function formatMiB(mib: number): string {
  if (!Number.isFinite(mib)) return "—";
  return mib >= 1024 ? `${(mib / 1024).toFixed(2)} GiB` : `${Math.round(mib)} MiB`;
}

/** How many times `other` takes what `ours` takes: `ratio(1, 3)` → `3.00×`; no figure → `—`. */
export function ratio(ours: number, other: number | undefined): string {
  if (other === undefined || !Number.isFinite(other) || ours <= 0) return "—";
  return `${(other / ours).toFixed(2)}×`;
}

/** A GitHub markdown table, columns padded as the formatter lays them out; every cell is escaped for `|`. */
export function markdownTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const cells = [headers, ...rows].map((row) => row.map((cell) => cell.replaceAll("|", "\\|")));
  const widths = headers.map((_, i) => Math.max(3, ...cells.map((row) => width(row[i] ?? ""))));
  const line = (row: readonly string[]) =>
    `| ${widths.map((w, i) => (row[i] ?? "") + " ".repeat(w - width(row[i] ?? ""))).join(" | ")} |`;
  const [head = [], ...body] = cells;
  return [line(head), line(widths.map((w) => "-".repeat(w))), ...body.map(line)].join("\n");
}

function width(text: string): number {
  return [...text].length;
}

/** A target and whether it was met. */
export interface Target {
  readonly name: string;
  /** undefined: not measured in this run (skipped), with the reason in `detail`. */
  readonly pass: boolean | undefined;
  readonly detail: string;
}

export function verdict(target: Target): string {
  return target.pass === undefined ? "SKIP" : target.pass ? "PASS" : "MISS";
}

/** The console / markdown lines of the targets: `PASS  name — detail`. */
export function targetLines(targets: readonly Target[]): string[] {
  return targets.map((t) => `${verdict(t).padEnd(4)}  ${t.name} — ${t.detail}`);
}

/** Replaces what lies between two marker lines of a document (or appends the block when the markers are absent). */
export function replaceBetween(doc: string, start: string, end: string, body: string): string {
  const block = `${start}\n${body}\n${end}`;
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  if (from === -1 || to === -1 || to < from) return `${doc.trimEnd()}\n\n${block}\n`;
  return `${doc.slice(0, from)}${block}${doc.slice(to + end.length)}`;
}

/** Relative spread of per-app costs: largest over smallest minus one (0.2 = within 20%). */
export function spread(values: readonly number[]): number {
  if (values.length === 0) return 0;
  return Math.max(...values) / Math.min(...values) - 1;
}
