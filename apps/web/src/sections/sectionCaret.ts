import { CollaborationCaret } from "@tiptap/extension-collaboration-caret";
import { yCursorPlugin } from "@tiptap/y-tiptap";

/**
 * Colleagues' carets and selections in one section. The stock extension
 * announces `user` itself (the presence store already does, with initials)
 * and binds the caret plugin to the whole awareness; here its options and
 * drawing are kept, and the plugin gets the section's own view of awareness
 * (`SectionAwareness`), so that several sections and the table share one.
 */
export const SectionCaret = CollaborationCaret.extend({
  addProseMirrorPlugins() {
    const { provider, render, selectionRender } = this.options;
    return [
      yCursorPlugin(provider.awareness, {
        cursorBuilder: (user: Record<string, unknown>) => render(user),
        selectionBuilder: (user: Record<string, unknown>) => selectionRender(user),
      }),
    ];
  },
});
