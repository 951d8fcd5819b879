import { packageConfig } from "@k8s-ops/config/tsup";

// `testing` is the cluster packages' shared test suite; vitest stays external (theirs).
export default packageConfig(["src/index.ts", "src/testing.ts"]);
