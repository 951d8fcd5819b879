// Stands in for `@kubernetes-models/validate/runtime/re2` in every bundle (see tsup.js). The models' validators
// build a re2-wasm matcher, at import, for each pattern JavaScript's RegExp cannot express (Go's `\PC`, for one);
// compiling a Unicode class in WebAssembly takes tens of milliseconds, paid by every process that merely loads
// the package. This matcher compiles the same pattern with the same engine on its first test instead.
import { createRequire } from "node:module";

export default class LazyRE2 {
  #source;
  #flags;
  #compiled;

  constructor(source, flags) {
    this.#source = source;
    this.#flags = flags;
  }

  test(text) {
    this.#compiled ??= compileRE2(this.#source, this.#flags);
    return this.#compiled.test(text);
  }
}

/** re2-wasm as the validators would have loaded it: the one `@kubernetes-models/validate` depends on. */
function compileRE2(source, flags) {
  const validateRuntime = import.meta.resolve("@kubernetes-models/validate/runtime/re2");
  const { RE2 } = createRequire(validateRuntime)("re2-wasm");
  return new RE2(source, flags);
}
