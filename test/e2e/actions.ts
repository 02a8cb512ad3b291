// The Actions the end-to-end tests call, as the client generates them: the tests exercise the
// metadata users get, not look-alikes that can drift from it.
export { checkDomainMeta as checkDomain } from '../../packages/client/src/generated/actions/CheckDomain.js';
export { queryDomainListMeta as queryDomainList } from '../../packages/client/src/generated/actions/QueryDomainList.js';
export { queryDomainByInstanceIdMeta as queryDomainByInstanceId } from '../../packages/client/src/generated/actions/QueryDomainByInstanceId.js';
export { saveSingleTaskForCreatingOrderActivateMeta as createOrder } from '../../packages/client/src/generated/actions/SaveSingleTaskForCreatingOrderActivate.js';
export { saveBatchTaskForCreatingOrderActivateMeta as createOrders } from '../../packages/client/src/generated/actions/SaveBatchTaskForCreatingOrderActivate.js';
export { saveBatchTaskForModifyingDomainDnsMeta as setDns } from '../../packages/client/src/generated/actions/SaveBatchTaskForModifyingDomainDns.js';
export { queryTaskDetailListMeta as queryTaskDetails } from '../../packages/client/src/generated/actions/QueryTaskDetailList.js';
export { saveDomainGroupMeta as createGroup } from '../../packages/client/src/generated/actions/SaveDomainGroup.js';
export { queryDomainGroupListMeta as queryGroups } from '../../packages/client/src/generated/actions/QueryDomainGroupList.js';
export { deleteDomainGroupMeta as deleteGroup } from '../../packages/client/src/generated/actions/DeleteDomainGroup.js';
export { updateDomainToDomainGroupMeta as setGroupDomains } from '../../packages/client/src/generated/actions/UpdateDomainToDomainGroup.js';
export { registrantProfileRealNameVerificationMeta as verifyProfile } from '../../packages/client/src/generated/actions/RegistrantProfileRealNameVerification.js';
