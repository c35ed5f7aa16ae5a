// The insights page: renders /console/api/insights, links every table's CSV. Texts come redacted from the server.
(function () {
  'use strict';

  var percent = function (v) { return v === null || v === undefined ? '–' : (Math.round(v * 1000) / 10).toLocaleString('nl-NL') + ' %'; };
  var number = function (v) { return v === null || v === undefined ? '–' : Number(v).toLocaleString('nl-NL'); };
  var money = function (v) { return Number(v).toLocaleString('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 }); };
  var seconds = function (v) {
    if (v === null || v === undefined) { return '–'; }
    return v < 120 ? Math.round(v) + ' s' : Math.round(v / 60) + ' min';
  };

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === 'text') { node.textContent = attrs[key]; } else { node.setAttribute(key, attrs[key]); }
    });
    (children || []).forEach(function (c) { node.appendChild(c); });
    return node;
  }

  function svg(tag, attrs) {
    var node = document.createElementNS('http://www.w3.org/2000/svg', tag);
    Object.keys(attrs).forEach(function (key) {
      if (key === 'text') { node.textContent = attrs[key]; } else { node.setAttribute(key, attrs[key]); }
    });
    return node;
  }

  // columns: [header, field, kind] with kind number | percent | text
  var TABLES = {
    weeks: [['Week', 'week'], ['Gesprekken', 'conversations', number], ['Zonder medewerker', 'resolvedShare', percent], ['Doorverwezen', 'handoverRate', percent]],
    topics: [['FAQ-item', 'title'], ['Gesprekken', 'conversations', number], ['Daarna naar medewerker', 'handovers', number], ['Doorverwijspercentage', 'handoverRate', percent], ['Prioriteit', 'priority', number]],
    unanswered: [['Aantal', 'count', number], ['Taal', 'lang'], ['Voorbeelden', 'examples'], ['Dichtstbijzijnde item', 'closestTitle']],
    unhelpful: [['FAQ-item', 'title'], ['Laag', 'tier'], ['Keer niet nuttig', 'count', number]],
    'handover-reasons': [['Week', 'week'], ['Reden', 'reason'], ['Aantal', 'count', number]],
    'entry-hits': [['FAQ-item', 'title'], ['Taal', 'lang'], ['Treffers', 'hits', number]]
  };
  var FIELD = { weeks: 'weeks', topics: 'topics', unanswered: 'unanswered', unhelpful: 'unhelpful', 'handover-reasons': 'handoverReasons', 'entry-hits': 'entryHits' };

  function query() {
    var params = new URLSearchParams();
    var from = document.getElementById('from').value;
    var to = document.getElementById('to').value;
    if (from) { params.set('from', from); }
    if (to) { params.set('to', nextDay(to)); }
    var lang = document.getElementById('lang').value;
    if (lang) { params.set('lang', lang); }
    return params;
  }

  function nextDay(date) {
    var d = new Date(date + 'T12:00:00Z');
    d.setUTCDate(d.getUTCDate() + 1);
    return d.toISOString().slice(0, 10);
  }

  function table(name, rows) {
    var columns = TABLES[name];
    var head = el('tr', {}, columns.map(function (c) { return el('th', { scope: 'col', text: c[0] }); }));
    var body = rows.map(function (row, i) {
      var cells = columns.map(function (c) {
        var value = row[c[1]];
        if (Array.isArray(value)) { value = value.join(' · '); }
        return el('td', c[2] ? { class: 'number', text: c[2](value) } : { text: value === null || value === undefined ? '–' : String(value) });
      });
      if (name === 'unanswered') { cells.push(el('td', {}, [draft(row, i)])); }
      return el('tr', {}, cells);
    });
    if (name === 'unanswered') { head.appendChild(el('th', { scope: 'col', text: 'Concept-FAQ' })); }
    var csv = el('a', { class: 'csv', href: '/console/api/insights.csv?table=' + name + '&' + query().toString(), text: 'CSV downloaden' });
    var content = rows.length ? el('table', {}, [el('thead', {}, [head]), el('tbody', {}, body)]) : el('p', { class: 'muted', text: 'Geen gegevens in deze periode.' });
    return [content, csv];
  }

  function draft(group, i) {
    var blob = new Blob([group.draft], { type: 'text/markdown;charset=utf-8' });
    var link = el('a', { href: URL.createObjectURL(blob), download: group.draftFile.split('/').pop(), text: group.draftFile });
    return el('details', { class: 'draft' }, [el('summary', { text: 'Concept ' + (i + 1) }), el('pre', { text: group.draft }), link]);
  }

  function figure(label, value, className) {
    return el('div', {}, [el('dt', { text: label }), el('dd', className ? { class: className, text: value } : { text: value })]);
  }

  function renderValue(v) {
    var list = document.getElementById('value');
    list.replaceChildren(
      figure('Gesprekken', number(v.conversations)),
      figure('Opgelost zonder medewerker', percent(v.resolvedShare) + ' (' + number(v.resolvedWithoutPerson) + ')'),
      figure('Doorverwezen', percent(v.handoverRate) + ' (' + number(v.handovers) + ')'),
      figure('Gemiddelde tijd tot een medewerker', seconds(v.averageTimeToHumanSeconds)),
      figure('Tevredenheid, alleen assistent', v.csat.bot.average === null ? '–' : number(v.csat.bot.average) + ' (' + v.csat.bot.count + '×)'),
      figure('Tevredenheid, met medewerker', v.csat.person.average === null ? '–' : number(v.csat.person.average) + ' (' + v.csat.person.count + '×)'),
      figure('Geschatte besparing', money(v.cost.saved) + ' (' + percent(v.cost.savedShare) + ')', v.cost.targetMet ? 'met' : 'missed'),
      figure('Doel', percent(v.cost.target) + (v.cost.targetMet ? ' — gehaald' : ' — nog niet gehaald'))
    );
  }

  function renderTrend(weeks) {
    var chart = document.getElementById('trend');
    chart.replaceChildren();
    var max = Math.max.apply(null, [1].concat(weeks.map(function (w) { return w.conversations; })));
    var width = Math.max(40, Math.floor(600 / Math.max(1, weeks.length)) - 8);
    weeks.forEach(function (w, i) {
      var x = 20 + i * (width + 8);
      var total = Math.round(140 * w.conversations / max);
      var person = Math.round(total * (w.handoverRate || 0));
      chart.appendChild(svg('rect', { class: 'bot', x: x, y: 150 - total, width: width, height: total - person }));
      chart.appendChild(svg('rect', { class: 'person', x: x, y: 150 - person, width: width, height: person }));
      chart.appendChild(svg('text', { x: x, y: 166, text: w.week }));
      chart.appendChild(svg('text', { x: x, y: 146 - total, text: String(w.conversations) }));
    });
  }

  function load() {
    var status = document.getElementById('status');
    status.textContent = 'Laden…';
    fetch('/console/api/insights?' + query().toString(), { credentials: 'same-origin' })
      .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
      .then(function (answer) {
        if (!answer.ok) { status.textContent = answer.body.message || 'Er ging iets mis.'; return; }
        var report = answer.body;
        renderValue(report.value);
        renderTrend(report.weeks);
        Array.prototype.forEach.call(document.querySelectorAll('[data-table]'), function (holder) {
          var name = holder.getAttribute('data-table');
          holder.replaceChildren.apply(holder, table(name, report[FIELD[name]]));
        });
        status.textContent = 'Periode ' + report.period.from + ' tot ' + report.period.to + (report.period.lang ? ', taal ' + report.period.lang : ', alle talen') + '.';
      })
      .catch(function () { status.textContent = 'Kon de inzichten niet laden.'; });
  }

  document.getElementById('period').addEventListener('submit', function (e) { e.preventDefault(); load(); });
  load();
})();
