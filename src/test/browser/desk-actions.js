'use strict';
// The desk's two heavier actions as an operator takes them from its home: replay a parked input whose cause was
// removed, and settle a claim on goods the customer returned. A settlement without a reason is tried first (the
// browser's `required` taken off, as a script or an old browser would post it) and must be refused. A second parked
// input is replayed with the reason left empty, and what the desk answers is recorded.
// Prints {"home": {...}, "replayed", "refused", "settled", "after": {...}, "blankReplay": {...}, "screenshots": [...]}.
// usage: node desk-actions.js <baseUrl> <operator> <password> <deadLetter> <blankDeadLetter> <claim> <decision>
//        <screenshotDir>
const path = require('node:path');
const { launch, run } = require('./lib');

const WAIT = 60_000;

/** What the home lists, by the ids of its items. */
function lists(page) {
  return page.evaluate(() => ({
    url: location.pathname,
    deadLetters: Array.from(document.querySelectorAll('#dead-letters li')).map((li) => li.id),
    claims: Array.from(document.querySelectorAll('#claims li')).map((li) => li.id),
  }));
}

/** The item's visible text, one space between words. */
async function text(locator) {
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

run(['baseUrl', 'operator', 'password', 'deadLetter', 'blankDeadLetter', 'claim', 'decision', 'screenshotDir'],
async (a) => {
  const browser = await launch();
  const shots = [];
  const shot = async (page, name, target) => {
    const file = path.join(a.screenshotDir, name);
    await (target || page).screenshot({ path: file, fullPage: !target });
    shots.push(file);
  };
  try {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(WAIT);
    await page.goto(`${a.baseUrl}/desk`, { waitUntil: 'domcontentloaded' });
    await page.fill('#username', a.operator);
    await page.fill('#password', a.password);
    await Promise.all([page.waitForNavigation({ waitUntil: 'domcontentloaded' }), page.click('button[type=submit]')]);
    await page.waitForSelector('#dead-letters');
    const home = await lists(page);
    const letter = page.locator(`li[id="dead-letter-${a.deadLetter}"]`);
    const claim = page.locator(`li[id="claim-${a.claim}"]`);
    home.deadLetterText = await text(letter);
    home.claimText = await text(claim);
    home.decisions = await claim.locator('select[name=decision] option').evaluateAll(
      (options) => options.map((o) => o.value));
    await shot(page, 'desk-actions-home.png');
    await letter.scrollIntoViewIfNeeded();
    await shot(page, 'desk-actions-items.png', page.locator('#dead-letters'));

    // the replay, with the reason the cause was removed
    await letter.locator('input[name=reason]').fill('poisoned-input fault fixed (INC-1818)');
    await letter.locator('button', { hasText: 'Replay' }).click();
    await page.waitForFunction((id) => !document.getElementById(id), `dead-letter-${a.deadLetter}`);
    await page.waitForSelector('.flash.ok');
    const replayed = (await page.textContent('.flash.ok')).trim();
    await shot(page, 'desk-actions-replayed.png', page.locator('main'));

    // a settlement without a reason, past the browser's own check: refused, the claim still listed
    await claim.locator('select[name=decision]').selectOption(a.decision);
    await claim.locator('input[name=reason]').evaluate((input) => input.removeAttribute('required'));
    await claim.locator('button', { hasText: 'Settle' }).click();
    await page.waitForSelector('.flash.refused');
    const refused = (await page.textContent('.flash.refused')).trim();
    const afterRefusal = await lists(page);
    await shot(page, 'desk-actions-refused.png', page.locator('main'));

    // the settlement, with the reason the customer is told
    await claim.locator('select[name=decision]').selectOption(a.decision);
    await claim.locator('input[name=reason]').fill('ten tablets damaged in transit; not worth shipping back');
    await claim.locator('button', { hasText: 'Settle' }).click();
    await page.waitForFunction((id) => !document.getElementById(id), `claim-${a.claim}`);
    await page.waitForSelector('.flash.ok');
    const settled = (await page.textContent('.flash.ok')).trim();
    await shot(page, 'desk-actions-settled.png', page.locator('main'));

    // a replay without a reason, past the browser's own check: refused, nothing run, the dead letter still listed
    const blank = page.locator(`li[id="dead-letter-${a.blankDeadLetter}"]`);
    await blank.locator('input[name=reason]').evaluate((input) => input.removeAttribute('required'));
    const answered = page.waitForResponse((r) => r.request().method() === 'POST'
      && r.url().endsWith(`/desk/dead-letters/${a.blankDeadLetter}/replay`));
    await blank.locator('button', { hasText: 'Replay' }).click();
    const response = await answered;
    // answered with the desk again (a redirect), showing why nothing was done
    await page.waitForSelector('.flash.refused');
    const blankReplay = {
      status: response.status(),
      flash: await page.locator('.flash').allTextContents(),
      stillListed: (await page.locator(`li[id="dead-letter-${a.blankDeadLetter}"]`).count()) === 1,
    };
    await shot(page, 'desk-actions-blank-replay.png');

    await page.reload({ waitUntil: 'domcontentloaded' });
    const after = await lists(page);
    await shot(page, 'desk-actions-after.png');
    return { home, replayed, refused, afterRefusal, settled, blankReplay, after, screenshots: shots };
  } finally {
    await browser.close();
  }
});
