// ns per signed request: this client's runtime (serialise + common parameters + sign), the
// peers' signing code, and a minimal node:crypto floor, on the same inputs in the same run.
import { createHmac } from 'node:crypto';
import { serializeInput, signParams, commonParams } from '@alidomain/core';
import { checkDomainMeta, saveBatchTaskForModifyingDomainDnsMeta } from '@alidomain/client';
import { openapiUtilSigner, popCoreSigner } from './lib/peers.mjs';
import { fmt, nsPerOp, table } from './lib/measure.mjs';

const SECRET = 'testsecret';
const COMMON = { AccessKeyId: 'testid', Format: 'JSON', SignatureMethod: 'HMAC-SHA1', SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf', SignatureVersion: '1.0', Timestamp: '2018-01-29T12:00:00Z', Version: '2018-01-29' };

const cases = {
  'CheckDomain': { meta: checkDomainMeta, input: { DomainName: 'example.com', FeeCommand: 'create', FeeCurrency: 'CNY', FeePeriod: 1, Lang: 'en' } },
  '20-item repeat list': { meta: saveBatchTaskForModifyingDomainDnsMeta, input: { AliyunDns: true, DomainName: Array.from({ length: 20 }, (_, i) => `domain-${i + 1}.example.com`), Lang: 'en' } },
};

/** What any correct signer must do at least: encode, sort, join, one HMAC. */
function floor(params) {
  const keys = Object.keys(params).sort();
  let q = '';
  for (const k of keys) q += (q ? '&' : '') + encodeURIComponent(k) + '=' + encodeURIComponent(params[k]);
  return createHmac('sha1', SECRET + '&').update('GET&%2F&' + encodeURIComponent(q)).digest('base64');
}

/** Flat peer input: what pop-core / openapi-util get (they flatten lists themselves). */
const peerInput = (c) => ({ ...COMMON, Action: c.meta.action, ...c.input });
const floorInput = (c) => Object.fromEntries([...serializeInput(c.meta, c.input).query, ...Object.entries({ ...COMMON, Action: c.meta.action })]);

export function benchSigning() {
  const pop = popCoreSigner();
  const util = openapiUtilSigner();
  const results = {};
  for (const [name, c] of Object.entries(cases)) {
    const flat = floorInput(c);
    const peer = peerInput(c);
    const common = commonParams({ action: c.meta.action, accessKeyId: 'testid', format: 'JSON', now: new Date(COMMON.Timestamp), nonce: COMMON.SignatureNonce });
    results[name] = {
      'alidomain': nsPerOp(() => signParams('GET', [...common, ...serializeInput(c.meta, c.input).query], SECRET)),
      '@alicloud/pop-core': nsPerOp(() => pop('GET', peer, SECRET)),
      '@alicloud/openapi-util': nsPerOp(() => util('GET', peer, SECRET)),
      'node:crypto floor': nsPerOp(() => floor(flat)),
    };
  }
  return results;
}

export function printSigning(results) {
  for (const [name, r] of Object.entries(results)) {
    const base = r['node:crypto floor'];
    console.log(`\nSigning: ${name} (ns per signed request, median of 9 trials)`);
    console.log(table([['signer', 'ns/op', '× floor'], ...Object.entries(r).map(([k, v]) => [k, fmt(v), fmt(v / base, 2)])]));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) printSigning(benchSigning());
