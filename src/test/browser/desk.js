'use strict';
// The operator's desk and the customer's portal as people use them. An anonymous browser is sent to the login; the
// operator approves a held order and closes an alert from the desk's home, opens a big PO, and logs out; the
// partner's user logs in, sees its own orders, and is refused another partner's PO and the desk.
// Prints {"loginAsked", "approved", "closed", "heldAfter", "po": {...}, "portal": {...}, "screenshots": [...]}.
// usage: node desk.js <baseUrl> <operator> <password> <partnerUser> <partnerPassword> <heldPo> <alertPo> <bigPo>
//        <otherPartner> <otherPo> <trace> <screenshotDir>
const path = require('node:path');
const { launch, run } = require('./lib');

const WAIT = 60_000;

/** Form controls a screen reader could not name: no label, no aria-label (hidden fields and buttons need none). */
async function unlabeled(page) {
  return page.evaluate(() => Array.from(document.querySelectorAll('input, select, textarea'))
    .filter((c) => c.type !== 'hidden' && c.labels.length === 0 && !c.getAttribute('aria-label'))
    .map((c) => `${location.pathname} ${c.name || c.id}`));
}

async function logIn(page, user, password) {
  await page.fill('#username', user);
  await page.fill('#password', password);
  await Promise.all([page.waitForNavigation({ waitUntil: 'domcontentloaded' }), page.click('button[type=submit]')]);
}

run(['baseUrl', 'operator', 'password', 'partnerUser', 'partnerPassword', 'heldPo', 'alertPo', 'bigPo',
  'otherPartner', 'otherPo', 'trace', 'screenshotDir'],
async (a) => {
  const browser = await launch();
  const shots = [];
  const shot = async (page, name, fullPage) => {
    const file = path.join(a.screenshotDir, name);
    await page.screenshot({ path: file, fullPage });
    shots.push(file);
  };
  try {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(WAIT);
    await page.goto(`${a.baseUrl}/desk`, { waitUntil: 'domcontentloaded' });
    const loginAsked = /\/login$/.test(new URL(page.url()).pathname);
    await logIn(page, a.operator, a.password);
    await page.waitForSelector('#held');
    const home = await page.evaluate(() => ({
      url: location.pathname,
      counts: Array.from(document.querySelectorAll('table.counts tbody tr'))
        .map((tr) => Array.from(tr.querySelectorAll('th,td')).map((c) => c.textContent.trim())),
      held: Array.from(document.querySelectorAll('#held li')).map((li) => li.id),
    }));
    await shot(page, 'desk-home.png', false);
    const unnamed = await unlabeled(page);

    // approve the held order where it is listed, with a comment
    const held = page.locator(`li[id="held-acme-${a.heldPo}"]`);
    // markup in what a person types is text on every page that shows it, never a script
    await held.locator('input[name=comment]').fill('agreed by phone <img src=x onerror="window.injected=1">');
    await held.locator('button[value=APPROVE]').click();
    await page.waitForSelector('.flash');
    const approved = (await page.textContent('.flash')).trim();
    const heldAfter = await page.evaluate(() => Array.from(document.querySelectorAll('#held li')).map((li) => li.id));

    // close the alert about the other PO, with a reason
    const alert = page.locator('#alerts li', { hasText: a.alertPo }).first();
    const alertId = await alert.getAttribute('id');
    await alert.locator('input[name=reason]').fill('the customer sent its acceptance in error; told them');
    await alert.locator('button[type=submit]').click();
    await page.waitForFunction((id) => !document.getElementById(id), alertId);
    const closed = (await page.textContent('.flash')).trim();

    // unapplied cash sent to an invoice that is not ours: refused, with why
    const payment = page.locator('#receivables li', { hasText: a.trace }).first();
    await payment.locator('input[name=invoiceNumber]').fill('EDH-00000000');
    await payment.locator('button[type=submit]').click();
    await page.waitForSelector('.flash.refused');
    const cash = (await page.textContent('.flash.refused')).trim();

    // the approved order in the list, and the big PO's page
    await page.goto(`${a.baseUrl}/desk/orders?partner=acme&po=${encodeURIComponent(a.heldPo)}`);
    const listed = await page.evaluate(() => Array.from(document.querySelectorAll('table.orders tbody tr'))
      .map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent.trim())));
    await shot(page, 'desk-orders.png', false);
    unnamed.push(...await unlabeled(page));
    await page.goto(`${a.baseUrl}/desk/orders/acme/${encodeURIComponent(a.heldPo)}`);
    const approvedPo = await page.evaluate(() => ({
      injected: window.injected === 1,
      images: document.querySelectorAll('main img').length,
      comment: Array.from(document.querySelectorAll('ol.timeline > li')).map((li) => li.textContent)
        .filter((t) => t.includes('APPROVED')).join(' ').replace(/\s+/g, ' ').trim(),
      releases: Array.from(document.querySelectorAll('table.releases tbody tr'))
        .map((tr) => Array.from(tr.querySelectorAll('th,td')).slice(0, 3).map((c) => c.textContent.trim()).join(' ')),
    }));
    // the order's own documents open as they were received and sent
    const ownDocuments = await page.evaluate(() => Array.from(document.querySelectorAll('table.documents a'))
      .map((link) => new URL(link.href).pathname));
    const opened = [];
    for (const path of ownDocuments) {
      const answer = await page.request.get(`${a.baseUrl}${path}`);
      opened.push({ path, status: answer.status(), type: answer.headers()['content-type'],
        start: (await answer.text()).trimStart().slice(0, 1) });
    }
    // the other partner's documents, as the desk links them
    await page.goto(`${a.baseUrl}/desk/orders/${a.otherPartner}/${encodeURIComponent(a.otherPo)}`);
    const otherDocuments = await page.evaluate(() => Array.from(document.querySelectorAll('table.documents a'))
      .map((link) => new URL(link.href).pathname));
    const started = Date.now();
    const response = await page.goto(`${a.baseUrl}/desk/orders/acme/${encodeURIComponent(a.bigPo)}`,
      { waitUntil: 'load' });
    const loadMillis = Date.now() - started;
    const po = await page.evaluate(() => ({
      title: document.querySelector('h1').textContent.trim(),
      releases: document.querySelectorAll('table.releases tbody tr').length,
      bars: document.querySelectorAll('figure.chart rect').length,
      groups: Array.from(document.querySelectorAll('ol.timeline > li')).map((li) => ({
        source: li.dataset.source, kind: li.dataset.kind, count: Number(li.dataset.count),
      })),
      pageHeight: document.documentElement.scrollHeight,
    }));
    po.httpStatus = response.status();
    po.loadMillis = loadMillis;
    await shot(page, 'desk-po.png', false);
    // the grouped finding opens with a click
    const grouped = page.locator('ol.timeline > li:not([data-count="1"]) details').first();
    await grouped.locator('summary').click();
    po.openedGroupLines = await grouped.locator('ul li').count();
    await shot(page, 'desk-po-timeline.png', false);
    // the partners, their contracts, and one's statement
    await page.goto(`${a.baseUrl}/desk/partners`);
    const partners = await page.evaluate(() => Array.from(document.querySelectorAll('section.partner'))
      .map((s) => ({ id: s.id, prices: s.querySelectorAll('table.prices tbody tr').length })));
    await shot(page, 'desk-partners.png', false);
    const deskStatement = (await page.goto(`${a.baseUrl}/desk/partners/acme/statement`)).status();
    unnamed.push(...await unlabeled(page));
    await Promise.all([page.waitForNavigation(), page.click('form.logout button')]);

    // the partner's user: its own orders only
    await page.goto(`${a.baseUrl}/portal`, { waitUntil: 'domcontentloaded' });
    const portalLoginAsked = /\/login$/.test(new URL(page.url()).pathname);
    await logIn(page, a.partnerUser, a.partnerPassword);
    await page.waitForSelector('main h1');
    const portal = await page.evaluate(() => ({
      url: location.pathname,
      orders: Array.from(document.querySelectorAll('table.orders tbody tr td:first-child')).map((td) => td.textContent.trim()),
    }));
    portal.loginAsked = portalLoginAsked;
    await shot(page, 'portal.png', false);
    const own = await page.goto(`${a.baseUrl}/portal/orders/${encodeURIComponent(a.heldPo)}`);
    portal.ownPoStatus = own.status();
    portal.ownReleases = await page.locator('table.releases tbody tr').count();
    await shot(page, 'portal-po.png', false);
    portal.otherPoStatus = (await page.goto(`${a.baseUrl}/portal/orders/${encodeURIComponent(a.otherPo)}`)).status();
    portal.otherPoText = (await page.textContent('main')).replace(/\s+/g, ' ').trim();
    const statement = await page.goto(`${a.baseUrl}/portal/statement`);
    portal.statementStatus = statement.status();
    portal.statementContract = (await page.textContent('dl.header dd')).trim();
    portal.termsShown = (await page.textContent('main')).includes('negotiated terms cost');
    await shot(page, 'portal-statement.png', false);
    portal.ownDocumentStatuses = [];
    for (const desk of ownDocuments) {
      const own = desk.replace(/^\/desk\/documents\/[^/]+\//, '/portal/documents/');
      portal.ownDocumentStatuses.push((await page.request.get(`${a.baseUrl}${own}`)).status());
    }
    portal.otherDocumentStatuses = [];
    for (const desk of otherDocuments) {
      // /desk/documents/<partner>/<in|out>/<id> tampered into the portal's /portal/documents/<in|out>/<id>
      const tampered = desk.replace(/^\/desk\/documents\/[^/]+\//, '/portal/documents/');
      portal.otherDocumentStatuses.push((await page.goto(`${a.baseUrl}${tampered}`)).status());
    }
    unnamed.push(...await unlabeled(page));
    const guide = await page.goto(`${a.baseUrl}/portal/guide`);
    portal.guide = await page.evaluate(() => ({
      sets: Array.from(document.querySelectorAll('section.set h3')).map((h) => h.textContent.trim()),
      ids: document.querySelector('.guide table tbody tr td').textContent.trim(),
      beg02: Array.from(document.querySelectorAll('#set-850 tbody tr'))
        .filter((tr) => tr.querySelector('th').textContent.trim() === 'BEG02')
        .map((tr) => tr.lastElementChild.textContent.trim()).join(''),
    }));
    portal.guide.status = guide.status();
    await shot(page, 'portal-guide.png', false);
    unnamed.push(...await unlabeled(page));
    portal.deskStatus = (await page.goto(`${a.baseUrl}/desk`)).status();
    portal.deskOrderStatus = (await page.goto(`${a.baseUrl}/desk/orders/${a.otherPartner}/${encodeURIComponent(a.otherPo)}`)).status();
    return { loginAsked, home, approved, heldAfter, closed, cash, listed, approvedPo, opened, otherDocuments, unnamed, po, partners, deskStatement, portal,
      screenshots: shots };
  } finally {
    await browser.close();
  }
});
