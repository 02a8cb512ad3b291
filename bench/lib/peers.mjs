// The peers' own signing code, for the benchmark and the differential tests. Their canonical
// query builders are module-private, so each peer module is evaluated afresh with an extra
// line that exports those functions: the code that runs is theirs, byte for byte.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import vm from 'node:vm';

const require = createRequire(import.meta.url);

function internals(modulePath, names) {
  const file = require.resolve(modulePath);
  const source = readFileSync(file, 'utf8') + `\n;module.exports.__internals = { ${names.join(', ')} };`;
  const wrapper = vm.runInThisContext(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file });
  const module = { exports: {} };
  wrapper(module.exports, createRequire(file), module, file, dirname(file));
  return module.exports.__internals;
}

/** @alicloud/pop-core 1.x: RPCClient#request's signing steps (lib/rpc.js). */
export function popCoreSigner() {
  const { normalize, canonicalize, encode } = internals('@alicloud/pop-core/lib/rpc.js', ['normalize', 'canonicalize', 'encode']);
  const kitx = createRequire(require.resolve('@alicloud/pop-core'))('kitx');
  return (method, params, secret) => {
    const canonical = canonicalize(normalize(params));
    const stringToSign = `${method}&${encode('/')}&${encode(canonical)}`;
    return { canonical, stringToSign, signature: kitx.sha1(stringToSign, secret + '&', 'base64') };
  };
}

/** @alicloud/openapi-util: OpenApiUtil.getRPCSignature, plus its canonical string for comparison. */
export function openapiUtilSigner() {
  const { normalize, canonicalize, encode } = internals('@alicloud/openapi-util/dist/client.js', ['normalize', 'canonicalize', 'encode']);
  const OpenApiUtil = require('@alicloud/openapi-util').default;
  return (method, params, secret) => {
    const canonical = canonicalize(normalize(params));
    return {
      canonical,
      stringToSign: `${method}&${encode('/')}&${encode(canonical)}`,
      signature: OpenApiUtil.getRPCSignature(params, method, secret),
    };
  };
}
