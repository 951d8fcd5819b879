import { readFileSync } from "node:fs";

/** Code without its layout (whitespace, trailing commas), so formatting never decides a match. */
export function codeShape(code: string): string {
  return code.replace(/\s+/g, "").replace(/,([}\])])/g, "$1");
}

/**
 * The code between `// README:start` and `// README:end` in a test file (another marker: `// ROUTE:start`…),
 * without the indentation it has in the test: the example the README shows. Throws when a marker is missing.
 */
export function readmeExample(testFile: string, marker = "README"): string {
  const source = readFileSync(testFile, "utf8");
  const open = `// ${marker}:start\n`;
  const start = source.indexOf(open);
  const end = source.indexOf(`// ${marker}:end`, start);
  if (start < 0 || end < 0) throw new Error(`${testFile} has no // ${marker}:start … // ${marker}:end block`);
  const lines = source.slice(start + open.length, end).split("\n");
  const indents = lines.filter((line) => line.trim()).map((line) => line.length - line.trimStart().length);
  if (indents.length === 0)
    throw new Error(`${testFile}: the // ${marker}:start … // ${marker}:end block is empty`);
  const indent = Math.min(...indents);
  return lines
    .map((line) => line.slice(indent))
    .join("\n")
    .trim();
}

/** Whether the README shows the test's example, by code shape (the formatter lays out code blocks). */
export function readmeShows(readme: string, testFile: string, marker = "README"): boolean {
  return codeShape(readFileSync(readme, "utf8")).includes(codeShape(readmeExample(testFile, marker)));
}

/**
 * The first ```yaml block of the README: the start of the example's rendered YAML, or excerpts of it
 * separated by `# …` lines. Throws when the README has none.
 */
export function readmeYaml(readme: string): string {
  const text = readFileSync(readme, "utf8");
  const open = "```yaml\n";
  const start = text.indexOf(open);
  const end = start < 0 ? -1 : text.indexOf("```", start + open.length);
  if (start < 0 || end < 0) throw new Error(`${readme} has no \`\`\`yaml block`);
  return text.slice(start + open.length, end);
}
