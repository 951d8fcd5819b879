import { Command, CommanderError } from "commander";
import { type Output, processOutput } from "./output.js";
import { EXIT, renderCommand } from "./render-command.js";
import { UsageError } from "./workspace.js";

function program(output: Output, setExit: (code: number) => void): Command {
  const cli = new Command("k8s-ops")
    .description("Render and check the Flux trees of the clusters in this repository.")
    .exitOverride()
    .configureOutput({ writeOut: (s) => output.out(s.trimEnd()), writeErr: (s) => output.err(s.trimEnd()) });
  cli
    .command("render")
    .description("render every cluster (or one) into its folder; --check compares instead of writing")
    .option("-c, --cluster <name>", "render only this cluster (its folder name under clusters/)")
    .option(
      "--check",
      "write nothing; exit 1 listing the files where the committed tree differs from a fresh render",
    )
    .action(async (opts: { cluster?: string; check?: boolean }) => {
      setExit(await renderCommand({ ...opts, cwd: process.cwd() }, output));
    });
  return cli;
}

/** Runs the command line and returns the exit code: 0 ok, 1 problems found, 2 bad usage, 3 unexpected failure. */
export async function main(argv: readonly string[], output: Output = processOutput): Promise<number> {
  let exitCode: number = EXIT.ok;
  try {
    await program(output, (code) => {
      exitCode = code;
    }).parseAsync([...argv]);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (error instanceof UsageError) {
      output.err(`error: ${error.message}`);
      return EXIT.usage;
    }
    output.err(`k8s-ops failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return EXIT.failure;
  }
}
