'use strict';
// Opens the PO timeline page as an operator would: the hub sends the anonymous browser to its login form,
// then back to the page, which shows the PO. Prints what the page shows:
// {"loginAsked": true, "title": "...", "status": "...", "releases": [...], "entries": [{source, kind, alert}],
//  "openAlerts": [...], "screenshot": "..."}.
// usage: node po-timeline.js <baseUrl> <user> <password> <partner> <po> <screenshot.png>
const { launch, run } = require('./lib');

const WAIT = 60_000;

run(['baseUrl', 'user', 'password', 'partner', 'po', 'screenshot'],
  async ({ baseUrl, user, password, partner, po, screenshot }) => {
    const browser = await launch();
    try {
      const page = await browser.context.newPage();
      page.setDefaultTimeout(WAIT);
      // the login page may name resources this closed network never delivers: do not wait for 'load'
      await page.goto(`${baseUrl}/ops/timeline.html?partner=${encodeURIComponent(partner)}&po=${encodeURIComponent(po)}`,
        { waitUntil: 'domcontentloaded' });
      const loginAsked = /\/login$/.test(new URL(page.url()).pathname);
      if (loginAsked) {
        await page.fill('#username', user);
        await page.fill('#password', password);
        await page.click('button[type=submit]');
      }
      await page.waitForURL(/\/ops\/timeline\.html/, { waitUntil: 'domcontentloaded' });
      // the page has loaded the PO when its timeline has entries, or says why not
      await page.waitForFunction(() => document.querySelectorAll('#timeline li').length > 0
        || document.getElementById('message').className === 'error');
      const shown = await page.evaluate(() => ({
        title: document.getElementById('title').textContent,
        status: document.getElementById('status').textContent,
        message: document.getElementById('message').textContent,
        releases: Array.from(document.querySelectorAll('#releases tbody tr'))
          .map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent)),
        entries: Array.from(document.querySelectorAll('#timeline li')).map((li) => ({
          source: li.dataset.source, kind: li.dataset.kind, alert: li.classList.contains('alert'),
          text: li.innerText.replace(/\s+/g, ' ').trim(),
        })),
        alertsShown: !document.getElementById('alerts').hidden,
        openAlerts: Array.from(document.querySelectorAll('#alert-list li')).map((li) => li.textContent),
      }));
      await page.screenshot({ path: screenshot, fullPage: true });
      return { loginAsked, url: page.url(), ...shown, screenshot };
    } finally {
      await browser.close();
    }
  });
