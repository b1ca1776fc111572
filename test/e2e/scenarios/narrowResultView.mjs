import { answerSimulationPrompts, openFile, runCommand, waitUntil } from '../workbench.mjs';
import { ANSWERS, showsDecision } from './simulateAccess.mjs';

/** Measures the frame that shows the result's statement table: how wide it is and how wide its content. */
async function tableFit(page) {
  for (const frame of page.frames()) {
    try {
      const fit = await frame.evaluate(() => {
        const table = document.querySelector('table');
        if (!table || !document.body?.checkVisibility?.()) return undefined;
        const root = document.documentElement;
        const cells = [...table.querySelectorAll('td')];
        return {
          viewWidth: root.clientWidth,
          contentWidth: root.scrollWidth,
          cellsPastEdge: cells.filter((cell) => cell.getBoundingClientRect().right > root.clientWidth + 1).length,
          cells: cells.length,
        };
      });
      if (fit) return fit;
    } catch {
      // A frame that navigated away mid-read has nothing to show.
    }
  }
  return undefined;
}

export const narrowResultView = {
  name: 'the simulation result fits a narrow split editor: no column is cut off',
  slug: 'narrow-result-view',
  async run({ page }) {
    // A laptop-sized window with the side bar open: each half of the split is a few hundred pixels wide.
    await page.setViewportSize({ width: 900, height: 800 });
    await openFile(page, 'reports-policy.json');
    await runCommand(page, 'IAM: Simulate Access');
    await answerSimulationPrompts(page, ANSWERS, showsDecision);
    let fit;
    await waitUntil('the result table to be laid out within the view', async () => {
      fit = await tableFit(page);
      return fit !== undefined && fit.cells > 0 && fit.viewWidth < 640 && fit.contentWidth <= fit.viewWidth + 1 && fit.cellsPastEdge === 0;
    }).catch((error) => {
      throw new Error(`${error.message}; measured: ${JSON.stringify(fit)}`);
    });
  },
  async after({ page }) {
    await page.setViewportSize({ width: 1280, height: 800 });
  },
};
