// Handlers of the registrant profile (信息模板) Actions: save, query, delete, set the default, and
// the real-name submissions, which mark a profile AUDITING (the registry's review, 3~5 working days
// per the document, is not simulated: tests move a profile on by editing `emulator.state`).
import { apiError } from '../errors.js';
import type { Profile } from '../state/records.js';
import { dateTime, paged, shaped, type Call, type Handlers } from './context.js';

/** The holder fields a save copies from its input onto the profile. */
const HOLDER_FIELDS = [
  'RegistrantProfileType',
  'RegistrantType',
  'RegistrantName',
  'RegistrantOrganization',
  'ZhRegistrantName',
  'ZhRegistrantOrganization',
  'Country',
  'Province',
  'City',
  'Address',
  'ZhProvince',
  'ZhCity',
  'ZhAddress',
  'PostalCode',
  'TelArea',
  'Telephone',
  'TelExt',
  'Email',
] as const;

/** The profile `RegistrantProfileId` names, or InvalidParameter naming `param`. */
export function existingProfile(call: Call, id: unknown, param = 'RegistrantProfileId'): Profile {
  const found = typeof id === 'number' ? call.state.profile(id) : undefined;
  if (found === undefined) throw apiError('InvalidParameter', param, `No registrant profile ${String(id)} in this account.`);
  return found;
}

function makeDefault(call: Call, profile: Profile): void {
  // Only one default profile per account.
  for (const p of call.state.data.profiles) p.DefaultRegistrantProfile = p === profile;
}

/** Creates a profile from the input, or updates the one its RegistrantProfileId names. */
function save(call: Call, realName: boolean): Profile {
  const input = call.input;
  let profile: Profile;
  if (input.RegistrantProfileId !== undefined) {
    profile = existingProfile(call, input.RegistrantProfileId);
    const oldEmail = profile.Email;
    for (const f of HOLDER_FIELDS) if (typeof input[f] === 'string') (profile as unknown as Record<string, unknown>)[f] = input[f];
    // A new address has to be verified again.
    if (profile.Email.toLowerCase() !== oldEmail.toLowerCase()) profile.EmailVerificationStatus = 0;
    profile.UpdateTime = call.now;
  } else {
    profile = {
      RegistrantProfileId: call.state.nextId(),
      RegistrantProfileType: 'common',
      RegistrantType: '1',
      RegistrantName: '',
      RegistrantOrganization: '',
      ZhRegistrantName: '',
      ZhRegistrantOrganization: '',
      Country: '',
      Province: '',
      City: '',
      Address: '',
      ZhProvince: '',
      ZhCity: '',
      ZhAddress: '',
      PostalCode: '',
      TelArea: '',
      Telephone: '',
      TelExt: '',
      Email: '',
      EmailVerificationStatus: 0,
      // A new profile has not been through real-name verification.
      RealNameStatus: 'NONAUDIT',
      DefaultRegistrantProfile: false,
      CreateTime: call.now,
      UpdateTime: call.now,
    };
    for (const f of HOLDER_FIELDS) if (typeof input[f] === 'string') (profile as unknown as Record<string, unknown>)[f] = input[f];
    // An address already verified on another profile of the account stays verified.
    const known = call.state.data.profiles.some(
      (p) => p.EmailVerificationStatus === 1 && p.Email !== '' && p.Email.toLowerCase() === profile.Email.toLowerCase(),
    );
    profile.EmailVerificationStatus = known ? 1 : 0;
    call.state.data.profiles.push(profile);
  }
  if (input.DefaultRegistrantProfile === true) makeDefault(call, profile);
  else if (input.DefaultRegistrantProfile === false) profile.DefaultRegistrantProfile = false;
  if (realName && profile.RealNameStatus !== 'SUCCEED') profile.RealNameStatus = 'AUDITING';
  return profile;
}

/** A profile as QueryRegistrantProfiles lists it. */
export function profileRow(p: Profile): Record<string, unknown> {
  return { ...p, CreateTime: dateTime(p.CreateTime), UpdateTime: dateTime(p.UpdateTime) };
}

const contains = (value: string, part: unknown) => typeof part !== 'string' || value.toLowerCase().includes(part.toLowerCase());

function remove(call: Call, ids: readonly number[]): void {
  const gone = new Set(ids);
  const list = call.state.data.profiles;
  for (let i = list.length - 1; i >= 0; i--) if (gone.has(list[i]!.RegistrantProfileId)) list.splice(i, 1);
}

export const profilesHandlers: Handlers = {
  SaveRegistrantProfile: (call) => shaped(call.meta.sample, { RegistrantProfileId: save(call, false).RegistrantProfileId }),

  // Saving with identity credentials submits the profile for review: AUDITING until someone changes it.
  SaveRegistrantProfileRealNameVerification: (call) =>
    shaped(call.meta.sample, { RegistrantProfileId: save(call, true).RegistrantProfileId }),

  RegistrantProfileRealNameVerification: (call) => {
    const profile = existingProfile(call, call.input.RegistrantProfileID, 'RegistrantProfileID');
    if (profile.RealNameStatus !== 'SUCCEED') profile.RealNameStatus = 'AUDITING';
    profile.UpdateTime = call.now;
    return shaped(call.meta.sample, {});
  },

  QueryRegistrantProfiles: (call) => {
    const q = call.input;
    const rows = call.state.data.profiles
      .filter(
        (p) =>
          (q.RegistrantProfileId === undefined || p.RegistrantProfileId === q.RegistrantProfileId) &&
          (q.RegistrantType === undefined || p.RegistrantType === q.RegistrantType) &&
          (q.RegistrantProfileType === undefined || p.RegistrantProfileType === q.RegistrantProfileType) &&
          (q.RealNameStatus === undefined || p.RealNameStatus === q.RealNameStatus) &&
          (q.DefaultRegistrantProfile === undefined || p.DefaultRegistrantProfile === q.DefaultRegistrantProfile) &&
          (typeof q.Email !== 'string' || p.Email.toLowerCase() === q.Email.toLowerCase()) &&
          contains(p.RegistrantOrganization, q.RegistrantOrganization) &&
          contains(p.ZhRegistrantOrganization, q.ZhRegistrantOrganization),
      )
      .map(profileRow);
    // The document's defaults are PageNum 0 and PageSize 0 (up to 5000): 0 pages nothing, so an
    // absent or 0 PageSize answers the sample's 500 a page.
    const size = typeof q.PageSize === 'number' && q.PageSize > 0 ? q.PageSize : 500;
    return paged({ ...call, input: { ...q, PageSize: size } }, rows);
  },

  // Deleting is idempotent (a repeated request, or a retry of one whose answer was lost, succeeds):
  // an id that names no profile leaves nothing to delete.
  DeleteRegistrantProfile: (call) => {
    remove(call, [Number(call.input.RegistrantProfileId)]);
    return shaped(call.meta.sample, {});
  },

  DeleteContactTemplates: (call) => {
    // One id or several, separated by commas (the document's example is a single id).
    const raw = typeof call.input.RegistrantProfileIds === 'string' ? call.input.RegistrantProfileIds : '';
    const parts = raw
      .replace(/^\[|\]$/g, '')
      .split(/[,，\s]+/)
      .filter((s) => s !== '');
    const ids = parts.map((s) => (/^\d+$/.test(s) ? Number(s) : NaN));
    if (ids.length === 0 || ids.some((n) => !Number.isSafeInteger(n)))
      throw apiError('InvalidParameter', 'RegistrantProfileIds', 'Expected registrant profile ids separated by commas.');
    remove(call, ids);
    return shaped(call.meta.sample, {});
  },

  SetDefaultRegistrantProfile: (call) => {
    const profile = existingProfile(call, call.input.RegistrantProfileId);
    makeDefault(call, profile);
    profile.UpdateTime = call.now;
    return shaped(call.meta.sample, {});
  },
};
