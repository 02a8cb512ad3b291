import type { ActionMeta } from '../../packages/core/src/index.js';

/** Hand-written ActionMeta objects shaped like the generated ones. */

export const checkDomain: ActionMeta = {
  action: 'CheckDomain',
  method: 'GET',
  retry: 'safe',
  params: [
    { name: 'DomainName', style: 'scalar', in: 'query', type: 'string' },
    { name: 'FeeCurrency', style: 'scalar', in: 'query', type: 'string' },
    { name: 'FeePeriod', style: 'scalar', in: 'query', type: 'int32' },
    { name: 'Lang', style: 'scalar', in: 'query', type: 'string' },
  ],
  response: {
    kind: 'object',
    fields: {
      RequestId: 'string',
      DomainName: 'string',
      Avail: 'int32',
      Premium: 'boolean',
      Price: 'int64',
      StaticPriceList: {
        kind: 'object',
        fields: {
          PriceInfo: {
            kind: 'array',
            items: { kind: 'object', fields: { action: 'string', money: 'number', period: 'int32' } },
          },
        },
      },
    },
  },
};

export const queryDomainList: ActionMeta = {
  action: 'QueryDomainList',
  method: 'GET',
  retry: 'safe',
  params: [
    { name: 'PageNum', style: 'scalar', in: 'query', type: 'int32' },
    { name: 'PageSize', style: 'scalar', in: 'query', type: 'int32' },
    { name: 'DomainName', style: 'repeatList', in: 'query', type: 'string' },
    { name: 'Tag', style: 'objectList', in: 'query', fields: { Key: 'string', Value: 'string' } },
  ],
  response: {
    kind: 'object',
    fields: {
      RequestId: 'string',
      TotalItemNum: 'int32',
      NextPage: 'boolean',
      Data: {
        kind: 'object',
        fields: {
          Domain: {
            kind: 'array',
            items: {
              kind: 'object',
              fields: {
                DomainName: 'string',
                ExpirationDateLong: 'int64',
                Premium: 'boolean',
                DnsList: { kind: 'object', fields: { Dns: { kind: 'array', items: 'string' } } },
              },
            },
          },
        },
      },
    },
  },
};

export const createOrder: ActionMeta = {
  action: 'SaveSingleTaskForCreatingOrderActivate',
  method: 'GET',
  retry: 'unsafe',
  params: [
    { name: 'DomainName', style: 'scalar', in: 'query', type: 'string' },
    { name: 'SubscriptionDuration', style: 'scalar', in: 'query', type: 'int32' },
    { name: 'EnableDomainProxy', style: 'scalar', in: 'query', type: 'boolean' },
  ],
  response: { kind: 'object', fields: { RequestId: 'string', TaskNo: 'string' } },
};

export const deleteGroup: ActionMeta = {
  action: 'DeleteDomainGroup',
  method: 'GET',
  retry: 'idempotent',
  params: [{ name: 'DomainGroupId', style: 'scalar', in: 'query', type: 'int64' }],
  response: { kind: 'object', fields: { RequestId: 'string' } },
};

export const submitCredential: ActionMeta = {
  action: 'SaveTaskForSubmittingDomainRealNameVerificationByIdentityCredential',
  method: 'POST',
  retry: 'unsafe',
  params: [
    { name: 'DomainName', style: 'repeatList', in: 'query', type: 'string' },
    { name: 'IdentityCredentialNo', style: 'scalar', in: 'query', type: 'string' },
    { name: 'IdentityCredential', style: 'scalar', in: 'body', type: 'string' },
  ],
  response: { kind: 'object', fields: { RequestId: 'string', TaskId: 'string' } },
};
