// @alidomain/client: the generated Actions and client, the paging and task helpers, and the
// runtime's public API (errors, credentials, transports) re-exported for one import.
export * from './generated/index.js';
export { ValidatingClient, validateInput, validateOutput, type DomainClientConfig } from './validation.js';
export { paginateCursor, paginatePages, paginateScroll, type CursorConfig, type PageConfig } from './paginate.js';
export { waitForTask, DomainTaskTimeoutError, FINAL_TASK_STATUSES, type WaitForTaskOptions, type TaskResult, type TaskDetail } from './tasks.js';
export * from '@alidomain/core';
