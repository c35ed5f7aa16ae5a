// The insights page: renders /console/api/insights, links every table's CSV. Texts come redacted from the server.
(function () {
  'use strict';

  var LOCALE = 'nl-NL';
  var currency = 'EUR';
  var missing = function (v) { return v === null || v === undefined; };
  var percent = function (v) { return missing(v) ? '–' : (Math.round(v * 1000) / 10).toLocaleString(LOCALE) + ' %'; };
  var number = function (v) { return missing(v) ? '–' : Number(v).toLocaleString(LOCALE); };
  var money = function (v) { return Number(v).toLocaleString(LOCALE, { style: 'currency', currency: currency }); };
  var score = function (v) { return missing(v) ? '–' : Number(v).toLocaleString(LOCALE, { maximumFractionDigits: 1 }) + ' / 5'; };
  var seconds = function (v) {
    if (missing(v)) { return '–'; }
    return v < 120 ? Math.round(v) + ' s' : Math.round(v / 60) + ' min';
  };
  var REASONS = {
    asked_for_person: 'vroeg om een medewerker', customer_asked: 'knop “medewerker”', no_answer: 'geen zeker antwoord',
    repeated_question: 'vraag herhaald', unhelpful_answers: 'antwoorden hielpen niet', frustration: 'frustratie',
    faq_handover: 'FAQ-item stuurt door'
  };
  var TIERS = { faq: 'FAQ', llm: 'AI-assistent', none: 'geen' };
  var reason = function (v) { return REASONS[v] || v; };
  var tier = function (v) { return TIERS[v] || v; };

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === 'text') { node.textContent = attrs[key]; } else { node.setAttribute(key, attrs[key]); }
    });
    (children || []).forEach(function (c) { node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return node;
  }

  function svg(tag, attrs) {
    var node = document.createElementNS('http://www.w3.org/2000/svg', tag);
    Object.keys(attrs).forEach(function (key) {
      if (key === 'text') { node.textContent = attrs[key]; } else { node.setAttribute(key, attrs[key]); }
    });
    return node;
  }

  // columns: [header, field, format]; a format makes the cell a right-aligned number
  var TABLES = {
    weeks: [['Week', 'week'], ['Vanaf', 'start'], ['Gesprekken', 'conversations', number], ['Zonder medewerker', 'resolvedShare', percent], ['Doorverwezen', 'handoverRate', percent]],
    topics: [['FAQ-item', 'title'], ['Gesprekken', 'conversations', number], ['Daarna naar medewerker', 'handovers', number], ['Doorverwijzing', 'handoverRate', percent], ['Prioriteit', 'priority', number]],
    unanswered: [['Aantal', 'count', number], ['Taal', 'lang'], ['Voorbeelden', 'examples'], ['Kwam het dichtst bij', 'closestTitle']],
    unhelpful: [['Antwoord (FAQ-item)', 'title'], ['Laag', 'tier', null, tier], ['Keer niet nuttig', 'count', number]],
    'handover-reasons': [['Week', 'week'], ['Reden', 'reason', null, reason], ['Aantal', 'count', number]],
    'entry-hits': [['FAQ-item', 'title'], ['Taal', 'lang'], ['Treffers', 'hits', number]],
    'action-hits': [['Actie', 'title'], ['Gelukt', 'completed', number], ['Geweigerd', 'rejected', number], ['Mislukt', 'failed', number]]
  };
  var FIELD = { weeks: 'weeks', topics: 'topics', unanswered: 'unanswered', unhelpful: 'unhelpful', 'handover-reasons': 'handoverReasons', 'entry-hits': 'entryHits', 'action-hits': 'actionHits' };
  var NAMES = { weeks: 'gesprekken per week', topics: 'onderwerpen', unanswered: 'vragen zonder zeker antwoord', unhelpful: 'antwoorden die niet hielpen', 'handover-reasons': 'redenen van doorverwijzing', 'entry-hits': 'treffers per FAQ-item', 'action-hits': 'zelfservice-acties' };

  function query() {
    var params = new URLSearchParams();
    var from = document.getElementById('from').value;
    var to = document.getElementById('to').value;
    if (from) { params.set('from', from); }
    if (to) { params.set('to', shift(to, 1)); }
    var lang = document.getElementById('lang').value;
    if (lang) { params.set('lang', lang); }
    return params;
  }

  function shift(date, days) {
    var d = new Date(date + 'T12:00:00Z');
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 10);
  }

  function day(date) {
    return new Date(date + 'T12:00:00Z').toLocaleDateString(LOCALE, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  }

  function cell(column, row) {
    var value = row[column[1]];
    if (column[2]) { return el('td', { class: 'number', text: column[2](value) }); }
    if (Array.isArray(value)) { return el('td', {}, [el('ul', { class: 'examples' }, value.map(function (v) { return el('li', { text: v }); }))]); }
    if (missing(value)) { return el('td', { class: 'muted', text: '–' }); }
    return el('td', { text: column[3] ? column[3](value) : String(value) });
  }

  function table(name, rows) {
    var columns = TABLES[name];
    var head = el('tr', {}, columns.map(function (c) { return el('th', { scope: 'col', class: c[2] ? 'number' : '', text: c[0] }); }));
    if (name === 'unanswered') { head.appendChild(el('th', { scope: 'col', text: 'Concept-FAQ' })); }
    var body = rows.map(function (row, i) {
      var cells = columns.map(function (c) { return cell(c, row); });
      if (name === 'unanswered') { cells.push(el('td', {}, [draft(row, i)])); }
      return el('tr', name === 'entry-hits' && row.hits === 0 ? { class: 'unused' } : {}, cells);
    });
    var csv = el('a', { class: 'csv', href: '/console/api/insights.csv?table=' + name + '&' + query().toString(),
      'aria-label': 'CSV downloaden: ' + NAMES[name], text: 'CSV' });
    var content = rows.length ? el('table', {}, [el('thead', {}, [head]), el('tbody', {}, body)])
      : el('p', { class: 'empty-table', text: 'Geen gegevens in deze periode.' });
    return [el('div', { class: 'table-tools' }, [csv]), content];
  }

  function draft(group, i) {
    var blob = new Blob([group.draft], { type: 'text/markdown;charset=utf-8' });
    var file = group.draftFile.split('/').pop();
    var copy = el('button', { type: 'button', text: 'Kopiëren' });
    copy.addEventListener('click', function () {
      navigator.clipboard.writeText(group.draft).then(function () { copy.textContent = 'Gekopieerd'; },
        function () { copy.textContent = 'Kopiëren lukte niet'; });
    });
    return el('details', { class: 'draft' }, [
      el('summary', { text: group.draftFile }),
      el('pre', { tabindex: '0', 'aria-label': 'Concept-FAQ ' + (i + 1), text: group.draft }),
      el('div', { class: 'draft-tools' }, [copy, el('a', { href: URL.createObjectURL(blob), download: file, text: 'Downloaden als ' + file })])
    ]);
  }

  function figure(label, value, note) {
    return el('div', { class: 'figure' }, [el('dt', { text: label }), el('dd', {}, [
      el('span', { class: 'big', text: value }), note ? el('span', { class: 'note', text: note }) : document.createTextNode('')])]);
  }

  function renderValue(v) {
    var c = v.cost;
    currency = c.currency || currency;
    document.getElementById('value').replaceChildren(
      figure('Gesprekken', number(v.conversations)),
      figure('Opgelost zonder medewerker', percent(v.resolvedShare), number(v.resolvedWithoutPerson) + ' gesprekken'),
      figure('Doorverwezen naar een medewerker', percent(v.handoverRate), number(v.handovers) + ' gesprekken'),
      figure('Gemiddelde tijd tot een medewerker', seconds(v.averageTimeToHumanSeconds), 'vanaf de eerste vraag'),
      figure('Tevredenheid, alleen de assistent', score(v.csat.bot.average), number(v.csat.bot.count) + ' beoordelingen'),
      figure('Tevredenheid, met een medewerker', score(v.csat.person.average), number(v.csat.person.count) + ' beoordelingen')
    );
    var share = missing(c.savedShare) ? 0 : Math.max(0, Math.min(1, c.savedShare));
    var meter = el('div', { class: 'meter', role: 'img', 'aria-label': 'Besparing ' + percent(c.savedShare) + ', doel ' + percent(c.target) }, [
      el('span', { class: 'fill' + (c.targetMet ? ' met' : '') }),
      el('span', { class: 'target', title: 'doel' })
    ]);
    // CSP: no inline style attributes, so sizes are set through the CSSOM
    meter.firstChild.style.width = (share * 100) + '%';
    meter.lastChild.style.left = (c.target * 100) + '%';
    document.getElementById('saving').replaceChildren(
      el('div', { class: 'saving-head' }, [
        el('span', { class: 'label', text: 'Geschatte besparing op contactkosten' }),
        el('span', { class: 'big', text: money(c.saved) }),
        el('span', { class: 'share', text: percent(c.savedShare) }),
        el('span', { class: 'badge ' + (c.targetMet ? 'met' : 'missed'), text: 'doel ' + percent(c.target) + (c.targetMet ? ': gehaald' : ': nog niet gehaald') })
      ]),
      meter,
      el('p', { class: 'note', text: 'Zonder assistent ' + money(c.withoutBot) + ' (' + number(v.conversations) + ' × ' + money(c.perAgentChat)
        + ' per chat met een medewerker); met assistent ' + money(c.withBot) + ' (' + number(v.conversations) + ' × '
        + money(c.perBotConversation) + ' per gesprek met de assistent + ' + number(v.handovers) + ' × ' + money(c.perAgentChat) + ').' })
    );
  }

  function renderAnswers(a) {
    var rows = [['Beantwoord uit de FAQ', a.faq, 'faq'], ['Keuze uit FAQ-items aangeboden', a.clarified, 'clarified'],
      ['Beantwoord door de AI-assistent', a.llm, 'llm'], ['Zelfservice-actie afgerond', a.actionsCompleted, 'action'],
      ['Geen zeker antwoord', a.passedOn, 'none']];
    var max = Math.max.apply(null, [1].concat(rows.map(function (r) { return r[1]; })));
    document.getElementById('answers').replaceChildren.apply(document.getElementById('answers'), rows.map(function (r) {
      var bar = el('span', { class: 'bar ' + r[2] });
      bar.style.width = Math.round(100 * r[1] / max) + '%';
      return el('li', {}, [el('span', { class: 'bar-label', text: r[0] }), el('span', { class: 'bar-track' }, [bar]),
        el('span', { class: 'bar-value', text: number(r[1]) })]);
    }));
  }

  function renderTrend(weeks) {
    var chart = document.getElementById('trend');
    chart.replaceChildren();
    var top = Math.max(4, Math.max.apply(null, [0].concat(weeks.map(function (w) { return w.conversations; }))));
    var step = Math.ceil(top / 4);
    top = step * 4;
    var left = 40, bottom = 190, height = 170, span = 590;
    for (var g = 0; g <= 4; g++) {
      var y = bottom - height * g / 4;
      chart.appendChild(svg('line', { class: 'grid', x1: left, x2: left + span, y1: y, y2: y }));
      chart.appendChild(svg('text', { class: 'axis', x: left - 8, y: y + 4, 'text-anchor': 'end', text: String(step * g) }));
    }
    if (!weeks.length) {
      chart.appendChild(svg('text', { class: 'axis', x: left + span / 2, y: bottom - height / 2, 'text-anchor': 'middle', text: 'Geen gesprekken in deze periode' }));
      chart.setAttribute('aria-label', 'Geen gesprekken in deze periode');
      return;
    }
    var slot = span / Math.max(weeks.length, 4);
    var width = Math.min(56, slot * 0.6);
    var described = [];
    weeks.forEach(function (w, i) {
      var x = left + i * slot + (slot - width) / 2;
      var total = height * w.conversations / top;
      var person = total * (w.handoverRate || 0);
      chart.appendChild(svg('rect', { class: 'bot', x: x, y: bottom - total, width: width, height: total - person, rx: 3 }));
      chart.appendChild(svg('rect', { class: 'person', x: x, y: bottom - person, width: width, height: person }));
      chart.appendChild(svg('text', { class: 'value', x: x + width / 2, y: bottom - total - 6, 'text-anchor': 'middle', text: String(w.conversations) }));
      chart.appendChild(svg('text', { class: 'axis', x: x + width / 2, y: bottom + 16, 'text-anchor': 'middle', text: 'week ' + w.week.slice(-2) }));
      chart.appendChild(svg('text', { class: 'axis small', x: x + width / 2, y: bottom + 30, 'text-anchor': 'middle',
        text: new Date(w.start + 'T12:00:00Z').toLocaleDateString(LOCALE, { day: 'numeric', month: 'short', timeZone: 'UTC' }) }));
      described.push('week ' + w.week.slice(-2) + ': ' + w.conversations + ' gesprekken, ' + percent(w.handoverRate) + ' doorverwezen');
    });
    chart.setAttribute('aria-label', described.join('; '));
  }

  function load() {
    var status = document.getElementById('status');
    status.textContent = 'Laden…';
    fetch('/console/api/insights?' + query().toString(), { credentials: 'same-origin' })
      .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
      .then(function (answer) {
        if (!answer.ok) { status.textContent = answer.body.message || 'Er ging iets mis.'; return; }
        var report = answer.body;
        var p = report.period;
        document.getElementById('from').value = p.from;
        document.getElementById('to').value = shift(p.to, -1);
        renderValue(report.value);
        renderAnswers(report.value.answers);
        renderTrend(report.weeks);
        Array.prototype.forEach.call(document.querySelectorAll('[data-table]'), function (holder) {
          var name = holder.getAttribute('data-table');
          holder.replaceChildren.apply(holder, table(name, report[FIELD[name]]));
        });
        status.textContent = day(p.from) + ' tot en met ' + day(shift(p.to, -1)) + ' · ' + (p.lang === 'nl' ? 'Nederlands' : p.lang === 'en' ? 'English' : 'alle talen');
      })
      .catch(function () { status.textContent = 'Kon de inzichten niet laden.'; });
  }

  fetch('/console/csrf', { credentials: 'same-origin' }).then(function (r) { return r.json(); }).then(function (csrf) {
    var field = document.getElementById('logout-csrf');
    field.name = csrf.parameterName;
    field.value = csrf.token;
  });
  document.getElementById('period').addEventListener('submit', function (e) { e.preventDefault(); load(); });
  load();
})();
