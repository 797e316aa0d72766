// The PO timeline page: reads GET /api/v1/orders/{partner}/{po}/timeline with the operator's session and
// shows it. Everything from the hub is put in the page as text, never as markup: file names and details
// come from partners.
(function () {
  'use strict';

  const form = document.getElementById('lookup');
  const partnerInput = document.getElementById('partner');
  const poInput = document.getElementById('po');
  const message = document.getElementById('message');

  function element(tag, className, text) {
    const e = document.createElement(tag);
    if (className) {
      e.className = className;
    }
    if (text !== undefined && text !== null) {
      e.textContent = text;
    }
    return e;
  }

  function say(text, isError) {
    message.textContent = text;
    message.className = isError ? 'error' : '';
  }

  function show(view) {
    document.getElementById('order').hidden = false;
    document.getElementById('title').textContent = view.partner + ' · PO ' + view.poNumber;
    const status = document.getElementById('status');
    status.textContent = view.status || 'not on file';
    status.className = 'badge ' + (view.status || '');

    const alerts = view.openAlerts || view.entries.filter(e => e.alert);
    const alertList = document.getElementById('alert-list');
    alertList.replaceChildren(...alerts.map(a => element('li', null,
        (a.raisedAt || a.at) + ' · ' + a.kind + (a.subject ? ' · ' + a.subject : '') + ': ' + a.detail)));
    document.getElementById('alerts').hidden = alerts.length === 0;

    const rows = view.releases.map(r => {
      const tr = element('tr');
      [r.releaseId, r.month, r.status, r.dispatchedAt || ''].forEach(v => tr.appendChild(element('td', null, v)));
      return tr;
    });
    document.querySelector('#releases tbody').replaceChildren(...rows);

    const items = view.entries.map(e => {
      const li = element('li', e.alert ? 'alert' : null);
      li.dataset.source = e.source;
      li.dataset.kind = e.kind;
      li.appendChild(element('span', 'at', e.at));
      li.appendChild(element('span', 'source', e.source.replace('_', ' ')));
      li.appendChild(element('span', 'kind', e.kind));
      const facts = [e.reference, e.release, e.status].filter(Boolean).join(' · ');
      li.appendChild(element('span', 'facts', facts));
      if (e.detail) {
        li.appendChild(element('span', 'detail', e.detail));
      }
      return li;
    });
    document.getElementById('timeline').replaceChildren(...items);
    say(view.entries.length + ' entries', false);
  }

  async function load(partner, po) {
    say('Loading…', false);
    let response;
    try {
      response = await fetch('/api/v1/orders/' + encodeURIComponent(partner) + '/' + encodeURIComponent(po)
          + '/timeline', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    } catch (e) {
      say('The hub did not answer: ' + e.message, true);
      return;
    }
    if (response.status === 401 || response.redirected) {
      say('Your session has ended: reload the page to log in again.', true);
      return;
    }
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      document.getElementById('order').hidden = true;
      const reason = body && body.errors && body.errors.length ? body.errors[0].message : response.statusText;
      say('No timeline (' + response.status + '): ' + reason, true);
      return;
    }
    show(body);
  }

  form.addEventListener('submit', event => {
    event.preventDefault();
    const partner = partnerInput.value.trim();
    const po = poInput.value.trim();
    history.replaceState(null, '', '?partner=' + encodeURIComponent(partner) + '&po=' + encodeURIComponent(po));
    load(partner, po);
  });

  const query = new URLSearchParams(location.search);
  if (query.get('partner') && query.get('po')) {
    partnerInput.value = query.get('partner');
    poInput.value = query.get('po');
    load(query.get('partner'), query.get('po'));
  }
})();
