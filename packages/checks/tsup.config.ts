import { packageConfig } from "@k8s-ops/config/tsup";

export default packageConfig(["src/index.ts"], { bundleYaml: true });
