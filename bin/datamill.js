#!/usr/bin/env node
import { main } from '../dist/cli/main.js';

process.on('SIGINT', () => {
  process.stderr.write('\ndatamill: interrupted; rerun the same command to resume\n');
  process.exit(130);
});
process.exitCode = await main(process.argv);
