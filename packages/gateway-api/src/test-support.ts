// Helpers for this package's tests only (not exported from index.ts).
import { readFileSync } from "node:fs";

/** Code with layout removed (whitespace, trailing commas), so formatting never decides whether two snippets match. */
export function codeShape(code: string): string {
  return code.replace(/\s+/g, "").replace(/,([}\])])/g, "$1");
}

/** The code between `// README:start` and `// README:end` in a test file: the example the README shows. */
export function readmeExample(testFile: string): string {
  const source = readFileSync(testFile, "utf8");
  const start = source.indexOf("// README:start\n") + "// README:start\n".length;
  return source.slice(start, source.indexOf("// README:end"));
}

/** Whether the README shows the example (compared by shape: the formatter lays code blocks out on its own). */
export function readmeShows(readme: string, testFile: string): boolean {
  return codeShape(readFileSync(readme, "utf8")).includes(codeShape(readmeExample(testFile)));
}
