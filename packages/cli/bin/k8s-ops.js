#!/usr/bin/env node
import { enableCompileCache } from "node:module";

// Every run loads about a thousand model and schema modules; Node's on-disk compile cache cuts start-up by a third.
enableCompileCache?.();

const { main } = await import("../dist/index.js");
process.exitCode = await main(process.argv);
