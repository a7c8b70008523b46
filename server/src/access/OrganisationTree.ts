import type { OrganisationKind } from "@karta/schema";

export interface TreeNode {
  readonly id: string;
  readonly parentId: string | null;
  readonly kind: OrganisationKind;
  readonly name: string;
}

/** The region → municipality → school tree, for scope questions ("is X below Y?"). */
export class OrganisationTree {
  private readonly nodes = new Map<string, TreeNode>();
  private readonly children = new Map<string, string[]>();

  constructor(nodes: Iterable<TreeNode>) {
    for (const node of nodes) {
      this.nodes.set(node.id, node);
      if (node.parentId !== null) {
        const list = this.children.get(node.parentId) ?? [];
        list.push(node.id);
        this.children.set(node.parentId, list);
      }
    }
  }

  get(id: string): TreeNode | undefined {
    return this.nodes.get(id);
  }

  /** The node and everything above it, nearest first; empty for an unknown id. */
  ancestorsOrSelf(id: string): string[] {
    const chain: string[] = [];
    let node = this.nodes.get(id);
    while (node && !chain.includes(node.id)) {
      chain.push(node.id);
      node = node.parentId === null ? undefined : this.nodes.get(node.parentId);
    }
    return chain;
  }

  /** Whether `id` is `ancestor` or lies below it. */
  isWithin(id: string, ancestor: string): boolean {
    return this.ancestorsOrSelf(id).includes(ancestor);
  }

  /** The node and everything below it. */
  subtree(id: string): string[] {
    if (!this.nodes.has(id)) return [];
    const out: string[] = [];
    const stack = [id];
    while (stack.length > 0) {
      const next = stack.pop() as string;
      if (out.includes(next)) continue;
      out.push(next);
      stack.push(...(this.children.get(next) ?? []));
    }
    return out;
  }
}
