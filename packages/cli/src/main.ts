import { Command, CommanderError, Option } from "commander";
import { changesCommand } from "./changes/changes-command.js";
import { checkCommand } from "./check-command.js";
import { diffCommand } from "./diff/diff-command.js";
import { graphCommand } from "./graph/graph-command.js";
import { type Output, processOutput } from "./output.js";
import { EXIT, renderCommand } from "./render-command.js";
import { Interrupted } from "./signals.js";
import { UsageError } from "./workspace.js";

type SetExit = (code: number) => void;

type Register = (cli: Command, output: Output, setExit: SetExit) => void;
const cwd = () => ({ cwd: process.cwd() });

const render: Register = (cli, output, setExit) => {
  cli
    .command("render")
    .description("render every cluster (or one) into its folder; --check compares instead of writing")
    .option("-c, --cluster <name>", "render only this cluster (its folder name under clusters/)")
    .option(
      "--check",
      "write nothing; exit 1 listing the files where the committed tree differs from a fresh render",
    )
    .action(async (opts: { cluster?: string; check?: boolean }) =>
      setExit(await renderCommand({ ...opts, ...cwd() }, output)),
    );
};

const check: Register = (cli, output, setExit) => {
  cli
    .command("check")
    .description("run every validation over every cluster and report all findings; exit 1 on any error")
    .option("--json", "print the report as JSON (for CI)")
    .option("--skip-kustomize", "do not build the rendered folders with kubectl kustomize")
    .action(async (opts: { json?: boolean; skipKustomize?: boolean }) =>
      setExit(await checkCommand({ ...opts, ...cwd() }, output)),
    );
};

const BASE_SIDE = `
The base side is the rendered tree committed at the revision, read from git as it is, not a render of the
revision's source: CI's render --check keeps the two equal on every commit. Where the committed files do not
match the manifest committed with them, a TREE_DRIFT warning on stderr says so.`;

const diff: Register = (cli, output, setExit) => {
  cli
    .command("diff")
    .description(
      "object-level diff between the tree committed at a git revision and a fresh render of the working tree",
    )
    .option(
      "--base <ref>",
      "the revision whose committed tree is the base side (default: origin/main, else main, else HEAD)",
    )
    .option("-c, --cluster <name>", "diff only this cluster")
    .addOption(new Option("--format <format>", "output format").choices(["text", "markdown"]).default("text"))
    .addHelpText("after", BASE_SIDE)
    .action(async (opts: { base?: string; cluster?: string; format: "text" | "markdown" }) =>
      setExit(await diffCommand({ ...opts, ...cwd() }, output)),
    );
};

const changes: Register = (cli, output, setExit) => {
  cli
    .command("changes")
    .description(
      "fail when a component package's rendered output changed since a revision without a changeset",
    )
    .option("--base <ref>", "the revision to compare with (default: origin/main, else main, else HEAD)")
    .addHelpText("after", BASE_SIDE)
    .action(async (opts: { base?: string }) => setExit(await changesCommand({ ...opts, ...cwd() }, output)));
};

const graph: Register = (cli, output, setExit) => {
  cli
    .command("graph")
    .description("the Flux dependency graph of a cluster, by layer; cycles and missing targets in red")
    .option("-c, --cluster <name>", "the cluster (default: the one whose folder you are in, or the only one)")
    .addOption(
      new Option("--format <format>", "output format").choices(["mermaid", "dot", "svg"]).default("mermaid"),
    )
    .action(async (opts: { cluster?: string; format: "mermaid" | "dot" | "svg" }) =>
      setExit(await graphCommand({ ...opts, ...cwd() }, output)),
    );
};

function program(output: Output, setExit: SetExit): Command {
  const cli = new Command("k8s-ops")
    .description("Render and check the Flux trees of the clusters in this repository.")
    .exitOverride()
    .configureOutput({ writeOut: (s) => output.out(s.trimEnd()), writeErr: (s) => output.err(s.trimEnd()) });
  for (const register of [render, check, diff, changes, graph]) register(cli, output, setExit);
  return cli;
}

/**
 * Runs the command line and returns the exit code: 0 ok, 1 problems found, 2 bad usage, 3 unexpected failure, 128 +
 * the signal's number when SIGHUP, SIGINT or SIGTERM stopped it once the write under way was finished.
 */
export async function main(argv: readonly string[], output: Output = processOutput): Promise<number> {
  let exitCode: number = EXIT.ok;
  try {
    await program(output, (code) => {
      exitCode = code;
    }).parseAsync([...argv]);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (error instanceof Interrupted) {
      output.err(error.message);
      return error.exitCode;
    }
    if (error instanceof UsageError) {
      output.err(`error: ${error.message}`);
      return EXIT.usage;
    }
    output.err(`k8s-ops failed: ${describeFailure(error)}`);
    return EXIT.failure;
  }
}

/** An I/O error reads as its message (it names the path); anything else keeps its stack for the bug report. */
function describeFailure(error: unknown): string {
  if (error instanceof Error && typeof (error as NodeJS.ErrnoException).code === "string")
    return error.message;
  if (error instanceof SyntaxError) return error.message;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
