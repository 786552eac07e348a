/** Entry point of the `ecoscore` binary: runs the CLI and sets the process exit code. */
import { main } from './program.js';

process.exitCode = await main(process.argv.slice(2));
