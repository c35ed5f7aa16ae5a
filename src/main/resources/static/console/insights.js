// The insights page: renders /console/api/insights, links every table's CSV. Texts come redacted from the server;
// the page speaks the signed-in account's language, chosen as in the agent console (window.LoketLanguage).
(function () {
  'use strict';

  var LANGUAGE = window.LoketLanguage;
  var TEXTS = window.LoketInsightTexts;
  var account = null;
  var lang = 'nl';
  var t = LANGUAGE.translator(TEXTS, lang);
  var LOCALE = LANGUAGE.locale(lang);
  var currency = 'EUR';
  var lastReport = null;
  var missing = function (v) { return v === null || v === undefined; };
  var percent = function (v) { return missing(v) ? '–' : (Math.round(v * 1000) / 10).toLocaleString(LOCALE) + ' %'; };
  var number = function (v) { return missing(v) ? '–' : Number(v).toLocaleString(LOCALE); };
  var money = function (v) { return Number(v).toLocaleString(LOCALE, { style: 'currency', currency: currency }); };
  var score = function (v) { return missing(v) ? '–' : Number(v).toLocaleString(LOCALE, { maximumFractionDigits: 1 }) + ' / 5'; };
  var seconds = function (v) {
    if (missing(v)) { return '–'; }
    return v < 120 ? Math.round(v) + ' s' : Math.round(v / 60) + ' min';
  };
  var known = function (prefix) {
    return function (v) { return TEXTS[lang][prefix + v] ? t(prefix + v) : v; };
  };
  var reason = known('reason.');
  var tier = known('tier.');
  var grouped = known('grouped.');

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

  // columns: [header text key, field, format, label]; a format makes the cell a right-aligned number
  var TABLES = {
    weeks: [['col.week', 'week'], ['col.start', 'start'], ['col.conversations', 'conversations', number], ['col.resolvedShare', 'resolvedShare', percent], ['col.handoverRate', 'handoverRate', percent]],
    topics: [['col.entry', 'title'], ['col.conversations', 'conversations', number], ['col.llm', 'llmConversations', number], ['col.handovers', 'handovers', number], ['col.topicRate', 'handoverRate', percent], ['col.priority', 'priority', number]],
    unanswered: [['col.count', 'count', number], ['col.lang', 'lang'], ['col.groupedBy', 'groupedBy', null, grouped], ['col.examples', 'examples'], ['col.closest', 'closestTitle']],
    unhelpful: [['col.answer', 'title'], ['col.tier', 'tier', null, tier], ['col.unhelpful', 'count', number]],
    'handover-reasons': [['col.week', 'week'], ['col.reason', 'reason', null, reason], ['col.count', 'count', number]],
    'entry-hits': [['col.entry', 'title'], ['col.lang', 'lang'], ['col.hits', 'hits', number]],
    'action-hits': [['col.action', 'title'], ['col.completed', 'completed', number], ['col.rejected', 'rejected', number], ['col.failed', 'failed', number]]
  };
  var FIELD = { weeks: 'weeks', topics: 'topics', unanswered: 'unanswered', unhelpful: 'unhelpful', 'handover-reasons': 'handoverReasons', 'entry-hits': 'entryHits', 'action-hits': 'actionHits' };

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
    var head = el('tr', {}, columns.map(function (c) { return el('th', { scope: 'col', class: c[2] ? 'number' : '', text: t(c[0]) }); }));
    if (name === 'unanswered') { head.appendChild(el('th', { scope: 'col', text: t('draft') })); }
    var body = rows.map(function (row, i) {
      var cells = columns.map(function (c) { return cell(c, row); });
      if (name === 'unanswered') { cells.push(el('td', {}, [draft(row, i)])); }
      return el('tr', name === 'entry-hits' && row.hits === 0 ? { class: 'unused' } : {}, cells);
    });
    var csv = el('a', { class: 'csv', href: '/console/api/insights.csv?table=' + name + '&' + query().toString(),
      'aria-label': t('csv', { name: t('table.' + name) }), text: 'CSV' });
    var content = rows.length ? el('table', {}, [el('thead', {}, [head]), el('tbody', {}, body)])
      : el('p', { class: 'empty-table', text: t('noData') });
    return [el('div', { class: 'table-tools' }, [csv]), content];
  }

  function draft(group, i) {
    var blob = new Blob([group.draft], { type: 'text/markdown;charset=utf-8' });
    var file = group.draftFile.split('/').pop();
    var copy = el('button', { type: 'button', text: t('copy') });
    copy.addEventListener('click', function () {
      navigator.clipboard.writeText(group.draft).then(function () { copy.textContent = t('copied'); },
        function () { copy.textContent = t('copyFailed'); });
    });
    return el('details', { class: 'draft' }, [
      el('summary', { text: group.draftFile }),
      el('pre', { tabindex: '0', 'aria-label': t('draftN', { n: i + 1 }), text: group.draft }),
      el('div', { class: 'draft-tools' }, [copy, el('a', { href: URL.createObjectURL(blob), download: file, text: t('download', { file: file }) })])
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
      figure(t('figureConversations'), number(v.conversations)),
      figure(t('figureResolved'), percent(v.resolvedShare), t('conversations', { n: number(v.resolvedWithoutPerson) })),
      figure(t('figureHandedOver'), percent(v.handoverRate), t('conversations', { n: number(v.handovers) })),
      figure(t('figureTimeToHuman'), seconds(v.averageTimeToHumanSeconds), t('sinceFirstQuestion')),
      figure(t('figureCsatBot'), score(v.csat.bot.average), t('ratings', { n: number(v.csat.bot.count) })),
      figure(t('figureCsatPerson'), score(v.csat.person.average), t('ratings', { n: number(v.csat.person.count) }))
    );
    var share = missing(c.savedShare) ? 0 : Math.max(0, Math.min(1, c.savedShare));
    var meter = el('div', { class: 'meter', role: 'img', 'aria-label': t('savingMeter', { share: percent(c.savedShare), target: percent(c.target) }) }, [
      el('span', { class: 'fill' + (c.targetMet ? ' met' : '') }),
      el('span', { class: 'target', title: t('target') })
    ]);
    // CSP: no inline style attributes, so sizes are set through the CSSOM
    meter.firstChild.style.width = (share * 100) + '%';
    meter.lastChild.style.left = (c.target * 100) + '%';
    document.getElementById('saving').replaceChildren(
      el('div', { class: 'saving-head' }, [
        el('span', { class: 'label', text: t('savingLabel') }),
        el('span', { class: 'big', text: money(c.saved) }),
        el('span', { class: 'share', text: percent(c.savedShare) }),
        el('span', { class: 'badge ' + (c.targetMet ? 'met' : 'missed'), text: t(c.targetMet ? 'targetMet' : 'targetMissed', { target: percent(c.target) }) })
      ]),
      meter,
      el('p', { class: 'note', text: t('savingNote', { without: money(c.withoutBot), n: number(v.conversations),
        agent: money(c.perAgentChat), 'with': money(c.withBot), bot: money(c.perBotConversation), handovers: number(v.handovers) }) })
    );
  }

  function renderAnswers(a) {
    var rows = [[t('answerFaq'), a.faq, 'faq'], [t('answerClarified'), a.clarified, 'clarified'],
      [t('answerLlm'), a.llm, 'llm'], [t('answerAction'), a.actionsCompleted, 'action'],
      [t('answerNone'), a.passedOn, 'none']];
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
      chart.appendChild(svg('text', { class: 'axis', x: left + span / 2, y: bottom - height / 2, 'text-anchor': 'middle', text: t('noConversations') }));
      chart.setAttribute('aria-label', t('noConversations'));
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
      chart.appendChild(svg('text', { class: 'axis', x: x + width / 2, y: bottom + 16, 'text-anchor': 'middle', text: t('week', { n: w.week.slice(-2) }) }));
      chart.appendChild(svg('text', { class: 'axis small', x: x + width / 2, y: bottom + 30, 'text-anchor': 'middle',
        text: new Date(w.start + 'T12:00:00Z').toLocaleDateString(LOCALE, { day: 'numeric', month: 'short', timeZone: 'UTC' }) }));
      described.push(t('weekDescribed', { n: w.week.slice(-2), conversations: w.conversations, rate: percent(w.handoverRate) }));
    });
    chart.setAttribute('aria-label', described.join('; '));
  }

  function render(report) {
    var p = report.period;
    renderValue(report.value);
    renderAnswers(report.value.answers);
    renderTrend(report.weeks);
    Array.prototype.forEach.call(document.querySelectorAll('[data-table]'), function (holder) {
      var name = holder.getAttribute('data-table');
      holder.replaceChildren.apply(holder, table(name, report[FIELD[name]]));
    });
    document.getElementById('status').textContent = t('periodLine', { from: day(p.from), to: day(shift(p.to, -1)),
      lang: p.lang === 'nl' ? 'Nederlands' : p.lang === 'en' ? 'English' : t('everyLanguage') });
  }

  function load() {
    var status = document.getElementById('status');
    status.textContent = t('loading');
    fetch('/console/api/insights?' + query().toString(), { credentials: 'same-origin' })
      .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
      .then(function (answer) {
        if (!answer.ok) { status.textContent = answer.body.message || t('failed'); return; }
        lastReport = answer.body;
        document.getElementById('from').value = lastReport.period.from;
        document.getElementById('to').value = shift(lastReport.period.to, -1);
        render(lastReport);
      })
      .catch(function () { status.textContent = t('loadFailed'); });
  }

  function setLang(value, remember) {
    lang = TEXTS[value] ? value : 'nl';
    t = LANGUAGE.translator(TEXTS, lang);
    LOCALE = LANGUAGE.locale(lang);
    document.getElementById('ui-lang').value = lang;
    if (remember) { LANGUAGE.remember(account, lang); }
    LANGUAGE.apply(t, lang);
    if (lastReport) { render(lastReport); }
  }

  fetch('/console/csrf', { credentials: 'same-origin' }).then(function (r) { return r.json(); }).then(function (csrf) {
    var field = document.getElementById('logout-csrf');
    field.name = csrf.parameterName;
    field.value = csrf.token;
  });
  document.getElementById('period').addEventListener('submit', function (e) { e.preventDefault(); load(); });
  document.getElementById('ui-lang').addEventListener('change', function (e) { setLang(e.target.value, true); });
  // the account's language first, then the figures: nothing is shown in the wrong language
  fetch('/console/me', { credentials: 'same-origin' }).then(function (r) { return r.json(); }).then(function (me) {
    account = me.agent;
    document.getElementById('console-link').hidden = !me.console;
    setLang(LANGUAGE.chosen(account, me.lang), false);
  }, function () { setLang('nl', false); }).then(load);
})();
