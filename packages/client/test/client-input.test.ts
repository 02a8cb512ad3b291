// What the generated client refuses before sending: unknown Action names, its own unusable
// options, and invalid input, each with the problem named.
import { describe, expect, it } from 'vitest';
import { DomainOptionsError, DomainValidationError, type Transport } from '@alidomain/core';
import { DomainClient } from '../src/index.js';

const sent: string[] = [];
const recording: Transport = async (req) => {
  sent.push(req.url);
  return { status: 200, headers: {}, body: '{"RequestId":"r"}' };
};

const client = () =>
  new DomainClient({ accessKeyId: 'id', accessKeySecret: 'secret', endpoint: 'http://127.0.0.1:1', transport: recording });

async function validationError(p: Promise<unknown>): Promise<DomainValidationError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainValidationError) return e;
    throw e;
  }
  throw new Error('expected DomainValidationError');
}

describe('call() with a name that is no Action', () => {
  it('rejects, naming the Action and the nearest names', async () => {
    const e = await validationError(client().call('CheckDomian' as 'CheckDomain', { DomainName: 'a.com' }));
    expect(e.problems).toEqual([expect.objectContaining({ param: 'Action', got: '"CheckDomian"' })]);
    expect(e.message).toContain('did you mean "CheckDomain"');
  });

  it('rejects a name of Object.prototype', async () => {
    const e = await validationError(client().call('toString' as 'CheckDomain', { DomainName: 'a.com' }));
    expect(e.problems[0]).toMatchObject({ param: 'Action', got: '"toString"' });
  });

  it('rejects a name that is not a string', async () => {
    const e = await validationError(client().call(undefined as unknown as 'CheckDomain', { DomainName: 'a.com' }));
    expect(e.problems[0]).toMatchObject({ param: 'Action', got: 'undefined' });
  });

  it('sends nothing', async () => {
    sent.length = 0;
    await client()
      .call('NoSuchAction' as 'CheckDomain', { DomainName: 'a.com' })
      .catch(() => {});
    expect(sent).toEqual([]);
  });
});

describe('problems of invalid input', () => {
  it('carry the wire name, what was expected and what was received', async () => {
    const input = { OrderActivateParam: [{ DomainName: 'a.com' }, { DomainName: 'bad domain' }] };
    const e = await validationError(client().saveBatchTaskForCreatingOrderActivate(input));
    const p = e.problems.find((q) => q.param === 'OrderActivateParam.2.DomainName');
    expect(p).toMatchObject({ expected: 'a domain name under appendix 6.2', got: expect.stringMatching(/^"bad domain": /) });
    expect(e.message).toContain(p!.message!);
  });
});

describe('client options', () => {
  it('refuses a validation option that is not a boolean', () => {
    expect(() => new DomainClient({ validation: 'no' as unknown as boolean })).toThrow(
      new DomainOptionsError('validation', 'expected true or false, received a string'),
    );
  });

  it('suggests the closest name for a misspelled option of its own', () => {
    expect(() => new DomainClient({ validateResponse: true } as never)).toThrow(
      /validateResponse: not an option; did you mean "validateResponses"\?/,
    );
  });

  it('suggests the closest name for a misspelled option of the core', () => {
    expect(() => new DomainClient({ timout: 5 } as never)).toThrow(/timout: not an option; did you mean "timeout"\?/);
  });
});
