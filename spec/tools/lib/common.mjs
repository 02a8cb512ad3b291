// What every Action shares: the common parameters (3.2), the signature (3.5), the error
// body (3.4) and the appendices: error codes (6.1), domain-name rules (6.2) and the
// identity-credential types (6.3), read from the document.
import { appendixLines } from './document.mjs';

/** Reads the appendices into { errors, domainNameRules, credentialTypes }. */
export function readAppendix(doc, repair) {
  const lines = appendixLines(doc).map((l) => l.text);
  const rulesAt = lines.findIndex((t) => t.startsWith('本文为您列出了域名合法性的相关要求'));
  const typesAt = lines.findIndex((t) => t.startsWith('在调用与实名认证相关的接口时'));
  return {
    errors: readErrorTable(lines.slice(0, rulesAt), repair),
    domainNameRules: lines.slice(rulesAt + 1, typesAt).filter((t) => t !== '').map((t) => repair.text(t)),
    credentialTypes: readCredentialTypes(lines.slice(typesAt)),
  };
}

/** Rows "Code English message 400 中文语义。", wrapped over lines, codes possibly broken ("NotFou" / "nd"). */
function readErrorTable(lines, repair) {
  const joined = [];
  for (const t of lines) {
    if (t === '' || /^(错误代码 描述 HTTP ?状态码 语义|客户端错误|服务器端错误|在该表中.*)$/.test(t)) continue;
    const prev = joined.at(-1);
    if (prev !== undefined && /^[A-Za-z.]+$/.test(prev) && /^[a-z]+$/.test(t)) joined[joined.length - 1] = prev + t;
    else joined.push(t);
  }
  const text = joined.join(' ');
  const errors = [];
  const row = /([A-Z][A-Za-z]*(?:\.[A-Za-z]+)*) (.+?) (\d{3}) (\S+?。)/g;
  for (const m of text.matchAll(row)) {
    errors.push({ code: m[1], httpStatus: Number(m[3]), message: repair.text(m[2]), description: m[4] });
  }
  return errors;
}

function readCredentialTypes(lines) {
  const types = [];
  let holder;
  const header = lines.findIndex((t) => /IdentityCredentialType取值$/.test(t));
  for (const t of lines.slice(header + 1)) {
    if (t === '个人') holder = 'individual';
    else if (t === '企业/组织') holder = 'organization';
    else {
      const m = /^(\S+) ([A-Z]+)$/.exec(t);
      if (m) types.push({ code: m[2], meaning: m[1], holder });
    }
  }
  return types;
}

const COMMON_PARAMS = [
  ['Format', false, '返回值的类型，支持JSON与XML。默认为XML。', { type: 'string', enum: ['JSON', 'XML'], default: 'XML' }],
  ['Version', true, 'API的版本号，格式为YYYY-MM-DD，本版本对应为2018-01-29。', { type: 'string', const: '2018-01-29' }],
  ['AccessKeyId', true, '阿里云颁发给用户的访问服务所用的密钥ID。', { type: 'string' }],
  ['Signature', true, '签名结果串，关于签名的计算方法，请参见签名机制。', { type: 'string' }],
  ['SignatureMethod', true, '签名方式，目前支持HMAC-SHA1。', { type: 'string', const: 'HMAC-SHA1' }],
  ['Timestamp', true, '请求的时间戳。日期格式按照ISO8601标准表示，并需要使用UTC时间。格式为YYYY-MM-DDThh:mm:ssZ。例如，2018-01-29T12:00:00Z表示UTC时间2018年1月29日12点0分0秒。', { type: 'string', format: 'date-time', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z$' }],
  ['SignatureVersion', true, '签名算法版本，目前版本是1.0。', { type: 'string', const: '1.0' }],
  ['SignatureNonce', true, '唯一随机数，用于防止网络重放攻击。用户在不同请求间要使用不同的随机数值。', { type: 'string' }],
];

export function commonComponents(appendix) {
  const byStatus = (statuses) => appendix.errors.filter((e) => statuses.includes(e.httpStatus)).map((e) => `- \`${e.code}\` (${e.httpStatus}): ${e.message} ${e.description}`).join('\n');
  const errorResponse = (description, statuses) => ({
    description: `${description}\n\nCommon codes (appendix 6.1):\n${byStatus(statuses)}`,
    content: {
      'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' }, examples: { document: { value: ERROR_EXAMPLE } } },
      'application/xml': { schema: { $ref: '#/components/schemas/ErrorResponse' } },
    },
  });
  return {
    securitySchemes: {
      AliyunSignatureV1: {
        type: 'apiKey',
        in: 'query',
        name: 'Signature',
        description:
          'Signature version 1.0 (签名机制): sort all parameters (common and Action parameters, without Signature) by name; ' +
          'percent-encode names and values per RFC 3986 (UTF-8; A-Z a-z 0-9 - _ . ~ kept; space as %20, * as %2A); ' +
          'join as name=value with &; StringToSign = HTTPMethod + "&" + percentEncode("/") + "&" + percentEncode(canonicalQuery); ' +
          'Signature = Base64(HMAC-SHA1(AccessKeySecret + "&", StringToSign)). Sent as the Signature parameter with the ' +
          'common parameters AccessKeyId, SignatureMethod, SignatureVersion, SignatureNonce, Timestamp (and SecurityToken with STS credentials).',
        'x-alidomain-signature': {
          version: '1.0',
          algorithm: 'HMAC-SHA1',
          key: '<AccessKeySecret>&',
          stringToSign: '<HTTPMethod>&%2F&<percentEncode(canonicalizedQueryString)>',
          encoding: 'RFC3986',
          example: {
            secret: 'testsecret',
            stringToSign:
              'GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26',
            signature: 'OLeaidS1JvxuMvnyHOwuJ+uX5qY=',
          },
        },
      },
    },
    parameters: Object.fromEntries(
      COMMON_PARAMS.map(([name, required, description, schema]) => [
        name,
        { name, in: 'query', required, description, schema, 'x-alidomain-common': true },
      ]).concat([
        ['SecurityToken', { name: 'SecurityToken', in: 'query', required: false, description: 'STS 临时凭证的安全令牌（使用STS凭证时传入）。', schema: { type: 'string' }, 'x-alidomain-common': true }],
      ]),
    ),
    schemas: {
      ErrorResponse: {
        type: 'object',
        description: '调用出错时返回的消息体：错误代码、错误信息、全局唯一的请求ID和站点ID。',
        required: ['RequestId', 'Code', 'Message'],
        properties: {
          RequestId: { type: 'string', description: '全局唯一的请求ID。', example: '8906582E-6722-409A-A6C4-0E7863B733A5' },
          HostId: { type: 'string', description: '您该次请求访问的站点ID。', example: 'domain.aliyuncs.com' },
          Code: { type: 'string', description: '错误代码。', example: 'WhoisInfoNotExist', examples: appendix.errors.map((e) => e.code).concat('WhoisInfoNotExist') },
          Message: { type: 'string', description: '错误信息。', example: 'The whois info of this domain name does not exist.' },
        },
        xml: { name: 'Error' },
      },
      DomainName: {
        type: 'string',
        format: 'alidomain-domain-name',
        minLength: 1,
        description: `域名合法性（附录6.2）：\n${appendix.domainNameRules.map((r) => `- ${r}`).join('\n')}`,
        'x-alidomain-rules': {
          labelLength: { min: 1, max: 63, measuredOn: 'punycode of the name without its suffix' },
          asciiCharacters: 'a-z 0-9 -',
          hyphen: 'not first, not last, not at positions 3 and 4',
          chinese: 'must contain at least one Chinese character',
          punycodeInput: 'rejected (xn-- prefix): pass the Chinese form',
          caseInsensitive: true,
        },
      },
      IdentityCredentialType: {
        type: 'string',
        description: '实名认证证件类型（附录6.3）。',
        enum: appendix.credentialTypes.map((t) => t.code),
        'x-enumDescriptions': Object.fromEntries(appendix.credentialTypes.map((t) => [t.code, t.meaning])),
        'x-alidomain-holder': Object.fromEntries(appendix.credentialTypes.map((t) => [t.code, t.holder])),
      },
    },
    responses: {
      ClientError: errorResponse('Client error (4xx): missing or invalid parameter, unsupported operation, throttling…', [400]),
      Forbidden: errorResponse('Forbidden: bad signature, risk control, unverified account.', [403]),
      InternalError: errorResponse('Server error.', [500]),
      ServiceUnavailable: errorResponse('Temporarily unavailable.', [503]),
    },
  };
}

const ERROR_EXAMPLE = {
  RequestId: '8906582E-6722-409A-A6C4-0E7863B733A5',
  HostId: 'domain.aliyuncs.com',
  Code: 'WhoisInfoNotExist',
  Message: 'The whois info of this domain name does not exist.',
};
