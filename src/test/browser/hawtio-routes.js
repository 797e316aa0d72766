'use strict';
// Logs in to Hawtio with its own login form, opens the Camel plugin's routes and prints the route ids it
// shows: {"loggedIn": true, "url": "...", "routeIds": [...], "screenshot": "..."}.
// usage: node hawtio-routes.js <baseUrl> <user> <password> <screenshot.png>
const { launch, run } = require('./lib');

const WAIT = 60_000;

run(['baseUrl', 'user', 'password', 'screenshot'], async ({ baseUrl, user, password, screenshot }) => {
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(WAIT);
    await page.goto(`${baseUrl}/hawtio/`);
    // anonymous: the hub sends the browser to Hawtio's login page
    await page.waitForURL(/\/hawtio\/login/);
    await page.fill('#pf-login-username-id', user);
    await page.fill('#pf-login-password-id', password);
    await page.click('button[type=submit]');
    // logged in: Hawtio shows its plugins; a refused login stays on the form with an error
    const camel = page.locator('nav a', { hasText: /^Camel$/ }).first();
    const refused = page.locator('.pf-v5-c-helper-text, .pf-v5-c-form__helper-text', { hasText: /./ }).first();
    await Promise.race([camel.waitFor(), refused.waitFor()]);
    if (!(await camel.isVisible())) {
      await page.screenshot({ path: screenshot, fullPage: true });
      return { loggedIn: false, url: page.url(), message: (await refused.innerText()).trim(), routeIds: [], screenshot };
    }
    await camel.click();
    // the Camel tree: expand the context's "routes" folder, whose children are the routes by id
    const routesFolder = page.locator('[role=tree] >> text=/^routes$/').first();
    await routesFolder.waitFor();
    await routesFolder.click();
    const table = page.locator('table').first();
    await table.waitFor();
    await page.waitForFunction(() => document.querySelectorAll('table tbody tr').length > 0);
    // the table's "Name" column holds the route ids
    const routeIds = await table.evaluate((t) => {
      const headers = Array.from(t.querySelectorAll('thead th')).map((th) => th.innerText.trim());
      const name = headers.indexOf('Name');
      return Array.from(t.querySelectorAll('tbody tr'))
        .map((row) => (row.querySelectorAll('td')[name] || { innerText: '' }).innerText.trim())
        .filter((id) => id.length > 0);
    });
    await page.screenshot({ path: screenshot, fullPage: true });
    return { loggedIn: true, url: page.url(), routeIds, screenshot };
  } finally {
    await browser.close();
  }
});
