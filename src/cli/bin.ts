/** Entry point of the `report-md` executable. */
import { main } from './main.js';

// A reader that goes away early (`report-md lint … | head`) closes the pipe: the rest of the output is
// dropped and the command ends with its own exit code, instead of dying on an unhandled EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') process.exitCode = 2;
  });
}

main({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`report-md: internal error: ${(error as Error)?.message ?? String(error)}\n`);
    process.exitCode = 2;
  },
);
