// The words generated code and the runtime share (how a parameter travels, scalar types, retry
// classes, response shapes) are declared once, in @alidomain/core; the generator imports them
// from core's source so that a change there is a type error here, not a silent drift.
export type { ActionMeta, ParamMeta, ParamStyle, RetryClass, ScalarType, Shape } from '../../../packages/core/src/meta.js';
