#!/usr/bin/env node
import { enableCompileCache } from "node:module";

// Node's on-disk compile cache spares every run after the first the parsing and compiling of the workspace's
// modules, and the type stripping of the clusters' TypeScript.
enableCompileCache?.();

const { main } = await import("../dist/index.js");
process.exitCode = await main(process.argv);
