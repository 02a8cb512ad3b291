// The spec's tags: one per area of the API (overrides/tags.yaml), with its English display name,
// and `x-tagGroups` keeping the document's own grouping by chapter (4 信息模板接口, 5 域名管理接口).

/** @typedef {import('../types.js').Schema} Schema */
/** @typedef {import('../types.js').Action} Action */
/** @typedef {import('../types.js').TagOverride} TagOverride */

/**
 * @param {Action[]} actions
 * @param {TagOverride[]} tags from overrides/tags.yaml (checked by checkOverrideTargets)
 * @param {Record<string, string>} chapters the English name of each chapter (overrides/document.yaml)
 * @returns {{ tags: Schema[], groups: Schema[], tagOf: (action: string) => string }}
 */
export function buildTags(actions, tags, chapters) {
  /** @type {Map<string, string>} */
  const byAction = new Map(tags.flatMap((t) => t.actions.map((name) => /** @type {[string, string]} */ ([name, t.name]))));
  const untagged = actions.filter((a) => !byAction.has(a.name)).map((a) => a.name);
  if (untagged.length) throw new Error(`spec/overrides/tags.yaml: no tag for ${untagged.join(', ')}; every Action needs one`);
  const chapterOf = (/** @type {TagOverride} */ t) => /** @type {Action} */ (actions.find((a) => a.name === t.actions[0]));
  const used = tags.filter((t) => t.actions.length > 0);
  /** @type {Schema[]} */
  const groups = [];
  for (const t of used) {
    const { chapter, group } = chapterOf(t);
    const name = chapters[chapter] ? `${chapters[chapter]} (${group})` : group;
    let g = groups.find((x) => x.name === name);
    if (!g) groups.push((g = { name, tags: [] }));
    g.tags.push(t.name);
  }
  return {
    tags: used.map((t) => {
      const { chapter, group } = chapterOf(t);
      return {
        name: t.name,
        'x-displayName': t.displayName,
        description: `${t.description}\n\nIn the document: chapter ${chapter}, ${group}.`,
        'x-alidomain-chapter': chapter,
      };
    }),
    groups,
    tagOf: (name) => /** @type {string} */ (byAction.get(name)),
  };
}
