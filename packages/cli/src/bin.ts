#!/usr/bin/env node
// The `alidomain` executable. Exits explicitly once output is flushed: the client's keep-alive
// connections would otherwise hold the process open.
import { main } from './main.js';
import { Terminal } from './terminal.js';

const term = new Terminal();
const code = await main(process.argv.slice(2), term);
await term.flush();
process.exit(code);
