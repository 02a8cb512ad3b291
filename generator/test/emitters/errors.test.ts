// The client's CommonErrorCode is the spec's catalogue.
import { expect, it } from 'vitest';
import { errorsFile } from '../../src/emitters/errors.js';
import { fixture } from '../fixture.js';

it('types CommonErrorCode from the catalogue, with each code documented', () => {
  expect(errorsFile(fixture('two-actions').model)).toContain(
    "export type CommonErrorCode =\n  /** 缺少参数。 (HTTP 400) */\n  | 'MissingParameter'\n  /** 请求被流控。 (HTTP 400) */\n  | 'Throttling';",
  );
});
