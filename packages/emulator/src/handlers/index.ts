// Every stateful Action's handler, by Action name. Actions without one answer their sample body
// (the document's example, fitted to the response schema).
import type { Handlers } from './context.js';
import { dnsHandlers } from './dns.js';
import { domainsHandlers } from './domains.js';
import { groupsHandlers } from './groups.js';
import { locksHandlers } from './locks.js';
import { profilesHandlers } from './profiles.js';
import { registrationHandlers } from './registration.js';
import { tasksHandlers } from './tasks.js';

export const handlers: Handlers = {
  ...profilesHandlers,
  ...registrationHandlers,
  ...domainsHandlers,
  ...tasksHandlers,
  ...dnsHandlers,
  ...locksHandlers,
  ...groupsHandlers,
};
