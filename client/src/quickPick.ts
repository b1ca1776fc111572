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
}

/**
 * A quick pick of grouped values that also accepts whatever the user types. Resolves to the chosen
 * value, or undefined when dismissed. Duplicates across sections keep their first place.
 */
export function pickValue(options: PickOptions): Promise<string | undefined> {
  const pick = vscode.window.createQuickPick<Item>();
  pick.title = options.title;
  pick.placeholder = options.placeholder;
  pick.matchOnDescription = true;
  let sections = [...options.sections];
  let base = toItems(sections);
  let known = valuesOf(base);
  const refresh = () => {
    const typed = pick.value.trim();
    const typedItem: Item[] = options.acceptTyped && typed && !known.has(typed.toLowerCase()) ? [{ label: typed, description: 'as typed', value: typed, alwaysShow: true }] : [];
    pick.items = [...typedItem, ...base];
  };
  pick.onDidChangeValue(refresh);
  refresh();
  if (options.later) {
    pick.busy = true;
    options
      .later()
      .then((section) => {
        sections = [...sections, section];
        base = toItems(sections);
        known = valuesOf(base);
        const active = pick.activeItems;
        refresh();
        // Appending must not move the user's highlight back to the top.
        if (active.length > 0) pick.activeItems = pick.items.filter((item) => item.value !== undefined && item.value === active[0]!.value).slice(0, 1);
      })
      .catch(() => undefined)
      .finally(() => (pick.busy = false));
  }
  return new Promise((resolve) => {
    let done = false;
    pick.onDidAccept(() => {
      const chosen = pick.selectedItems[0]?.value ?? (options.acceptTyped ? pick.value.trim() : '');
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

function valuesOf(items: readonly Item[]): Set<string> {
  return new Set(items.filter((item) => item.value !== undefined).map((item) => item.value!.toLowerCase()));
}

function toItems(sections: readonly Section[]): Item[] {
  const seen = new Set<string>();
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
