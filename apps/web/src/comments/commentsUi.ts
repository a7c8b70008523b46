import type { TextAnchor } from "@karta/doc";
import type { GridSession } from "../grid/gridSession.ts";

/** What the thread popover is about. */
export type PopoverTarget =
  /** A cell: its threads, and a form for a new one. */
  | { readonly kind: "cell"; readonly tableId: string; readonly rowId: string; readonly columnId: string }
  /** A phrase just selected: the form for its first comment. */
  | { readonly kind: "draft"; readonly anchor: TextAnchor }
  /** One thread, shown where it stands (a highlighted phrase clicked). */
  | { readonly kind: "thread"; readonly threadId: string };

/** The small menu of a right-clicked cell. */
export interface CellMenu {
  readonly x: number;
  readonly y: number;
  readonly tableId: string;
  readonly rowId: string;
  readonly columnId: string;
}

export type ThreadFilter = "open" | "resolved" | "all";

export interface CommentsUiState {
  readonly panelOpen: boolean;
  readonly filter: ThreadFilter;
  readonly popover: PopoverTarget | null;
  readonly menu: CellMenu | null;
  /** The thread looked at (in the popover, or gone to from the panel): its phrase is drawn stronger. */
  readonly activeThreadId: string | null;
}

/** What the page's comments need of a table on screen: its grid, to find, select and show a cell. */
export interface TableHandle {
  readonly session: GridSession;
  readonly container: HTMLElement;
}

/** What they need of a section's editor: where a phrase is on screen, and selecting it. */
export interface SectionHandle {
  rectOf(anchor: Pick<TextAnchor, "start" | "end">): DOMRect | null;
  select(anchor: Pick<TextAnchor, "start" | "end">): boolean;
  readonly element: HTMLElement | null;
}

const CLOSED: CommentsUiState = {
  panelOpen: false,
  filter: "open",
  popover: null,
  menu: null,
  activeThreadId: null,
};

/**
 * The comments UI of one document page, outside React: whether the panel is
 * open, which popover or menu is shown, which thread is looked at, and the
 * tables and sections on screen (registered by the grid and the editors) to
 * go to a thread's place.
 */
export class CommentsUi {
  private state: CommentsUiState = CLOSED;
  private readonly listeners = new Set<() => void>();
  private readonly tables = new Map<string, TableHandle>();
  private readonly sections = new Map<string, SectionHandle>();

  getState = (): CommentsUiState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  registerTable(tableId: string, handle: TableHandle): () => void {
    this.tables.set(tableId, handle);
    return () => {
      if (this.tables.get(tableId) === handle) this.tables.delete(tableId);
    };
  }

  registerSection(sectionId: string, handle: SectionHandle): () => void {
    this.sections.set(sectionId, handle);
    return () => {
      if (this.sections.get(sectionId) === handle) this.sections.delete(sectionId);
    };
  }

  table(tableId: string): TableHandle | undefined {
    return this.tables.get(tableId);
  }

  section(sectionId: string): SectionHandle | undefined {
    return this.sections.get(sectionId);
  }

  togglePanel(): void {
    this.set({ panelOpen: !this.state.panelOpen });
  }

  openPanel(): void {
    this.set({ panelOpen: true });
  }

  closePanel(): void {
    this.set({ panelOpen: false });
  }

  setFilter(filter: ThreadFilter): void {
    this.set({ filter });
  }

  showMenu(menu: CellMenu): void {
    this.set({ menu });
  }

  closeMenu(): void {
    if (this.state.menu) this.set({ menu: null });
  }

  openPopover(popover: PopoverTarget): void {
    this.set({
      popover,
      menu: null,
      activeThreadId: popover.kind === "thread" ? popover.threadId : this.state.activeThreadId,
    });
  }

  closePopover(): void {
    if (this.state.popover || this.state.activeThreadId) this.set({ popover: null, activeThreadId: null });
  }

  setActiveThread(threadId: string | null): void {
    if (this.state.activeThreadId !== threadId) this.set({ activeThreadId: threadId });
  }

  private set(change: Partial<CommentsUiState>): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener();
  }
}
