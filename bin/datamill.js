#!/usr/bin/env node
import { main } from '../dist/cli/main.js';

// `datamill inspect FILE | head`: a closed pipe ends the command quietly, as Unix tools do.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});
process.on('SIGINT', () => {
  process.stderr.write('\ndatamill: interrupted; rerun the same command to resume\n');
  process.exit(130);
});
process.exitCode = await main(process.argv);
