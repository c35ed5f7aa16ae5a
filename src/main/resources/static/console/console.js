'use strict';
// The agent console. Every text from customers, bots and agents goes in with textContent or through
// the widget's Markdown renderer (DOM nodes only), never innerHTML. Protocol: docs/console-protocol.md.
(function () {
  const $ = (id) => document.getElementById(id);
  const TEXTS = window.LoketConsoleTexts;
  const TABS_KEY = 'loket.console.tabs';
  const DRAFT_KEY = 'loket.console.draft.';
  const chats = new Map(); // conversationId -> chat state, in tab order
  const mine = new Set(); // the chats this agent holds
  let waiting = new Map(); // conversationId -> waiting chat from the last inbox
  let active = null;
  let socket = null;
  let retry = 0;
  let queues = [];
  let canned = [];
  let me = null;
  let lang = 'nl';
  let lastInbox = null;
  let lastCallbacks = [];

  // ---------------------------------------------------------------- texts

  const LANGUAGE = window.LoketLanguage;
  let t = LANGUAGE.translator(TEXTS, lang);

  function reasonText(reason) {
    if (!reason) return '–';
    const [code, detail] = reason.split(':');
    const key = 'reason.' + code;
    return TEXTS[lang][key] ? t(key, { name: detail || '' }) : t('reason.unknown', { name: reason });
  }

  function tierText(tier) {
    const key = 'tier.' + (tier || 'fallback');
    return TEXTS[lang][key] ? t(key) : tier;
  }

  function detailsText(p) {
    const labels = p.detailLabels || {};
    return Object.entries(p.details || {})
      .map(([name, value]) => ((labels[name] || {})[lang] || name) + ': ' + value).join(', ');
  }

  // Without a model's summary, one is put together from the packet in the agent's language (the
  // server cannot write it: each agent chooses theirs).
  function packetSummary(p) {
    const attempts = p.botAttempts || [];
    const question = p.question || '';
    const parts = [t('summaryQuestion', { text: question.length > 200 ? question.slice(0, 199) + '…' : question })];
    if (attempts.length) {
      const last = attempts[attempts.length - 1];
      const source = (last.sources || []).length ? ' (' + last.sources[0].title + ')' : '';
      const unhelpful = attempts.filter((a) => a.helpful === false).length;
      parts.push(t(attempts.length === 1 ? 'summaryAnsweredOnce' : 'summaryAnswered', { n: attempts.length })
        + (unhelpful ? t('summaryUnhelpful', { n: unhelpful }) : '')
        + t('summaryLast', { last: tierText(last.tier) + source }));
    } else {
      parts.push(t('summaryNoAnswer'));
    }
    parts.push(t('summaryReason', { reason: reasonText(p.reason) }));
    const details = detailsText(p);
    if (details) parts.push(t('summaryDetails', { details }));
    return parts.join(' ');
  }

  function statusText(chat) {
    switch (chat.status) {
      case 'bot': return t('statusBot');
      case 'queued': return t('statusQueued');
      case 'agent': return chat.holder ? t('statusAgent', { name: chat.holder }) : t('statusAgentNoName');
      case 'closed': return t('statusClosed');
      default: return '';
    }
  }

  function setLang(value, remember) {
    lang = TEXTS[value] ? value : 'nl';
    t = LANGUAGE.translator(TEXTS, lang);
    $('lang').value = lang;
    if (remember) LANGUAGE.remember(me, lang);
    LANGUAGE.apply(t, lang);
    if (socket) connectionState(socket.readyState === WebSocket.OPEN);
    for (const chat of chats.values()) labelPane(chat);
    if (lastInbox) renderInbox();
    renderCallbacks(lastCallbacks);
  }

  // ---------------------------------------------------------------- small helpers

  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function markdown(text) {
    const body = el('div', 'body');
    if (window.LoketMarkdown) body.append(window.LoketMarkdown.render(text || ''));
    else body.textContent = text || '';
    return body;
  }

  function time(at) {
    const date = new Date(at);
    return isNaN(date) ? '' : date.toLocaleTimeString(lang === 'nl' ? 'nl-NL' : 'en-GB', { hour: '2-digit', minute: '2-digit' });
  }

  function toast(text) {
    const box = $('toast');
    box.textContent = text;
    box.classList.add('show');
    clearTimeout(box.timer);
    box.timer = setTimeout(() => box.classList.remove('show'), 6000);
  }

  function errorText(f) {
    const key = 'error' + String(f.code || 'internal').split('_').map((w) => w[0].toUpperCase() + w.slice(1)).join('');
    return TEXTS[lang][key] ? t(key, { message: f.message || '' }) : (f.message || f.code);
  }

  function store(key, value) {
    try {
      if (value === null || value === '') sessionStorage.removeItem(key); else sessionStorage.setItem(key, value);
    } catch (e) { /* private mode: drafts then live only in the page */ }
  }

  function saveTabs() {
    store(TABS_KEY, JSON.stringify({ ids: [...chats.keys()], active }));
  }

  // ---------------------------------------------------------------- the socket

  function send(frame) {
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify(frame));
      return true;
    }
    toast(t('notConnected'));
    return false;
  }

  function connectionState(ok) {
    $('connection').textContent = ok ? t('connected') : t('disconnected');
    $('connection').className = 'connection ' + (ok ? 'ok' : 'down');
  }

  function connect() {
    const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    socket = new WebSocket(scheme + location.host + '/ws/agent');
    socket.addEventListener('open', () => {
      retry = 0;
      connectionState(true);
      send({ type: 'canned' });
      // Resume every open chat after the last event seen, and resend what was not acknowledged
      // (the same clientMsgId: stored once): nothing is lost across reconnects.
      for (const [id, chat] of chats) {
        send({ type: 'open', conversationId: id, lastSeq: chat.lastSeq });
        send({ type: 'packet', conversationId: id });
        for (const [clientMsgId, p] of chat.pending) send({ type: p.type, conversationId: id, clientMsgId, text: p.text });
      }
    });
    socket.addEventListener('message', (e) => handle(JSON.parse(e.data)));
    socket.addEventListener('close', (e) => {
      connectionState(false);
      if (e.code === 1008) { location.href = '/console/login.html'; return; }
      retry = Math.min(retry + 1, 6);
      setTimeout(connect, 500 * 2 ** retry);
    });
  }

  function handle(f) {
    switch (f.type) {
      case 'welcome': welcome(f); break;
      case 'presence': $('presence').value = f.status; break;
      case 'inbox': applyInbox(f); break;
      case 'callbacks': renderCallbacks(f.tasks || []); break;
      case 'canned': canned = f.replies || []; chats.forEach(fillCanned); break;
      case 'accepted':
        mine.add(f.conversationId);
        activate(chat(f.conversationId).id);
        renderPacket(f.conversationId, f.packet);
        break;
      case 'packet': renderPacket(f.conversationId, f.packet); break;
      case 'event': onEvent(f); break;
      case 'typing': showTyping(f.conversationId); break;
      case 'suggestion': onSuggestion(f); break;
      case 'ack': acknowledged(f); break;
      case 'error': refused(f); break;
      default: break;
    }
  }

  function welcome(f) {
    me = f.agent;
    queues = f.queues || [];
    $('agent').textContent = (f.displayName || f.agent) + ' (' + f.agent + (f.supervisor ? ', ' + t('supervisor') : '')
      + ') · ' + queues.join(', ');
    $('presence').value = f.presence;
    setLang(LANGUAGE.chosen(me, f.lang || lang), false);
    chats.forEach(fillTransfer);
  }

  // ---------------------------------------------------------------- inbox and callbacks

  /** The whole inbox, or a delta: the chats added or changed, and the ids of those gone. */
  function applyInbox(f) {
    if (!f.delta) waiting = new Map();
    (f.removed || []).forEach((id) => waiting.delete(id));
    (f.waiting || []).forEach((c) => waiting.set(c.conversationId, c));
    lastInbox = f;
    mine.clear();
    (f.mine || []).forEach((id) => mine.add(id));
    renderInbox();
  }

  function renderInbox() {
    const list = $('waiting');
    list.replaceChildren();
    $('waiting-count').textContent = String(waiting.size);
    const available = lastInbox.available || {};
    $('availability').textContent = Object.keys(available)
      .map((q) => q + ': ' + (available[q] ? t('available') : t('notAvailable'))).join(' · ');
    // numbered per queue, oldest first: a delta does not resend the chats whose place moved
    const sorted = [...waiting.values()].sort((a, b) => Date.parse(a.queuedAt) - Date.parse(b.queuedAt));
    const places = new Map();
    for (const c of sorted) {
      c.position = (places.get(c.queue) || 0) + 1;
      places.set(c.queue, c.position);
      const p = c.packet || {};
      const li = el('li', 'waiting-chat');
      li.dataset.conversationId = c.conversationId;
      const who = (p.customer && (p.customer.name || p.customer.id)) || t('anonymous');
      li.append(el('div', 'meta', '#' + c.position + ' · ' + c.queue + ' · ' + who
        + (p.customer && p.customer.verified ? ' ✓ ' + t('verifiedMark') : '')
        + (c.forAgent ? ' · ' + t('forAgent', { name: c.forAgent }) : '')));
      li.append(el('div', 'summary', p.question || ''));
      li.append(el('div', 'meta', reasonText(p.reason) + ' · ' + t('waitingSince', { time: time(c.queuedAt) })));
      const accept = el('button', 'accept', t('accept'));
      accept.type = 'button';
      accept.addEventListener('click', () => { accept.disabled = true; send({ type: 'accept', conversationId: c.conversationId }); });
      const read = el('button', 'peek', t('read'));
      read.type = 'button';
      read.addEventListener('click', () => activate(openChat(c.conversationId).id));
      li.append(accept, document.createTextNode(' '), read);
      list.append(li);
    }
    const list2 = $('mine');
    list2.replaceChildren();
    for (const id of mine) {
      const known = chats.get(id);
      const li = el('li', 'my-chat', known ? known.title : t('chat', { id: id.slice(0, 8) }));
      const open = el('button', null, t('open'));
      open.type = 'button';
      open.addEventListener('click', () => activate(openChat(id).id));
      li.append(document.createTextNode(' '), open);
      list2.append(li);
      if (!chats.has(id)) openChat(id);
    }
    chats.forEach(refresh);
  }

  function renderCallbacks(tasks) {
    lastCallbacks = tasks;
    const list = $('callbacks');
    list.replaceChildren();
    for (const task of tasks) {
      const li = el('li', 'callback');
      li.append(el('div', 'meta', task.queue + ' · ' + new Date(task.createdAt).toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB')
        + (task.doneBy ? ' · ' + t('doneBy', { name: task.doneBy }) : '')));
      li.append(el('div', null, t('contact', { contact: task.contact || t('noContact') })));
      li.append(el('div', 'summary', task.question || ''));
      if (!task.doneBy) {
        const done = el('button', null, t('done'));
        done.type = 'button';
        done.addEventListener('click', () => send({ type: 'callback_done', id: task.id }));
        li.append(done);
      }
      list.append(li);
    }
  }

  // ---------------------------------------------------------------- tabs and panes

  /** The chat's state, creating its tab and pane (not shown until activated). */
  function chat(id) {
    if (chats.has(id)) return chats.get(id);
    const root = $('pane-template').content.firstElementChild.cloneNode(true);
    const tab = $('tab-template').content.firstElementChild.cloneNode(true);
    const state = { id, root, tab, lastSeq: 0, status: '', holder: null, title: t('chat', { id: id.slice(0, 8) }),
      unread: 0, pending: new Map(), events: [] };
    chats.set(id, state);
    root.dataset.conversationId = id;
    root.id = 'pane-' + id;
    root.hidden = true;
    tab.dataset.conversationId = id;
    tab.id = 'tab-' + id;
    tab.setAttribute('aria-controls', root.id);
    root.setAttribute('aria-labelledby', tab.id);
    tab.addEventListener('click', () => activate(id));
    tab.addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
      const ids = [...chats.keys()];
      const next = ids[(ids.indexOf(id) + (e.key === 'ArrowRight' ? 1 : ids.length - 1)) % ids.length];
      activate(next);
      chats.get(next).tab.focus();
    });
    root.querySelector('.tab-close').addEventListener('click', () => closeTab(id));
    $('tabs').append(tab);
    $('panes').append(root);
    wireComposer(state);
    labelPane(state);
    fillCanned(state);
    fillTransfer(state);
    refresh(state);
    saveTabs();
    return state;
  }

  function openChat(id) {
    const state = chat(id);
    send({ type: 'open', conversationId: id, lastSeq: state.lastSeq });
    send({ type: 'packet', conversationId: id });
    if (!active) activate(id);
    return state;
  }

  function activate(id) {
    active = id;
    for (const [key, c] of chats) {
      const on = key === id;
      c.root.hidden = !on;
      c.tab.classList.toggle('active', on);
      c.tab.setAttribute('aria-selected', String(on));
      c.tab.tabIndex = on ? 0 : -1;
      if (on) { c.unread = 0; labelTab(c); }
    }
    $('empty').hidden = chats.size > 0;
    const c = chats.get(id);
    if (c) {
      const history = c.root.querySelector('.history');
      history.scrollTop = history.scrollHeight;
    }
    saveTabs();
  }

  function closeTab(id) {
    const c = chats.get(id);
    if (!c) return;
    send({ type: 'unsubscribe', conversationId: id });
    const ids = [...chats.keys()];
    c.root.remove();
    c.tab.remove();
    chats.delete(id);
    if (active === id) {
      active = null;
      const next = ids[ids.indexOf(id) + 1] || ids[ids.indexOf(id) - 1];
      if (next && chats.has(next)) activate(next);
    }
    $('empty').hidden = chats.size > 0;
    saveTabs();
  }

  function labelTab(c) {
    c.tab.querySelector('.tab-title').textContent = c.title;
    c.tab.querySelector('.tab-unread').textContent = c.unread ? String(c.unread) : '';
    c.tab.dataset.status = c.status;
    c.root.querySelector('.tab-close').setAttribute('aria-label', t('closeTab', { name: c.title }));
    c.root.querySelector('.tab-close').title = t('closeTab', { name: c.title });
  }

  /** Every text of a pane, again after a language switch. */
  function labelPane(c) {
    const r = c.root;
    r.querySelector('.pane-title').textContent = c.title;
    r.querySelector('.pane-accept').textContent = t('accept');
    r.querySelector('.text-label').textContent = t('textLabel');
    r.querySelector('.text').placeholder = t('placeholder');
    for (const name of ['send', 'note', 'suggest', 'transfer', 'handback', 'close']) r.querySelector('.' + name).textContent = t(name);
    r.querySelector('.canned-name').textContent = t('canned');
    r.querySelector('.transfer-name').textContent = t('transferTo');
    r.querySelector('.packet-title').textContent = t('packet');
    r.querySelector('.summary-title').textContent = t('summary');
    r.querySelector('.attempts-title').textContent = t('attempts');
    fillCanned(c);
    fillTransfer(c);
    if (c.packet) renderPacket(c.id, c.packet);
    c.root.querySelector('.history').replaceChildren(...c.events.map(eventItem));
    labelTab(c);
    refresh(c);
  }

  /** Enables exactly what this agent can do with the chat now; the typed text always stays. */
  function refresh(c) {
    const r = c.root;
    const holds = c.status === 'agent' && mine.has(c.id);
    for (const name of ['send', 'suggest', 'transfer', 'handback', 'close', 'canned', 'transfer-to']) {
      r.querySelector('.' + name).disabled = !holds;
    }
    r.querySelector('.note').disabled = c.status !== 'agent';
    const accept = r.querySelector('.pane-accept');
    accept.hidden = !(c.status === 'queued' && waiting.has(c.id));
    accept.disabled = false;
    r.dataset.status = c.status;
    r.querySelector('.pane-status').textContent = statusText(c);
    const notice = c.status === 'closed' ? 'noticeClosed' : c.status === 'bot' ? 'noticeBot'
      : c.status === 'queued' ? 'noticeQueued' : c.status === 'agent' && !holds ? 'noticeNotYours' : null;
    r.querySelector('.pane-notice').textContent = notice ? t(notice) : '';
    r.querySelector('.pane-notice').hidden = !notice;
    labelTab(c);
  }

  function wireComposer(c) {
    const id = c.id;
    const r = c.root;
    const text = r.querySelector('.text');
    text.id = 'text-' + id;
    text.value = sessionStorage.getItem(DRAFT_KEY + id) || '';
    text.addEventListener('input', () => {
      store(DRAFT_KEY + id, text.value);
      if (c.status === 'agent' && mine.has(id) && Date.now() - (c.lastTyping || 0) > 2000) {
        c.lastTyping = Date.now();
        send({ type: 'typing', conversationId: id });
      }
    });
    const submit = (type) => {
      const value = text.value.trim();
      if (!value || r.querySelector('.' + (type === 'note' ? 'note' : 'send')).disabled) return;
      const clientMsgId = crypto.randomUUID();
      c.pending.set(clientMsgId, { type, text: value });
      if (send({ type, conversationId: id, clientMsgId, text: value })) {
        text.value = '';
        store(DRAFT_KEY + id, null);
      } else {
        c.pending.delete(clientMsgId);
      }
    };
    r.querySelector('.send').addEventListener('click', () => submit('message'));
    r.querySelector('.note').addEventListener('click', () => submit('note'));
    text.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); submit('message'); }
    });
    r.querySelector('.canned').addEventListener('change', (e) => {
      const reply = canned.find((x) => x.id + ':' + x.lang === e.target.value);
      if (reply) { text.value = reply.text; store(DRAFT_KEY + id, text.value); text.focus(); }
      e.target.value = '';
    });
    r.querySelector('.suggest').addEventListener('click', () => send({ type: 'suggest', conversationId: id }));
    r.querySelector('.transfer').addEventListener('click', () => {
      const [kind, name] = r.querySelector('.transfer-to').value.split(':');
      send(kind === 'agent' ? { type: 'transfer', conversationId: id, agent: name }
        : { type: 'transfer', conversationId: id, queue: name });
    });
    r.querySelector('.handback').addEventListener('click', () => send({ type: 'handback', conversationId: id }));
    r.querySelector('.close').addEventListener('click', () => send({ type: 'close', conversationId: id }));
    r.querySelector('.pane-accept').addEventListener('click', (e) => {
      e.target.disabled = true;
      send({ type: 'accept', conversationId: id });
    });
  }

  function fillCanned(c) {
    const select = c.root.querySelector('.canned');
    select.replaceChildren(new Option(t('cannedChoose'), ''));
    for (const x of canned) select.append(new Option(x.title + ' (' + x.lang + ')', x.id + ':' + x.lang));
  }

  function fillTransfer(c) {
    const select = c.root.querySelector('.transfer-to');
    select.replaceChildren();
    for (const q of queues) select.append(new Option(t('transferQueue', { name: q }), 'queue:' + q));
  }

  // ---------------------------------------------------------------- the packet

  function renderPacket(id, p) {
    if (!p || !chats.has(id)) return;
    const c = chats.get(id);
    c.packet = p;
    const cust = p.customer || {};
    const name = cust.name || cust.id;
    if (name) {
      c.title = name;
      c.root.querySelector('.pane-title').textContent = name;
      labelTab(c);
    }
    const fields = c.root.querySelector('.packet-fields');
    fields.replaceChildren();
    const waited = p.waitingSeconds || 0;
    const rows = [
      ['fieldCustomer', [cust.name, cust.id, cust.email].filter(Boolean).join(' · ') || t('anonymous')],
      ['fieldVerified', cust.verified ? t('verifiedYes') : t('verifiedNo')],
      ['fieldLang', cust.lang], ['fieldPage', cust.page], ['fieldQuestion', p.question],
      ['fieldReason', reasonText(p.reason)], ['fieldQueue', p.queue],
      ['fieldWaited', waited < 60 ? t('seconds', { n: waited }) : t('minutes', { m: Math.floor(waited / 60), s: waited % 60 })],
      ['fieldDetails', detailsText(p)],
    ];
    for (const [k, v] of rows) fields.append(el('dt', null, t(k)), el('dd', null, v || '–'));
    // the label says who wrote the summary: the model (from customer text, not checked) or Loket from the packet
    const byModel = p.summarySource === 'assistant' && p.summary;
    c.root.querySelector('.summary-text').textContent = byModel ? p.summary : packetSummary(p);
    c.root.querySelector('.summary-label').textContent = t(byModel ? 'summaryLabel' : 'summaryExtractive');
    const attempts = c.root.querySelector('.attempts');
    attempts.replaceChildren();
    for (const a of p.botAttempts || []) {
      const li = el('li');
      li.append(el('span', 'who', tierText(a.tier) + (a.score ? ' · ' + a.score : '')
        + (a.helpful === false ? ' · 👎 ' + t('unhelpful') : a.helpful === true ? ' · 👍' : '')));
      li.append(markdown(a.text));
      const sources = (a.sources || []).map((s) => s.title).join(', ');
      if (sources) li.append(el('span', 'sources', sources));
      attempts.append(li);
    }
    if (!attempts.children.length) attempts.append(el('li', 'muted', t('noAttempts')));
  }

  // ---------------------------------------------------------------- the history

  function onEvent(e) {
    const c = chat(e.conversationId);
    if (e.seq <= c.lastSeq) return;
    c.lastSeq = e.seq;
    c.events.push(e);
    const history = c.root.querySelector('.history');
    const atBottom = history.scrollHeight - history.scrollTop - history.clientHeight < 40;
    history.append(eventItem(e));
    if (atBottom) history.scrollTop = history.scrollHeight;
    if (e.kind === 'status') {
      c.status = e.status;
      c.holder = e.status === 'agent' ? e.agentName : null;
      refresh(c);
    }
    if (e.author === 'customer') {
      c.root.querySelector('.typing').textContent = '';
      if (active !== c.id) { c.unread++; labelTab(c); }
    }
  }

  function eventItem(e) {
    const note = e.kind === 'note';
    const li = el('li', note ? 'note' : e.author);
    li.dataset.seq = String(e.seq);
    li.dataset.kind = e.kind;
    const who = note ? t('noteBy', { name: e.agentName }) : e.author === 'agent' ? e.agentName : t(e.author);
    // a self-service action's result says which action and how it ended; its text says the rest
    const action = e.kind === 'action' && e.attributes
      ? ' · ' + [e.attributes.actionId, e.attributes.outcome].filter(Boolean).join(' ') : '';
    li.append(el('span', 'who', who + ' · ' + time(e.at) + (e.tier ? ' · ' + tierText(e.tier) : '') + action
      + (e.helpful === false ? ' · ' + t('unhelpful') : '')));
    // a message shows as the customer saw it (the widget renders Markdown); notes and status lines are plain text
    if (e.kind === 'message') li.append(markdown(e.text)); else li.append(el('div', 'body', e.text || ''));
    if (e.sources && e.sources.length) li.append(el('span', 'sources', e.sources.map((s) => s.title).join(', ')));
    if (e.quickReplies && e.quickReplies.length) {
      const quick = el('ul', 'quick');
      e.quickReplies.forEach((q) => quick.append(el('li', null, q.label)));
      li.append(quick);
    }
    return li;
  }

  function acknowledged(f) {
    const c = chats.get(f.conversationId);
    if (c) c.pending.delete(f.clientMsgId);
  }

  /** A refused frame: say why in the agent's language, and put back any text that was not stored. */
  function refused(f) {
    const c = f.conversationId && chats.get(f.conversationId);
    if (c && c.pending.size) {
      const text = c.root.querySelector('.text');
      const lost = [...c.pending.values()].map((p) => p.text);
      c.pending.clear();
      text.value = lost.concat(text.value ? [text.value] : []).join('\n');
      store(DRAFT_KEY + c.id, text.value);
      toast(t('draftKept', { message: errorText(f) }));
    } else {
      toast(errorText(f));
    }
    if (c) refresh(c);
  }

  function showTyping(id) {
    const typing = chat(id).root.querySelector('.typing');
    typing.textContent = t('customerTyping');
    clearTimeout(typing.timer);
    typing.timer = setTimeout(() => { typing.textContent = ''; }, 4000);
  }

  function onSuggestion(f) {
    if (!f.text) { toast(t('noSuggestion')); return; }
    const text = chat(f.conversationId).root.querySelector('.text');
    text.value = f.text; // never sent by itself: the agent edits and sends
    store(DRAFT_KEY + f.conversationId, text.value);
    text.focus();
  }

  // ---------------------------------------------------------------- start

  $('presence').addEventListener('change', (e) => send({ type: 'presence', status: e.target.value }));
  $('lang').addEventListener('change', (e) => setLang(e.target.value, true));
  // editors and supervisors get a link to the insights page
  fetch('/console/me', { credentials: 'same-origin' }).then((r) => r.json()).then((account) => {
    $('insights-link').hidden = !account.insights;
  }).catch(() => { /* no link: the console works without it */ });
  fetch('/console/csrf', { credentials: 'same-origin' }).then((r) => r.json()).then((csrf) => {
    const field = $('logout-csrf');
    field.name = csrf.parameterName;
    field.value = csrf.token;
  });
  setLang(navigator.language && navigator.language.startsWith('en') ? 'en' : 'nl', false);
  // the tabs of this browser tab survive a reload; their history replays from the server
  try {
    const saved = JSON.parse(sessionStorage.getItem(TABS_KEY) || 'null');
    if (saved) {
      saved.ids.forEach(chat);
      if (saved.active && chats.has(saved.active)) activate(saved.active);
      else if (chats.size) activate(chats.keys().next().value);
    }
  } catch (e) { /* a broken entry: start without tabs */ }
  connect();
})();
