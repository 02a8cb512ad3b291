// Rebuilds the tree of a response table. The PDF shows rows one after another; nesting is
// implied: rows after "X Array of Y" / "X Struct" belong to X until the table moves on.
// The examples tell which fields an object holds; where they are silent, rows within one
// object are in alphabetical order in this document, so a name that sorts before its
// predecessor has left the object. Overrides settle what neither tells.

const CONTAINERS = new Set(['Array', 'Struct', 'Object']);

/**
 * @param rows response rows from readRows
 * @param index key sets from the examples (see keyIndex)
 * @returns root node { name: '', children: [node…] }, each node { row, children? }
 */
export function nestRows(rows, index) {
  const root = { row: { name: '' }, children: [] };
  const stack = [root];
  for (const row of rows) {
    const node = { row };
    if (row.name === 'RequestId') stack.length = 1;
    else while (stack.length > 1 && !belongs(stack, row.name, index)) stack.pop();
    stack.at(-1).children.push(node);
    if (CONTAINERS.has(row.type)) {
      node.children = [];
      stack.push(node);
    }
  }
  return root;
}

const keysOf = (node, index) => index.get(node.row.name.toLowerCase());

function belongs(stack, name, index) {
  const lower = name.toLowerCase();
  const container = stack.at(-1);
  const keys = keysOf(container, index);
  if (keys?.has(lower)) return true;
  // The examples place it further out: it has left this object.
  if (keys?.size && stack.slice(0, -1).some((n) => keysOf(n, index)?.has(lower))) return false;
  const last = container.children.at(-1);
  return !last || last.row.name.toLowerCase() <= lower;
}
