// Rebuilds the tree of a response table. The PDF shows rows one after another; nesting is
// implied: rows after "X Array of Y" / "X Struct" belong to X until the table moves on.
// The examples tell which fields an object holds; where they are silent, rows within one
// object are in alphabetical order in this document, so a name that sorts before its
// predecessor has left the object. Overrides settle what neither tells.

const CONTAINERS = new Set(['Array', 'Struct', 'Object']);

/** @typedef {import('./types.js').TreeNode} TreeNode */
/** @typedef {TreeNode & { children: TreeNode[] }} Container */
/** @typedef {import('./types.js').KeyIndex} KeyIndex */

/**
 * @param {import('./types.js').Row[]} rows response rows from readRows
 * @param {KeyIndex} index key sets from the examples (see keyIndex)
 * @returns {import('./types.js').RootNode} root node { row: { name: '' }, children }, each node { row, children? }
 */
export function nestRows(rows, index) {
  /** @type {import('./types.js').RootNode} */
  const root = { row: { name: '' }, children: [] };
  /** @type {Container[]} */
  const stack = [root];
  for (const row of rows) {
    /** @type {TreeNode} */
    const node = { row };
    if (row.name === 'RequestId') stack.length = 1;
    else while (stack.length > 1 && !belongs(stack, row.name, index)) stack.pop();
    top(stack).children.push(node);
    if (CONTAINERS.has(row.type)) {
      node.children = [];
      stack.push(/** @type {Container} */ (node));
    }
  }
  return root;
}

/** @param {Container[]} stack never empty: the root stays */
const top = (stack) => /** @type {Container} */ (stack.at(-1));

/** @param {TreeNode} node @param {KeyIndex} index */
const keysOf = (node, index) => index.get(node.row.name.toLowerCase());

/**
 * Whether the row `name` belongs to the innermost open container.
 * @param {Container[]} stack
 * @param {string} name
 * @param {KeyIndex} index
 */
function belongs(stack, name, index) {
  const lower = name.toLowerCase();
  const container = top(stack);
  const keys = keysOf(container, index);
  if (keys?.has(lower)) return true;
  // The examples place it further out: it has left this object.
  if (keys?.size && stack.slice(0, -1).some((n) => keysOf(n, index)?.has(lower))) return false;
  const last = container.children.at(-1);
  return !last || last.row.name.toLowerCase() <= lower;
}
