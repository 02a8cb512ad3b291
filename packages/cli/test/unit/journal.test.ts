import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DomainApiError, DomainTimeoutError, DomainTransportError, DomainValidationError } from '@alidomain/core';
import { Journal } from '../../src/batch/journal.js';
import { outcomeOf, planLine } from '../../src/batch/run.js';

const path = () => join(mkdtempSync(join(tmpdir(), 'journal-')), 'run.jsonl');
const open = (p: string, action = 'CheckDomain') => Journal.open(p, action, 'items.jsonl', false, (t) => t);

describe('Journal', () => {
  it('keeps the last record of each line across runs', () => {
    const p = path();
    const first = open(p);
    first.record({ line: 1, state: 'sent', hash: 'h' });
    first.record({ line: 1, state: 'done', hash: 'h' });
    first.record({ line: 2, state: 'sent', hash: 'h2' });
    first.close();
    const again = open(p);
    expect(again.last(1)?.state).toBe('done');
    expect(again.last(2)?.state).toBe('sent');
    expect(again.everSent(2)).toBe(true);
    expect(again.everSent(3)).toBe(false);
    again.close();
  });

  it('drops a last line cut short by a kill, and stays readable run after run', () => {
    const p = path();
    const j = open(p);
    j.record({ line: 1, state: 'sent', hash: 'h' });
    j.close();
    appendFileSync(p, '{"line":1,"state":"do');
    const again = open(p);
    expect(again.last(1)?.state).toBe('sent');
    again.record({ line: 2, state: 'sent', hash: 'h2' });
    again.close();
    const third = open(p);
    expect(third.last(1)?.state).toBe('sent');
    expect(third.last(2)?.state).toBe('sent');
    third.close();
    expect(readFileSync(p, 'utf8')).not.toContain('"do\n');
  });

  it('refuses a journal damaged before its last line', () => {
    const p = path();
    writeFileSync(p, '{"journal":"alidomain batch","version":1,"action":"CheckDomain"}\n{oops\n{"line":1,"state":"sent","hash":"h"}\n');
    expect(() => open(p)).toThrow(/line 2 is not JSON, so the journal cannot say which calls were sent/);
  });

  it('refuses a journal of another Action', () => {
    const p = path();
    open(p, 'CheckDomain').close();
    expect(() => open(p, 'QueryDomainList')).toThrow(/records a batch of CheckDomain, not QueryDomainList/);
  });

  it('scrubs what it writes', () => {
    const p = path();
    const j = Journal.open(p, 'CheckDomain', 'items.jsonl', false, (t) => t.replaceAll('hunter2', '***'));
    j.record({ line: 1, state: 'failed', hash: 'h', message: 'echoed hunter2' });
    j.close();
    expect(readFileSync(p, 'utf8')).not.toContain('hunter2');
  });
});

describe('planLine', () => {
  const journalWith = (...records: { line: number; state: 'sent' | 'done' | 'failed' | 'unknown' | 'invalid' }[]) => {
    const j = open(path());
    for (const r of records) j.record({ ...r, hash: 'h' });
    return j;
  };

  it('skips a done line', () => {
    expect(planLine(journalWith({ line: 1, state: 'sent' }, { line: 1, state: 'done' }), 1, true, true).kind).toBe('skip');
  });

  it('sends a line never sent', () => {
    expect(planLine(journalWith(), 1, true, false).kind).toBe('send');
    expect(planLine(journalWith({ line: 1, state: 'invalid' }), 1, true, false).kind).toBe('send');
  });

  it('never sends an unsafe line again once sent without a definite outcome', () => {
    for (const retryFailed of [false, true]) {
      expect(planLine(journalWith({ line: 1, state: 'sent' }), 1, true, retryFailed).kind).toBe('report');
      expect(planLine(journalWith({ line: 1, state: 'sent' }, { line: 1, state: 'unknown' }), 1, true, retryFailed).kind).toBe('report');
    }
  });

  it('sends a refused unsafe line again only when asked', () => {
    const j = journalWith({ line: 1, state: 'sent' }, { line: 1, state: 'failed' });
    expect(planLine(j, 1, true, false).kind).toBe('report');
    expect(planLine(j, 1, true, true).kind).toBe('send');
  });

  it('sends a safe line again whatever became of it', () => {
    expect(planLine(journalWith({ line: 1, state: 'sent' }, { line: 1, state: 'unknown' }), 1, false, false).kind).toBe('send');
  });
});

describe('outcomeOf', () => {
  const api = (code: string, statusCode: number) => new DomainApiError({ code, message: 'm', statusCode, action: 'A', retryable: false });

  it('is invalid for input refused before sending', () => {
    expect(outcomeOf(new DomainValidationError('A', []), false)).toBe('invalid');
  });

  it('is failed for a call never handed to the network, or never connected', () => {
    expect(outcomeOf(new Error('no credentials'), false)).toBe('failed');
    expect(outcomeOf(new DomainTransportError('connect ECONNREFUSED', { reachedServer: false }), true)).toBe('failed');
  });

  it('is failed for an API refusal, Throttling included', () => {
    expect(outcomeOf(api('InvalidParameter', 400), true)).toBe('failed');
    expect(outcomeOf(api('Throttling.User', 400), true)).toBe('failed');
  });

  it('is unknown for a server failure or a timeout after sending', () => {
    expect(outcomeOf(api('InternalError', 500), true)).toBe('unknown');
    expect(outcomeOf(api('ServiceUnavailable', 503), true)).toBe('unknown');
    expect(outcomeOf(new DomainTimeoutError(1000, { reachedServer: true }), true)).toBe('unknown');
  });
});
