// Lays out a spread tree for drawing: one column per depth, one row per
// leaf in depth-first order, each parent centred on its children. Roots
// (the introducer, then those who found the item on their own) stack
// top to bottom in adoption order. Pure.
export interface LayoutInput {
  parent: number | null;
}

export interface Layout {
  column: number[]; // by node index
  row: number[]; // by node index; fractional for centred parents
  columns: number;
  rows: number;
}

export function layoutSpread(nodes: LayoutInput[]): Layout {
  const children: number[][] = nodes.map(() => []);
  const roots: number[] = [];
  nodes.forEach((n, i) => {
    const p = n.parent;
    if (p == null || p < 0 || p >= i) roots.push(i);
    else children[p]?.push(i);
  });
  const column = nodes.map(() => 0);
  const row = nodes.map(() => 0);
  let nextRow = 0;
  let columns = 0;
  // Iterative post-order so deep chains cannot overflow the stack.
  for (const root of roots) {
    const stack = [{ node: root, depth: 0, visited: false }];
    for (let top = stack.pop(); top; top = stack.pop()) {
      const kids = children[top.node] ?? [];
      column[top.node] = top.depth;
      columns = Math.max(columns, top.depth + 1);
      if (kids.length === 0) {
        row[top.node] = nextRow++;
      } else if (top.visited) {
        const first = row[kids[0] ?? 0] ?? 0;
        const last = row[kids[kids.length - 1] ?? 0] ?? 0;
        row[top.node] = (first + last) / 2;
      } else {
        stack.push({ ...top, visited: true });
        for (let k = kids.length - 1; k >= 0; k--) {
          stack.push({ node: kids[k] ?? 0, depth: top.depth + 1, visited: false });
        }
      }
    }
  }
  return { column, row, columns, rows: nextRow };
}
