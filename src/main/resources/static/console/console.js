'use strict';
// The agent console. Every text from customers, bots and agents goes in with textContent, never
// innerHTML. Protocol: docs/console-protocol.md.
(function () {
  const $ = (id) => document.getElementById(id);
  const panes = new Map(); // conversationId -> {root, lastSeq, status, lang}
  let socket = null;
  let retry = 0;
  let queues = [];
  let canned = [];
  let me = null;

  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function toast(text) {
    const t = $('toast');
    t.textContent = text;
    t.classList.add('show');
    setTimeout(() => t.classList.remove('show'), 5000);
  }

  function send(frame) {
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify(frame));
      return true;
    }
    toast('Not connected; trying again…');
    return false;
  }

  function connect() {
    const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    socket = new WebSocket(scheme + location.host + '/ws/agent');
    socket.addEventListener('open', () => {
      retry = 0;
      $('connection').textContent = 'connected';
      $('connection').className = 'connection ok';
      send({ type: 'canned' });
      // Resume every open chat after the last event seen: nothing is lost across reconnects.
      for (const [id, pane] of panes) send({ type: 'open', conversationId: id, lastSeq: pane.lastSeq });
    });
    socket.addEventListener('message', (e) => handle(JSON.parse(e.data)));
    socket.addEventListener('close', (e) => {
      $('connection').textContent = 'disconnected';
      $('connection').className = 'connection down';
      if (e.code === 1008) { location.href = '/console/login.html'; return; }
      retry = Math.min(retry + 1, 6);
      setTimeout(connect, 500 * 2 ** retry);
    });
  }

  function handle(f) {
    switch (f.type) {
      case 'welcome':
        me = f.agent;
        queues = f.queues || [];
        $('agent').textContent = f.agent + (f.supervisor ? ' (supervisor)' : '') + ' · ' + queues.join(', ');
        $('presence').value = f.presence;
        break;
      case 'presence': $('presence').value = f.status; break;
      case 'inbox': renderInbox(f); break;
      case 'callbacks': renderCallbacks(f.tasks || []); break;
      case 'canned': canned = f.replies || []; panes.forEach(fillCanned); break;
      case 'accepted': pane(f.conversationId).packet = f.packet; renderPacket(f.conversationId, f.packet); break;
      case 'packet': renderPacket(f.conversationId, f.packet); break;
      case 'event': onEvent(f); break;
      case 'typing': showTyping(f.conversationId); break;
      case 'suggestion': onSuggestion(f); break;
      case 'ack': break;
      case 'error': toast(f.message + ' (' + f.code + ')'); break;
      default: break;
    }
  }

  function renderInbox(f) {
    const list = $('waiting');
    list.replaceChildren();
    const waiting = f.waiting || [];
    $('waiting-count').textContent = String(waiting.length);
    const available = f.available || {};
    $('availability').textContent = Object.keys(available)
      .map((q) => q + (available[q] ? ': available' : ': not available')).join(' · ');
    for (const chat of waiting) {
      const p = chat.packet || {};
      const li = el('li', 'waiting-chat');
      li.dataset.conversationId = chat.conversationId;
      const who = (p.customer && (p.customer.name || p.customer.id)) || 'Anonymous';
      li.append(el('div', 'meta', '#' + chat.position + ' · ' + chat.queue + ' · ' + who
        + (p.customer && p.customer.verified ? ' ✓' : '') + ' · ' + (p.reason || '')
        + (chat.forAgent ? ' · for ' + chat.forAgent : '')));
      li.append(el('div', 'summary', p.question || ''));
      li.append(el('div', 'meta', 'waiting since ' + new Date(chat.queuedAt).toLocaleTimeString()));
      const accept = el('button', 'accept', 'Accept');
      accept.addEventListener('click', () => { accept.disabled = true; send({ type: 'accept', conversationId: chat.conversationId }); });
      const peek = el('button', 'peek', 'Read');
      peek.addEventListener('click', () => openPane(chat.conversationId));
      li.append(accept, document.createTextNode(' '), peek);
      list.append(li);
    }
    const mine = $('mine');
    mine.replaceChildren();
    for (const id of f.mine || []) {
      const li = el('li', 'my-chat', id.slice(0, 8));
      const open = el('button', null, 'Open');
      open.addEventListener('click', () => openPane(id));
      li.append(document.createTextNode(' '), open);
      mine.append(li);
      if (!panes.has(id)) openPane(id);
    }
  }

  function renderCallbacks(tasks) {
    const list = $('callbacks');
    list.replaceChildren();
    for (const t of tasks) {
      const li = el('li', 'callback');
      li.append(el('div', 'meta', t.queue + ' · ' + new Date(t.createdAt).toLocaleString() + (t.doneBy ? ' · done by ' + t.doneBy : '')));
      li.append(el('div', null, 'Contact: ' + (t.contact || '(none given)')));
      li.append(el('div', 'summary', t.question || ''));
      if (!t.doneBy) {
        const done = el('button', null, 'Done');
        done.addEventListener('click', () => send({ type: 'callback_done', id: t.id }));
        li.append(done);
      }
      list.append(li);
    }
  }

  function pane(id) {
    if (panes.has(id)) return panes.get(id);
    const root = $('pane-template').content.firstElementChild.cloneNode(true);
    root.dataset.conversationId = id;
    root.querySelector('.pane-title').textContent = 'Chat ' + id.slice(0, 8);
    const state = { root, lastSeq: 0, status: '', packet: null };
    panes.set(id, state);
    $('empty').style.display = 'none';
    $('panes').append(root);
    const text = root.querySelector('.text');
    const submit = (type) => {
      const value = text.value.trim();
      if (!value) return;
      if (send({ type, conversationId: id, clientMsgId: crypto.randomUUID(), text: value })) text.value = '';
    };
    root.querySelector('.send').addEventListener('click', () => submit('message'));
    root.querySelector('.note').addEventListener('click', () => submit('note'));
    text.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); submit('message'); }
    });
    let lastTyping = 0;
    text.addEventListener('input', () => {
      if (Date.now() - lastTyping > 2000 && state.status === 'agent') {
        lastTyping = Date.now();
        send({ type: 'typing', conversationId: id });
      }
    });
    root.querySelector('.canned').addEventListener('change', (e) => {
      const reply = canned.find((c) => c.id + ':' + c.lang === e.target.value);
      if (reply) text.value = reply.text;
      e.target.value = '';
    });
    root.querySelector('.suggest').addEventListener('click', () => send({ type: 'suggest', conversationId: id }));
    const transferTo = root.querySelector('.transfer-to');
    root.querySelector('.transfer').addEventListener('click', () => {
      const [kind, name] = transferTo.value.split(':');
      send(kind === 'agent' ? { type: 'transfer', conversationId: id, agent: name }
        : { type: 'transfer', conversationId: id, queue: name });
    });
    root.querySelector('.handback').addEventListener('click', () => send({ type: 'handback', conversationId: id }));
    root.querySelector('.close').addEventListener('click', () => send({ type: 'close', conversationId: id }));
    root.querySelector('.pane-hide').addEventListener('click', () => {
      send({ type: 'unsubscribe', conversationId: id });
      root.remove();
      panes.delete(id);
    });
    fillCanned(state);
    for (const q of queues) transferTo.append(new Option('Queue ' + q, 'queue:' + q));
    return state;
  }

  function fillCanned(state) {
    const select = state.root.querySelector('.canned');
    select.replaceChildren(new Option('Canned reply…', ''));
    for (const c of canned) select.append(new Option(c.title + ' (' + c.lang + ')', c.id + ':' + c.lang));
  }

  function openPane(id) {
    const state = pane(id);
    send({ type: 'open', conversationId: id, lastSeq: state.lastSeq });
    send({ type: 'packet', conversationId: id });
  }

  function renderPacket(id, p) {
    if (!p) return;
    const root = pane(id).root;
    const fields = root.querySelector('.packet-fields');
    fields.replaceChildren();
    const c = p.customer || {};
    const rows = [
      ['Customer', [c.name, c.id, c.email].filter(Boolean).join(' · ') || 'anonymous'],
      ['Verified', c.verified ? 'yes (signed by the site)' : 'no'],
      ['Language', c.lang], ['Page', c.page], ['Question', p.question], ['Reason', p.reason],
      ['Queue', p.queue], ['Waited', (p.waitingSeconds || 0) + ' s'],
      ['Details', Object.entries(p.details || {}).map(([k, v]) => k + ': ' + v).join(', ') || '–'],
      ['Summary', p.summary],
    ];
    for (const [k, v] of rows) fields.append(el('dt', null, k), el('dd', null, v || '–'));
    const attempts = root.querySelector('.attempts');
    attempts.replaceChildren();
    for (const a of p.botAttempts || []) {
      const sources = (a.sources || []).map((s) => s.title).join(', ');
      attempts.append(el('li', null, '[' + (a.tier || 'fallback') + (a.score ? ' ' + a.score : '') + '] '
        + a.text + (sources ? ' — ' + sources : '') + (a.helpful === false ? ' 👎' : a.helpful === true ? ' 👍' : '')));
    }
  }

  function onEvent(e) {
    const state = pane(e.conversationId);
    if (e.seq <= state.lastSeq) return;
    state.lastSeq = e.seq;
    const cls = e.kind === 'note' ? 'note' : e.author;
    const li = el('li', cls);
    li.dataset.seq = String(e.seq);
    const who = e.kind === 'note' ? 'note by ' + e.agentName : e.author === 'agent' ? e.agentName : e.author;
    li.append(el('span', 'who', who + ' · ' + new Date(e.at).toLocaleTimeString()
      + (e.tier ? ' · ' + e.tier : '') + (e.helpful === false ? ' · unhelpful' : '')));
    li.append(document.createTextNode(e.text || ''));
    const history = state.root.querySelector('.history');
    history.append(li);
    history.scrollTop = history.scrollHeight;
    if (e.kind === 'status') {
      state.status = e.status;
      state.root.dataset.status = e.status;
      // a hand-back or close carries the agent who did it; the badge says who holds the chat now
      state.root.querySelector('.pane-status').textContent = e.status
        + (e.status === 'agent' && e.agentName ? ' · ' + e.agentName : '');
    }
    if (e.author === 'customer') state.root.querySelector('.typing').textContent = '';
  }

  function showTyping(id) {
    const t = pane(id).root.querySelector('.typing');
    t.textContent = 'customer is typing…';
    clearTimeout(t.timer);
    t.timer = setTimeout(() => { t.textContent = ''; }, 4000);
  }

  function onSuggestion(f) {
    if (!f.text) { toast('No suggestion available for this chat.'); return; }
    const text = pane(f.conversationId).root.querySelector('.text');
    text.value = f.text; // never sent by itself: the agent edits and sends
    text.focus();
  }

  $('presence').addEventListener('change', (e) => send({ type: 'presence', status: e.target.value }));
  fetch('/console/csrf', { credentials: 'same-origin' }).then((r) => r.json()).then((csrf) => {
    const field = $('logout-csrf');
    field.name = csrf.parameterName;
    field.value = csrf.token;
  });
  connect();
})();
