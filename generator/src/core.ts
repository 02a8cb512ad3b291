// The parts of @alidomain/core the generator runs, compiled from core's source (see tsconfig.json):
// docs examples show what core's own serializer sends, so there is no second serializer to drift.
export { serializeInput } from '../../packages/core/src/serialize.js';
export { formEncode } from '../../packages/core/src/canonical.js';
