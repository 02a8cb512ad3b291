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
      RequestId: { kind: 'string' },
      DomainName: { kind: 'string' },
      Avail: { kind: 'int32' },
      Premium: { kind: 'boolean' },
      Price: { kind: 'int64' },
      StaticPriceList: {
        kind: 'object',
        fields: {
          PriceInfo: {
            kind: 'array',
            items: { kind: 'object', fields: { action: { kind: 'string' }, money: { kind: 'number' }, period: { kind: 'int32' } } },
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
      RequestId: { kind: 'string' },
      TotalItemNum: { kind: 'int32' },
      NextPage: { kind: 'boolean' },
      Data: {
        kind: 'object',
        fields: {
          Domain: {
            kind: 'array',
            items: {
              kind: 'object',
              fields: {
                DomainName: { kind: 'string' },
                ExpirationDateLong: { kind: 'int64' },
                Premium: { kind: 'boolean' },
                DnsList: { kind: 'object', fields: { Dns: { kind: 'array', items: { kind: 'string' } } } },
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
  response: { kind: 'object', fields: { RequestId: { kind: 'string' }, TaskNo: { kind: 'string' } } },
};

export const deleteGroup: ActionMeta = {
  action: 'DeleteDomainGroup',
  method: 'GET',
  retry: 'idempotent',
  params: [{ name: 'DomainGroupId', style: 'scalar', in: 'query', type: 'int64' }],
  response: { kind: 'object', fields: { RequestId: { kind: 'string' } } },
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
  response: { kind: 'object', fields: { RequestId: { kind: 'string' }, TaskId: { kind: 'string' } } },
};
