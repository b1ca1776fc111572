// What a user does in the VS Code workbench, as Playwright keyboard input, each action followed by a wait
// for the DOM state it leads to. Selectors are VS Code's own class names.

export const TIMEOUT = 30_000;

const quickInput = '.quick-input-widget';
const quickInputRow = `${quickInput} .monaco-list-row`;
// The row Enter would accept. Waiting on any matching row is not enough: before the filter applies, the list
// still shows recent entries, and one of them may match too.
const focusedQuickInputRow = `${quickInputRow}.focused`;

/** Loads the workbench on a folder and waits until the explorer shows the folder's files. */
export async function openWorkbench(page, url, expectedFile) {
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: expectedFile }).first().waitFor({ timeout: 60_000 });
}

/** Opens a file through Quick Open (Ctrl+P) and waits until its editor has focus. */
export async function openFile(page, fileName) {
  await focusWorkbench(page);
  await page.keyboard.press('Control+P');
  await page.locator(`${quickInput} input`).waitFor({ state: 'visible', timeout: TIMEOUT });
  await page.keyboard.type(fileName);
  await page.locator(focusedQuickInputRow, { hasText: fileName }).waitFor({ timeout: TIMEOUT });
  await page.keyboard.press('Enter');
  await page.locator(quickInput).waitFor({ state: 'hidden', timeout: TIMEOUT });
  await page.locator('.tab.active', { hasText: fileName }).waitFor({ timeout: TIMEOUT });
  await page.locator('.editor-instance .monaco-editor.focused').waitFor({ timeout: TIMEOUT });
}

/** Moves the cursor with Go to Line (Ctrl+G); line and column are one-based, as the widget takes them. */
export async function goTo(page, line, column) {
  await page.keyboard.press('Control+G');
  await page.locator(`${quickInput} input`).waitFor({ state: 'visible', timeout: TIMEOUT });
  await page.keyboard.type(`${line}:${column}`);
  // The widget echoes the target ("Go to line 6 and character 25") once it has read the whole input.
  await page.locator(quickInput, { hasText: new RegExp(`line ${line}\\D+${column}\\b`, 'i') }).waitFor({ timeout: TIMEOUT });
  await page.keyboard.press('Enter');
  await page.locator(quickInput).waitFor({ state: 'hidden', timeout: TIMEOUT });
  await page.locator('.editor-instance .monaco-editor.focused').waitFor({ timeout: TIMEOUT });
}

/** Runs a command by its palette title (F1), waiting for the row before accepting it. */
export async function runCommand(page, title) {
  await focusWorkbench(page);
  await page.keyboard.press('F1');
  await page.locator(`${quickInput} input`).waitFor({ state: 'visible', timeout: TIMEOUT });
  await page.keyboard.type(title);
  await page.locator(focusedQuickInputRow, { hasText: title }).waitFor({ timeout: TIMEOUT });
  await page.keyboard.press('Enter');
}

/** The title of the quick input on screen, or undefined when none is open. */
export async function quickInputTitle(page) {
  const widget = page.locator(`${quickInput}:not(.quick-input-widget-closing)`);
  if (!(await widget.isVisible())) return undefined;
  return (await widget.locator('.quick-input-title').innerText().catch(() => '')).trim();
}

/**
 * Answers the open quick pick: with a value, types it and accepts the row whose label is exactly that value;
 * without one, accepts the row the pick offers first, as a user who takes the default does. Returns once
 * the pick has closed or given way to the next one.
 */
export async function answerQuickPick(page, value) {
  const title = await quickInputTitle(page);
  if (value !== undefined) {
    await page.locator(`${quickInput} input`).fill(value);
    // The list filters as the value changes; accept only once the focused row is the typed value itself, or
    // the pick's "as typed" row when no row holds that value.
    const exact = new RegExp(`^\\s*${escapeRegExp(value)}\\s*$`);
    const focused = page.locator(focusedQuickInputRow);
    await focused.filter({ has: page.locator('.label-name', { hasText: exact }) }).or(focused.filter({ hasText: 'as typed' })).first().waitFor({ timeout: TIMEOUT });
  } else {
    await page.locator(focusedQuickInputRow).waitFor({ timeout: TIMEOUT });
  }
  await page.keyboard.press('Enter');
  await waitUntil(`the quick pick "${title}" to close`, async () => (await quickInputTitle(page)) !== title);
}

/** Re-reads DOM state until `probe` holds: for state that no single selector expresses. */
export async function waitUntil(what, probe, timeout = TIMEOUT) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (await probe()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out after ${timeout / 1000} s waiting for ${what}`);
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One-based line and column of the first occurrence of `needle` in `text`. */
export function positionOf(text, needle) {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`"${needle}" not found in the fixture`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** Text visible in notifications or in any webview frame; the simulation result may be shown in either. */
export async function visibleResultText(page) {
  const parts = [];
  const toasts = page.locator('.notifications-toasts .notification-toast');
  for (const toast of await toasts.all()) {
    if (await toast.isVisible()) parts.push(await toast.innerText());
  }
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    try {
      // Hidden webviews keep their documents; only a rendered body is something the user sees.
      parts.push(await frame.evaluate(() => (document.body?.checkVisibility?.() ? document.body.innerText : '')));
    } catch {
      // A frame that navigated away mid-read has nothing to show.
    }
  }
  return parts.join('\n');
}

/** Waits until `predicate(text)` holds for the visible result text. */
export async function waitForResultText(page, predicate, timeout = TIMEOUT) {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    last = await visibleResultText(page);
    if (predicate(last)) return last;
    // Polls the DOM (not a fixed sleep): the result can land in a toast or in a webview's nested frame.
    await page.waitForTimeout(250);
  }
  throw new Error(`no simulation result became visible; visible text was:\n${last.slice(0, 2000)}`);
}

/**
 * Lines of the active editor that carry an extension decoration (class `ced-…`) with a background.
 * Returns the text of each decorated line, matched to view lines by their vertical position.
 */
export async function decoratedLineTexts(page) {
  return page.evaluate(() => {
    const texts = [];
    // Every visible editor: the result view may have split the editor area.
    for (const editor of document.querySelectorAll('.editor-instance .monaco-editor')) {
      const tops = new Set();
      for (const overlay of editor.querySelectorAll('.view-overlays > div')) {
        const decorated = [...overlay.children].some((child) => [...child.classList].some((name) => name.startsWith('ced-')));
        if (decorated) tops.add(overlay.style.top);
      }
      for (const line of editor.querySelectorAll('.view-lines .view-line')) {
        if (tops.has(line.style.top)) texts.push(line.textContent ?? '');
      }
    }
    return texts;
  });
}

async function focusWorkbench(page) {
  // Shortcuts go to whatever has focus; the editor area (or the workbench) must own it, not the page body.
  const editor = page.locator('.editor-instance .monaco-editor textarea').first();
  if (await editor.count()) await editor.focus();
  else await page.locator('.monaco-workbench').click({ position: { x: 600, y: 300 } });
}

/**
 * Opens a file, shows the Problems panel (Ctrl+Shift+M) and waits for a row naming both `text` and
 * `code`; returns that row. A failure lists the rows the panel does show.
 */
export async function openProblemRow(page, fileName, text, code) {
  await openFile(page, fileName);
  await page.keyboard.press('Control+Shift+M');
  const row = page.locator('.markers-panel .monaco-list-row').filter({ hasText: text }).filter({ hasText: code }).first();
  try {
    await row.waitFor({ state: 'visible', timeout: TIMEOUT });
  } catch (error) {
    const rows = await page.locator('.markers-panel .monaco-list-row').allInnerTexts();
    throw new Error(`no ${code} problem for ${text} in ${fileName}; Problems panel rows: ${JSON.stringify(rows)}`, { cause: error });
  }
  return row;
}

/** Ctrl+J hides the panel again, leaving the editor its full height for the next scenario. */
export async function hideProblemsPanel(page) {
  await page.keyboard.press('Control+J');
  await page.locator('.markers-panel').waitFor({ state: 'hidden', timeout: TIMEOUT });
}

/**
 * Answers "IAM: Simulate Access" prompts as they come, however many the command asks: a prompt whose step
 * matches a pattern of `answers` ([pattern, value] pairs) gets that value typed, any other its default.
 * Returns once `showsDecision(visible result text)` holds for a new result, after an action and a resource were
 * asked; times out otherwise, naming the prompts answered.
 */
export async function answerSimulationPrompts(page, answers, showsDecision) {
  const asked = [];
  let resultText = '';
  // A result view left open by an earlier simulation shows a decision between this command's prompts
  // too: only a result that differs from it, after the action and the resource were asked, is this one's.
  const before = await visibleResultText(page);
  const askedFor = (pattern) => asked.some((step) => pattern.test(step));
  await waitUntil('the simulation prompts to finish and a decision to show', async () => {
    const title = await quickInputTitle(page);
    if (title && !title.startsWith('IAM: Simulate Access')) return false;
    if (title) {
      const step = title.split('—').pop() ?? title;
      asked.push(step.trim());
      await answerQuickPick(page, answers.find(([pattern]) => pattern.test(step))?.[1]);
      return false;
    }
    resultText = await visibleResultText(page);
    return askedFor(/Action/i) && askedFor(/Resource/i) && resultText !== before && showsDecision(resultText);
  }, TIMEOUT * 2).catch((error) => {
    throw new Error(`${error.message}; prompts answered: ${JSON.stringify(asked)}; visible result text: ${JSON.stringify(resultText.slice(0, 500))}`);
  });
  return resultText;
}
