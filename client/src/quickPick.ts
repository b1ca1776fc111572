import * as vscode from 'vscode';

export interface Choice {
  readonly value: string;
  readonly label?: string;
  readonly description?: string;
  readonly detail?: string;
}

export interface Section {
  readonly title: string;
  readonly choices: readonly Choice[];
}

export interface PickOptions {
  readonly title: string;
  readonly placeholder: string;
  readonly sections: readonly Section[];
  /** A section loaded after the pick opens (the whole catalogue, for instance), appended at the end. */
  readonly later?: () => Promise<Section>;
  /** The text the user types is itself a valid answer. */
  readonly acceptTyped?: boolean;
}

interface Item extends vscode.QuickPickItem {
  readonly value?: string;
  /** The row that stands for the text in the box. */
  readonly typed?: boolean;
}

/**
 * A quick pick of grouped values that also accepts whatever the user types. Resolves to the chosen
 * value, or undefined when dismissed. Duplicates across sections keep their first place.
 *
 * The items never change while the user types, and the one late section is appended after them: the
 * workbench reports the accepted row by its position in the list it shows, which can be older than the
 * extension's, so a list that changes under the user (an "as typed" row coming and going) made Enter
 * accept the row after the highlighted one. One fixed "as typed" row stands for the text in the box.
 */
export function pickValue(options: PickOptions): Promise<string | undefined> {
  const pick = vscode.window.createQuickPick<Item>();
  pick.title = options.title;
  pick.placeholder = options.placeholder;
  pick.matchOnDescription = true;
  const typedRow: Item[] = options.acceptTyped ? [{ label: '$(edit) Use the text typed above', description: 'as typed', alwaysShow: true, typed: true }] : [];
  const first = toItems(options.sections);
  pick.items = [...first, ...typedRow];
  if (options.later) {
    pick.busy = true;
    options
      .later()
      .then((section) => {
        const seen = new Set(first.filter((item) => item.value !== undefined).map((item) => item.value!.toLowerCase()));
        const active = pick.activeItems[0];
        pick.items = [...first, ...typedRow, ...toItems([section], seen)];
        // Appending must not move the user's highlight back to the top.
        if (active) pick.activeItems = [active];
      })
      .catch(() => undefined)
      .finally(() => (pick.busy = false));
  }
  return new Promise((resolve) => {
    let done = false;
    pick.onDidAccept(() => {
      const selected = pick.selectedItems[0];
      const typed = pick.value.trim();
      const chosen = selected && !selected.typed ? selected.value : options.acceptTyped ? typed : undefined;
      if (!chosen) return;
      done = true;
      resolve(chosen);
      pick.hide();
    });
    pick.onDidHide(() => {
      if (!done) resolve(undefined);
      pick.dispose();
    });
    pick.show();
  });
}

function toItems(sections: readonly Section[], seen = new Set<string>()): Item[] {
  const items: Item[] = [];
  for (const section of sections) {
    const fresh = section.choices.filter((choice) => {
      const key = choice.value.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    if (fresh.length === 0) continue;
    items.push({ label: section.title, kind: vscode.QuickPickItemKind.Separator });
    for (const choice of fresh) items.push({ label: choice.label ?? choice.value, description: choice.description, detail: choice.detail, value: choice.value });
  }
  return items;
}
