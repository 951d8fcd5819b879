/**
 * The message of the OptionError a builder throws: the finding, then what was expected and what was found.
 * Takes the builder's name and gives the function tests spell its messages with:
 * `const message = optionMessage("cilium");`, then
 * `expect(f).toThrow(message("replicas", "…", "an integer ≥ 1", "0"))`.
 */
export function optionMessage(builder: string) {
  return (option: string, text: string, expected: string, found: string): string =>
    [`OPTION ${builder}: ${option}: ${text}`, `  expected: ${expected}`, `  found:    ${found}`].join("\n");
}
