// How a failed command tells the user what happened, on stderr: the API's Code, Message and
// RequestId; each validation problem by wire name; the places credentials were looked for.
import { CommanderError } from 'commander';
import { DomainApiError, DomainValidationError } from '@alidomain/core';
import { EXIT, Exit, exitCodeOf, UsageError, type ExitCode } from './exit-codes.js';
import { commanderExit } from './flags.js';
import type { Terminal } from './terminal.js';
import { problemLine } from './validation.js';

export function report(err: unknown, term: Terminal): ExitCode {
  // commander has printed its own message (or the help) already.
  if (err instanceof CommanderError) return commanderExit(err);
  if (err instanceof Exit) return err.code;
  const code = exitCodeOf(err);
  if (err instanceof DomainValidationError) {
    term.warn(`alidomain: ${err.action}: invalid input; nothing was sent:`);
    for (const p of err.problems) term.warn(`  ${problemLine(p)}`);
  } else if (err instanceof DomainApiError) {
    term.warn(`alidomain: ${err.action || 'the call'} failed with an API error (HTTP ${err.statusCode})`);
    term.warn(`  Code:      ${err.code}`);
    term.warn(`  Message:   ${err.apiMessage}`);
    term.warn(`  RequestId: ${err.requestId ?? '(none)'}`);
    if (err.recommend) term.warn(`  Recommend: ${err.recommend}`);
  } else if (err instanceof UsageError || code !== EXIT.internal) {
    term.warn(`alidomain: ${(err as Error).message}`);
  } else {
    term.warn(`alidomain: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  }
  return code;
}
