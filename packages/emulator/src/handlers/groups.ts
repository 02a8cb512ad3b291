// Handlers of the domain groups (SaveDomainGroup, DeleteDomainGroup, QueryDomainGroupList,
// UpdateDomainToDomainGroup) and of the domain remarks (SaveBatchDomainRemark). These act at once:
// the document describes no task for them, only a delay for groups of over 1000 domains.
import { apiError } from '../errors.js';
import type { Domain, Group } from '../state/records.js';
import type { Call, Handlers } from './context.js';
import { dateTime, domainNamed, domainOfInstance, itemTemplate, shaped, UNGROUPED, withItems } from './context.js';
import { distinct, text } from './dns.js';

/** The domains listed under group `id`: a domain whose group id names no group is ungrouped, as the domain lists show it. */
function members(call: Call, id: string): Domain[] {
  const known = new Set(call.state.data.groups.map((g) => g.DomainGroupId));
  const groupOf = (d: Domain) => (d.DomainGroupId !== undefined && known.has(d.DomainGroupId) ? d.DomainGroupId : UNGROUPED.DomainGroupId);
  return call.state.data.domains.filter((d) => groupOf(d) === id);
}

function groupById(call: Call): Group {
  if (call.input.DomainGroupId === undefined) throw apiError('MissingParameter', 'DomainGroupId');
  const id = text(call.input.DomainGroupId);
  const g = call.state.data.groups.find((x) => x.DomainGroupId === id);
  if (g === undefined) throw apiError('InvalidParameter', 'DomainGroupId', `No domain group has the id ${id}.`);
  return g;
}

function row(call: Call, g: Group): Record<string, unknown> {
  return {
    BeingDeleted: false,
    CreationDate: dateTime(g.CreationDate),
    DomainGroupId: g.DomainGroupId,
    DomainGroupName: g.DomainGroupName,
    DomainGroupStatus: 'COMPLETE',
    ModificationDate: dateTime(g.ModificationDate),
    TotalNumber: members(call, g.DomainGroupId).length,
  };
}

/** The names a base64 file of UpdateDomainToDomainGroup holds, one a line. */
function namesInFile(base64: string): string[] {
  const bytes = Buffer.from(base64, 'base64');
  // xls (OLE) and xlsx (zip) files are binary: the emulator reads plain text, one domain a line.
  if (bytes.includes(0) || bytes.subarray(0, 2).toString('latin1') === 'PK')
    throw apiError('InvalidParameter', 'FileToUpload', 'The emulator reads a plain text file (one domain name a line), not a spreadsheet.');
  return bytes
    .toString('utf8')
    .split(/[\r\n,]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** At most this many InstanceIds in one SaveBatchDomainRemark (the document: 每组最多50条). */
const MAX_REMARK_IDS = 50;

export const groupsHandlers: Handlers = {
  SaveDomainGroup: (call) => {
    const name = typeof call.input.DomainGroupName === 'string' ? call.input.DomainGroupName.trim() : '';
    if (name === '') throw apiError('MissingParameter', 'DomainGroupName');
    const renaming = call.input.DomainGroupId === undefined ? undefined : groupById(call);
    const clash = name === UNGROUPED.DomainGroupName || call.state.data.groups.some((g) => g !== renaming && g.DomainGroupName === name);
    if (clash) throw apiError('InvalidParameter', 'DomainGroupName', `A domain group named ${name} exists.`);
    let g: Group;
    if (renaming !== undefined) {
      g = renaming;
      g.DomainGroupName = name;
      g.ModificationDate = call.now;
    } else {
      g = { DomainGroupId: String(call.state.nextId()), DomainGroupName: name, CreationDate: call.now, ModificationDate: call.now };
      call.state.data.groups.push(g);
    }
    // This response types the id as an integer (QueryDomainGroupList's rows: a string).
    return shaped(call.meta.sample, { ...row(call, g), DomainGroupId: Number(g.DomainGroupId) });
  },

  // Deleting a group with domains is allowed (the document: a group of over 1000 domains takes a
  // while): its domains become ungrouped.
  DeleteDomainGroup: (call) => {
    const g = groupById(call);
    for (const d of members(call, g.DomainGroupId)) delete d.DomainGroupId;
    call.state.data.groups = call.state.data.groups.filter((x) => x !== g);
    return shaped(call.meta.sample, {});
  },

  QueryDomainGroupList: (call) => {
    const path = ['Data', 'DomainGroup'];
    const template = itemTemplate(call.meta.sample, path) as Record<string, unknown>;
    // The ungrouped domains' group keeps the sample's dates: the emulator does not model when the account opened.
    const ungrouped = { ...template, ...UNGROUPED, TotalNumber: members(call, UNGROUPED.DomainGroupId).length };
    const filter = typeof call.input.DomainGroupName === 'string' ? call.input.DomainGroupName : '';
    const rows = [ungrouped, ...call.state.data.groups.map((g) => row(call, g))]
      .filter((r) => String(r.DomainGroupName).includes(filter))
      .map((r) => shaped(template, r));
    return withItems(call.meta.sample, path, rows);
  },

  UpdateDomainToDomainGroup: (call) => {
    const toUngrouped = text(call.input.DomainGroupId) === UNGROUPED.DomainGroupId;
    // Moving names to the ungrouped list takes them out of their groups; "replacing" it means nothing.
    if (toUngrouped && call.input.Replace === true)
      throw apiError('InvalidParameter', 'Replace', 'The ungrouped list (-1) cannot be replaced.');
    const g = toUngrouped ? undefined : groupById(call);
    const fromFile = call.input.DataSource === 2;
    const param = fromFile ? 'FileToUpload' : 'DomainName';
    let names: string[];
    if (fromFile) {
      if (typeof call.input.FileToUpload !== 'string' || call.input.FileToUpload === '') throw apiError('MissingParameter', 'FileToUpload');
      names = namesInFile(call.input.FileToUpload);
    } else names = (call.input.DomainName as string[] | undefined) ?? [];
    if (names.length === 0) throw apiError('MissingParameter', param);
    const domains = distinct(names).map((n) => domainNamed(call, n, param));
    if (g === undefined) {
      for (const d of domains) delete d.DomainGroupId;
      return shaped(call.meta.sample, {});
    }
    if (call.input.Replace === true) for (const d of members(call, g.DomainGroupId)) delete d.DomainGroupId;
    for (const d of domains) d.DomainGroupId = g.DomainGroupId;
    g.ModificationDate = call.now;
    return shaped(call.meta.sample, {});
  },

  SaveBatchDomainRemark: (call) => {
    // The document: instance ids separated by commas, at most 50 in one request.
    const raw = typeof call.input.InstanceIds === 'string' ? call.input.InstanceIds : '';
    const ids = distinct(
      raw
        .split(/[,，]/)
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    );
    if (ids.length === 0) throw apiError('MissingParameter', 'InstanceIds');
    if (ids.length > MAX_REMARK_IDS)
      throw apiError('InvalidParameter', 'InstanceIds', `At most ${MAX_REMARK_IDS} instance ids in one request.`);
    const domains = ids.map((id) => domainOfInstance(call, id, 'InstanceIds'));
    const remark = typeof call.input.Remark === 'string' ? call.input.Remark : '';
    for (const d of domains) d.Remark = remark;
    return shaped(call.meta.sample, {});
  },
};
