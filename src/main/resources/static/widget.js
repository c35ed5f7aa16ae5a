/*
 * Loket customer widget. Plain JavaScript, no build step, no framework.
 * Embed:  <script src="https://loket.example.nl/widget.js" data-lang="nl" defer></script>
 * Everything is documented in docs/widget.md; the wire protocol is the customer protocol of Loket.
 *
 * Safety rule of this file: text from customers, agents, the FAQ and the LLM is never parsed as
 * HTML. It goes through renderMarkdown(), which builds DOM nodes and only ever sets textContent.
 */
(function () {
  'use strict';

  if (window.LoketWidget && window.LoketWidget.version) {
    return; // embedded twice: the first copy wins
  }

  var script = document.currentScript;
  var TYPING_EVERY_MS = 3000;
  var AGENT_TYPING_SHOWN_MS = 5000;
  var MAX_TEXT = 1000;
  var STORED_FOR_MS = 24 * 60 * 60 * 1000; // a forgotten chat on a shared computer does not live forever
  var RESEND_GAP_MS = 250; // stays under the server's frames-per-second budget when flushing the outbox

  var TEXTS = {
    nl: {
      openChat: 'Open de chat',
      closePanel: 'Chat minimaliseren',
      defaultTitle: 'Klantenservice',
      defaultGreeting: 'Hoi! Stel je vraag, ik help je graag.',
      assistant: 'Assistent',
      agent: 'Medewerker',
      you: 'Jij',
      inputLabel: 'Je bericht',
      messages: 'Berichten',
      placeholder: 'Typ je vraag…',
      send: 'Versturen',
      talkToPerson: 'Praat met een medewerker',
      endChat: 'Chat beëindigen',
      endChatConfirm: 'Weet je zeker dat je de chat wilt beëindigen?',
      endChatYes: 'Ja, beëindigen',
      endChatNo: 'Nee, doorgaan',
      download: 'Gesprek downloaden',
      newChat: 'Nieuwe chat starten',
      helpful: 'Nuttig antwoord',
      notHelpful: 'Niet nuttig antwoord',
      thanks: 'Bedankt voor je feedback!',
      source: 'Bron',
      sources: 'Bronnen',
      notices: 'Actuele meldingen',
      connecting: 'Verbinden…',
      online: 'Online',
      offline: 'Geen verbinding. We proberen het opnieuw…',
      sending: 'Wordt verstuurd…',
      notSent: 'Nog niet verstuurd, volgt zodra er verbinding is',
      tooLong: 'Je bericht is te lang (maximaal ' + MAX_TEXT + ' tekens).',
      statusBot: 'Je chat weer met de assistent.',
      statusQueued: 'Je staat in de wachtrij voor een medewerker.',
      position: 'Je bent nummer {n} in de rij.',
      wait: 'Verwachte wachttijd: {w}.',
      minutes: 'ongeveer {n} min',
      statusAgent: '{name} neemt je chat over.',
      statusAgentNoName: 'Een medewerker neemt je chat over.',
      statusClosed: 'De chat is beëindigd.',
      headerBot: 'Digitale assistent',
      headerQueued: 'In de wachtrij',
      headerAgent: 'Je chat met {name}',
      headerClosed: 'Chat beëindigd',
      typing: '{name} is aan het typen…',
      unread: '{n} nieuwe berichten',
      restarted: 'Je vorige chat is verlopen. We zijn een nieuwe chat begonnen.',
      error: 'Er ging iets mis: {m}',
      transcriptTitle: 'Chatgesprek',
      streaming: 'Antwoord wordt geschreven…',
      fieldSend: 'Doorgeven',
      fieldInvalid: 'Dit antwoord klopt nog niet; zie het bericht hierboven.'
    },
    en: {
      openChat: 'Open the chat',
      closePanel: 'Minimise chat',
      defaultTitle: 'Customer service',
      defaultGreeting: 'Hi! Ask your question, I am happy to help.',
      assistant: 'Assistant',
      agent: 'Agent',
      you: 'You',
      inputLabel: 'Your message',
      messages: 'Messages',
      placeholder: 'Type your question…',
      send: 'Send',
      talkToPerson: 'Talk to a person',
      endChat: 'End chat',
      endChatConfirm: 'Are you sure you want to end the chat?',
      endChatYes: 'Yes, end it',
      endChatNo: 'No, carry on',
      download: 'Download conversation',
      newChat: 'Start a new chat',
      helpful: 'Helpful answer',
      notHelpful: 'Unhelpful answer',
      thanks: 'Thanks for your feedback!',
      source: 'Source',
      sources: 'Sources',
      notices: 'Current notices',
      connecting: 'Connecting…',
      online: 'Online',
      offline: 'No connection. Trying again…',
      sending: 'Sending…',
      notSent: 'Not sent yet, will be sent when the connection is back',
      tooLong: 'Your message is too long (at most ' + MAX_TEXT + ' characters).',
      statusBot: 'You are chatting with the assistant again.',
      statusQueued: 'You are in the queue for an agent.',
      position: 'You are number {n} in line.',
      wait: 'Expected wait: {w}.',
      minutes: 'about {n} min',
      statusAgent: '{name} is taking over your chat.',
      statusAgentNoName: 'An agent is taking over your chat.',
      statusClosed: 'The chat has ended.',
      headerBot: 'Digital assistant',
      headerQueued: 'In the queue',
      headerAgent: 'Chatting with {name}',
      headerClosed: 'Chat ended',
      typing: '{name} is typing…',
      unread: '{n} new messages',
      restarted: 'Your previous chat had expired. We started a new one.',
      error: 'Something went wrong: {m}',
      transcriptTitle: 'Chat conversation',
      streaming: 'Writing an answer…',
      fieldSend: 'Submit',
      fieldInvalid: 'This answer is not right yet; see the message above.'
    }
  };

  // ---------------------------------------------------------------- configuration

  function pickLang(value) {
    var lang = (value || '').toLowerCase().slice(0, 2);
    if (lang === 'nl' || lang === 'en') {
      return lang;
    }
    return value ? 'en' : 'nl';
  }

  function readConfig() {
    var data = (script && script.dataset) || {};
    var scriptUrl = script && script.src ? new URL(script.src, location.href) : new URL('/widget.js', location.href);
    var server = new URL(data.server || scriptUrl.origin, location.href);
    var lang = pickLang(data.lang || document.documentElement.getAttribute('lang'));
    var customer = null;
    if (data.customerId || data.customerName || data.customerEmail) {
      customer = {
        id: data.customerId || '',
        name: data.customerName || '',
        email: data.customerEmail || '',
        issuedAt: data.customerIssuedAt || '',
        nonce: data.customerNonce || '',
        signature: data.customerSignature || ''
      };
    }
    return {
      lang: lang,
      t: TEXTS[lang],
      server: server.origin,
      css: new URL('widget.css', scriptUrl).href,
      color: data.color || '#0b6b4a',
      title: data.title || TEXTS[lang].defaultTitle,
      greeting: data.greeting || TEXTS[lang].defaultGreeting,
      position: data.position === 'left' ? 'left' : 'right',
      openAtStart: data.open === 'true',
      customer: customer
    };
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, key) {
      return values[key] === undefined ? all : String(values[key]);
    });
  }

  // ---------------------------------------------------------------- safe Markdown (DOM only)

  var SAFE_PROTOCOLS = { 'http:': true, 'https:': true };

  function safeHref(href) {
    try {
      var url = new URL(href);
      return SAFE_PROTOCOLS[url.protocol] ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  function link(text, href) {
    var a = document.createElement('a');
    a.setAttribute('href', href);
    a.setAttribute('target', '_blank');
    a.setAttribute('rel', 'noopener noreferrer');
    a.textContent = text;
    return a;
  }

  // Inline syntax, earliest match wins: `code`, [text](url), **bold**, *italic* / _italic_, bare URLs.
  var INLINE = /`([^`\n]+)`|\[([^\]\n]+)\]\(([^)\s]+)\)|\*\*([^*\n]+?)\*\*|\*([^*\s][^*\n]*?)\*|(^|[^\w])_([^_\s][^_\n]*?)_(?!\w)|(https?:\/\/[^\s<>()]*[^\s<>().,;:!?'"])/g;

  function appendInline(parent, text, depth) {
    var last = 0;
    var match;
    INLINE.lastIndex = 0;
    var found = [];
    while ((match = INLINE.exec(text)) !== null) {
      found.push({ m: match.slice(), index: match.index, end: INLINE.lastIndex });
    }
    found.forEach(function (f) {
      var m = f.m;
      var start = f.index;
      if (m[6] !== undefined) {
        start += m[6].length; // keep the character before _italic_
      }
      if (start > last) {
        parent.appendChild(document.createTextNode(text.slice(last, start)));
      }
      if (m[1] !== undefined) {
        var code = document.createElement('code');
        code.textContent = m[1];
        parent.appendChild(code);
      } else if (m[2] !== undefined) {
        var href = safeHref(m[3]);
        parent.appendChild(href ? link(m[2], href) : document.createTextNode(m[2]));
      } else if (m[4] !== undefined || m[5] !== undefined || m[7] !== undefined) {
        var tag = m[4] !== undefined ? 'strong' : 'em';
        var inner = m[4] !== undefined ? m[4] : (m[5] !== undefined ? m[5] : m[7]);
        var node = document.createElement(tag);
        if (depth < 3) {
          appendInline(node, inner, depth + 1);
        } else {
          node.textContent = inner;
        }
        parent.appendChild(node);
      } else if (m[8] !== undefined) {
        var bare = safeHref(m[8]);
        parent.appendChild(bare ? link(m[8], bare) : document.createTextNode(m[8]));
      }
      last = f.end;
    });
    if (last < text.length) {
      parent.appendChild(document.createTextNode(text.slice(last)));
    }
  }

  function appendLines(parent, lines) {
    lines.forEach(function (line, i) {
      if (i > 0) {
        parent.appendChild(document.createElement('br'));
      }
      appendInline(parent, line, 0);
    });
  }

  var BULLET = /^\s*[-*+]\s+(.*)$/;
  var NUMBERED = /^\s*\d+[.)]\s+(.*)$/;
  var HEADING = /^\s*#{1,6}\s+(.*)$/;

  /** Renders a safe Markdown subset into a fragment: paragraphs, lists, bold, italic, code, http(s) links. */
  function renderMarkdown(source) {
    var fragment = document.createDocumentFragment();
    var blocks = String(source || '').replace(/\r\n?/g, '\n').split(/\n\s*\n/);
    blocks.forEach(function (block) {
      var lines = block.split('\n').filter(function (l) { return l.trim() !== ''; });
      if (lines.length === 0) {
        return;
      }
      var list = null;
      var paragraph = [];
      function flushParagraph() {
        if (paragraph.length) {
          var p = document.createElement('p');
          appendLines(p, paragraph);
          fragment.appendChild(p);
          paragraph = [];
        }
      }
      lines.forEach(function (line) {
        var bullet = BULLET.exec(line);
        var numbered = bullet ? null : NUMBERED.exec(line);
        var heading = HEADING.exec(line);
        if (bullet || numbered) {
          flushParagraph();
          var tag = bullet ? 'ul' : 'ol';
          if (!list || list.tagName.toLowerCase() !== tag) {
            list = document.createElement(tag);
            fragment.appendChild(list);
          }
          var li = document.createElement('li');
          appendInline(li, (bullet || numbered)[1], 0);
          list.appendChild(li);
        } else if (heading) {
          flushParagraph();
          list = null;
          var p = document.createElement('p');
          var strong = document.createElement('strong');
          appendInline(strong, heading[1], 1);
          p.appendChild(strong);
          fragment.appendChild(p);
        } else if (list && /^\s+\S/.test(line)) {
          var lastItem = list.lastChild;
          lastItem.appendChild(document.createTextNode(' '));
          appendInline(lastItem, line.trim(), 0);
        } else {
          list = null;
          paragraph.push(line);
        }
      });
      flushParagraph();
    });
    return fragment;
  }

  // The agent console loads this file only for the renderer, so agents see a bot answer exactly as
  // the customer saw it: the same code, no second Markdown dialect.
  if (script && script.hasAttribute('data-markdown-only')) {
    window.LoketMarkdown = { render: renderMarkdown };
    return;
  }

  // ---------------------------------------------------------------- small DOM helpers

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      var value = attrs[key];
      if (value === null || value === undefined || value === false) {
        return;
      }
      if (key === 'text') {
        node.textContent = value;
      } else if (key === 'className') {
        node.className = value;
      } else {
        node.setAttribute(key, value === true ? '' : value);
      }
    });
    (children || []).forEach(function (child) {
      if (child) {
        node.appendChild(child);
      }
    });
    return node;
  }

  var SVG_NS = 'http://www.w3.org/2000/svg';
  var ICONS = {
    chat: 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zm3 6a1.3 1.3 0 1 0 0 2.6A1.3 1.3 0 0 0 7 10zm5 0a1.3 1.3 0 1 0 0 2.6 1.3 1.3 0 0 0 0-2.6zm5 0a1.3 1.3 0 1 0 0 2.6 1.3 1.3 0 0 0 0-2.6z',
    close: 'M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6 10.6 12 5 6.4z',
    minimise: 'M5 11h14v2H5z',
    send: 'M3 20.5 21.5 12 3 3.5 3 10l12 2-12 2z',
    download: 'M11 4h2v8.2l3.3-3.3 1.4 1.4L12 16l-5.7-5.7 1.4-1.4 3.3 3.3zM5 18h14v2H5z',
    end: 'M12 3a9 9 0 1 1 0 18 9 9 0 0 1 0-18zm0 2a7 7 0 1 0 0 14 7 7 0 0 0 0-14zM8 11h8v2H8z',
    person: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm0 2c-4 0-8 2-8 5v1h16v-1c0-3-4-5-8-5z',
    up: 'M2 21h4V9H2zm20-11a2 2 0 0 0-2-2h-6.3l1-4.6v-.3c0-.4-.2-.8-.4-1.1L13.2 1 6.6 7.6C6.2 8 6 8.5 6 9v10a2 2 0 0 0 2 2h9c.8 0 1.5-.5 1.8-1.2l3-7.1.2-.7z',
    down: 'M22 3h-4v12h4zM2 14a2 2 0 0 0 2 2h6.3l-1 4.6v.3c0 .4.2.8.4 1.1l1.1 1 6.6-6.6c.4-.4.6-.9.6-1.4V5a2 2 0 0 0-2-2H7c-.8 0-1.5.5-1.8 1.2l-3 7.1-.2.7z',
    info: 'M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20zm-1 8v7h2v-7zm0-3v2h2V7z'
  };

  function icon(name) {
    var svg = document.createElementNS(SVG_NS, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    svg.setAttribute('class', 'icon');
    var path = document.createElementNS(SVG_NS, 'path');
    path.setAttribute('d', ICONS[name]);
    svg.appendChild(path);
    return svg;
  }

  function iconButton(name, label, className) {
    var button = el('button', { type: 'button', className: 'icon-button ' + (className || ''), 'aria-label': label, title: label });
    button.appendChild(icon(name));
    return button;
  }

  // Brand colour: pick white or near-black text on it, and a text colour that is readable on white.
  function luminance(hex) {
    var m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex || '');
    if (!m) {
      return null;
    }
    var h = m[1].length === 3 ? m[1].replace(/(.)/g, '$1$1') : m[1];
    var rgb = [0, 2, 4].map(function (i) {
      var c = parseInt(h.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
  }

  function contrast(l1, l2) {
    return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
  }

  function applyColours(host, colour) {
    var l = luminance(colour);
    if (l === null) {
      return; // not a #rgb/#rrggbb colour: keep the default from widget.css
    }
    var hex = colour.charAt(0) === '#' ? colour : '#' + colour;
    host.style.setProperty('--loket-brand', hex);
    host.style.setProperty('--loket-on-brand', contrast(l, 1) >= 4.5 ? '#ffffff' : '#111111');
    host.style.setProperty('--loket-brand-text', contrast(l, 1) >= 4.5 ? hex : '#1f2933');
  }

  // ---------------------------------------------------------------- storage

  function Store(server) {
    var key = 'loket:' + server;
    function read() {
      try {
        var saved = JSON.parse(localStorage.getItem(key) || 'null');
        if (saved && Date.now() - (saved.savedAt || 0) < STORED_FOR_MS) {
          return saved;
        }
      } catch (e) {
        // storage disabled or corrupted: the chat still works, it just does not survive a reload
      }
      return null;
    }
    function write(state) {
      try {
        state.savedAt = Date.now();
        localStorage.setItem(key, JSON.stringify(state));
      } catch (e) {
        // see read()
      }
    }
    function clear() {
      try {
        localStorage.removeItem(key);
      } catch (e) {
        // see read()
      }
    }
    return { read: read, write: write, clear: clear };
  }

  function newId() {
    if (window.crypto && crypto.randomUUID) {
      return crypto.randomUUID();
    }
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }

  // ---------------------------------------------------------------- the widget

  function Widget(config) {
    var t = config.t;
    var store = Store(config.server);
    var saved = store.read() || {};
    var state = {
      conversationId: saved.conversationId || null,
      token: saved.token || null,
      lastSeq: 0, // what this page has rendered; a fresh page rebuilds the history from the server
      outbox: saved.outbox || [], // sent but not acknowledged: resent with the same clientMsgId
      status: null,
      customer: config.customer,
      socket: null,
      connected: false,
      attempt: 0,
      reconnectTimer: null,
      flushTimer: null,
      lastTypingSent: 0,
      open: false,
      unread: 0,
      historyUntil: null, // the last seq this page found in the conversation when it first attached
      events: [], // every rendered event, in seq order: the transcript
      streams: {} // replyTo -> element of an LLM answer being written
    };

    // ---- the DOM, inside a shadow root so the host page's CSS and ours never meet
    var host = el('div', { id: 'loket-widget', 'data-position': config.position });
    host.style.display = 'none'; // until widget.css is loaded: no flash of unstyled widget
    applyColours(host, config.color);
    var root = host.attachShadow({ mode: 'open' });
    var stylesheet = el('link', { rel: 'stylesheet', href: config.css });
    stylesheet.addEventListener('load', function () { host.style.display = ''; });
    stylesheet.addEventListener('error', function () { host.style.display = ''; });
    root.appendChild(stylesheet);

    var badge = el('span', { className: 'badge', hidden: true, 'aria-hidden': 'true' });
    var launcher = el('button', {
      type: 'button', className: 'launcher', 'aria-expanded': 'false', 'aria-controls': 'loket-panel',
      'aria-label': t.openChat + ': ' + config.title
    }, [icon('chat'), badge]);

    var title = el('h2', { id: 'loket-title', className: 'title', text: config.title });
    var subtitle = el('p', { className: 'subtitle', id: 'loket-subtitle', text: t.headerBot });
    var dot = el('span', { className: 'dot', 'aria-hidden': 'true' });
    var downloadButton = iconButton('download', t.download, 'download');
    var endButton = iconButton('end', t.endChat, 'end');
    var minimiseButton = iconButton('minimise', t.closePanel, 'minimise');
    var header = el('div', { className: 'header' }, [
      el('div', { className: 'avatar', 'aria-hidden': 'true' }, [icon('chat')]),
      el('div', { className: 'heading' }, [title, el('div', { className: 'presence' }, [dot, subtitle])]),
      el('div', { className: 'actions' }, [downloadButton, endButton, minimiseButton])
    ]);

    var connection = el('p', { className: 'connection', role: 'status', hidden: true });
    var confirmText = el('p', { text: t.endChatConfirm });
    var confirmYes = el('button', { type: 'button', className: 'button danger', text: t.endChatYes });
    var confirmNo = el('button', { type: 'button', className: 'button secondary', text: t.endChatNo });
    var confirmBox = el('div', { className: 'confirm', hidden: true, role: 'group', 'aria-label': t.endChat },
      [confirmText, el('div', { className: 'row' }, [confirmYes, confirmNo])]);
    var notices = el('section', { className: 'notices', hidden: true, 'aria-label': t.notices });
    var greeting = el('li', { className: 'item greeting' }, [
      el('p', { className: 'who', text: t.assistant }),
      el('div', { className: 'bubble' }, [renderMarkdown(config.greeting)])
    ]);
    var log = el('ol', { className: 'log', 'aria-label': config.title }, [greeting]);
    var scroller = el('div', { className: 'scroller', tabindex: '0', role: 'region', 'aria-label': t.messages }, [notices, log]);
    var typing = el('p', { className: 'typing', hidden: true, 'aria-hidden': 'true' });
    var input = el('textarea', {
      id: 'loket-input', className: 'input', rows: '1', maxlength: String(MAX_TEXT),
      placeholder: t.placeholder, 'aria-label': t.inputLabel, autocomplete: 'off'
    });
    var sendButton = el('button', { type: 'submit', className: 'send', 'aria-label': t.send, title: t.send }, [icon('send')]);
    var composer = el('form', { className: 'composer' }, [input, sendButton]);
    var personButton = el('button', { type: 'button', className: 'person' }, [icon('person'), el('span', { text: t.talkToPerson })]);
    var newChatButton = el('button', { type: 'button', className: 'button primary new-chat', hidden: true, text: t.newChat });
    var footer = el('div', { className: 'footer' }, [personButton, newChatButton]);
    var panel = el('section', {
      id: 'loket-panel', className: 'panel', role: 'dialog', 'aria-labelledby': 'loket-title', hidden: true,
      lang: config.lang
    }, [header, connection, confirmBox, scroller, typing, composer, footer]);
    // Only finished messages are announced; the visible log is not live, or every streamed word would be read out.
    var announcer = el('div', { className: 'sr-only', 'aria-live': 'polite', 'aria-atomic': 'false' });
    root.appendChild(el('div', { className: 'loket ' + config.position, lang: config.lang }, [panel, launcher, announcer]));

    function mount() {
      document.body.appendChild(host);
    }

    // ---- panel open/close and focus
    function openPanel() {
      if (state.open) {
        return;
      }
      state.open = true;
      panel.hidden = false;
      host.setAttribute('data-open', 'true');
      launcher.setAttribute('aria-expanded', 'true');
      launcher.setAttribute('aria-label', t.closePanel);
      state.unread = 0;
      updateBadge();
      loadNotices();
      ensureConnected();
      scrollToEnd();
      input.focus();
    }

    function closePanel(returnFocus) {
      if (!state.open) {
        return;
      }
      state.open = false;
      panel.hidden = true;
      host.setAttribute('data-open', 'false');
      confirmBox.hidden = true;
      launcher.setAttribute('aria-expanded', 'false');
      launcher.setAttribute('aria-label', t.openChat + ': ' + config.title);
      if (returnFocus !== false) {
        launcher.focus();
      }
    }

    launcher.addEventListener('click', function () {
      if (state.open) {
        closePanel();
      } else {
        openPanel();
      }
    });
    minimiseButton.addEventListener('click', function () { closePanel(); });
    panel.addEventListener('keydown', function (e) {
      if (e.key === 'Escape') {
        e.preventDefault();
        if (!confirmBox.hidden) {
          confirmBox.hidden = true;
          endButton.focus();
        } else {
          closePanel();
        }
      }
    });

    function updateBadge() {
      badge.hidden = state.unread === 0;
      badge.textContent = state.unread > 9 ? '9+' : String(state.unread);
      launcher.setAttribute('aria-label', (state.open ? t.closePanel : t.openChat + ': ' + config.title)
        + (state.unread ? ' (' + format(t.unread, { n: state.unread }) + ')' : ''));
    }

    function scrollToEnd() {
      scroller.scrollTop = scroller.scrollHeight;
    }

    // The list shrinks when the typing line shows or a phone's keyboard opens: a reader at the end
    // stays at the end (one who scrolled up to read stays where they are).
    // A scroll that comes with a new size was caused by the resize, not the reader: it does not count.
    var pinnedToEnd = true;
    var sizeSeen = '';
    function sizeNow() {
      return scroller.clientWidth + 'x' + scroller.clientHeight;
    }
    scroller.addEventListener('scroll', function () {
      if (sizeNow() === sizeSeen) {
        pinnedToEnd = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 40;
      }
    });
    if (window.ResizeObserver) {
      new ResizeObserver(function () {
        sizeSeen = sizeNow();
        if (pinnedToEnd) {
          scrollToEnd();
        }
      }).observe(scroller);
    }

    function announce(text) {
      var line = el('p', { text: text });
      announcer.appendChild(line);
      while (announcer.childNodes.length > 3) {
        announcer.removeChild(announcer.firstChild);
      }
    }

    // ---- notices (known issues) before the chat
    var noticesLoaded = false;
    function loadNotices() {
      if (noticesLoaded || !window.fetch) {
        return;
      }
      noticesLoaded = true;
      fetch(config.server + '/api/notices?lang=' + encodeURIComponent(config.lang), { credentials: 'omit' })
        .then(function (response) { return response.ok ? response.json() : []; })
        .then(showNotices)
        .catch(function () { /* no notices endpoint or offline: nothing to show */ });
    }

    function showNotices(list) {
      if (!Array.isArray(list) || list.length === 0) {
        return;
      }
      notices.textContent = '';
      list.slice(0, 3).forEach(function (notice) {
        if (!notice || typeof notice !== 'object') {
          return;
        }
        // Never the notice's "html": the widget renders the Markdown itself. Only the first paragraph:
        // the card is a heads-up above the chat, the whole answer is one question away.
        var summary = String(notice.markdown || '').replace(/\r\n?/g, '\n').split(/\n\s*\n/)[0];
        var body = el('div', { className: 'notice-body' }, [renderMarkdown(summary)]);
        notices.appendChild(el('article', { className: 'notice-card' }, [
          icon('info'),
          el('div', {}, [el('h3', { text: String(notice.title || '') }), body])
        ]));
      });
      notices.hidden = notices.childNodes.length === 0;
    }

    // ---- rendering events
    function authorLabel(event) {
      switch (event.author) {
        case 'customer': return t.you;
        case 'agent': return event.agentName || t.agent;
        case 'bot': return t.assistant;
        default: return config.title; // notices come from the organisation
      }
    }

    function firstPending() {
      return log.querySelector('.item.pending, .item.streaming');
    }

    function place(item) {
      log.insertBefore(item, firstPending());
      if (state.open) {
        scrollToEnd();
        if (!item.classList.contains('from-customer') && item.offsetTop < scroller.scrollTop) {
          scroller.scrollTop = item.offsetTop - 8; // a long answer is read from its start
        }
      }
    }

    function quickReplies(replies) {
      if (!replies || !replies.length) {
        return null;
      }
      var group = el('div', { className: 'quick', role: 'group' });
      replies.forEach(function (reply) {
        var button = el('button', { type: 'button', className: 'chip', text: String(reply.label || reply.value) });
        button.addEventListener('click', function () {
          sendMessage(String(reply.value || reply.label));
          input.focus();
        });
        group.appendChild(button);
      });
      return group;
    }

    function dropOldQuickReplies() {
      Array.prototype.forEach.call(log.querySelectorAll('.quick, .field-form'), function (group) {
        group.parentNode.removeChild(group);
      });
    }

    // ---- a self-service action's question as a form control: a label, its help, the error when asked
    // again, keyboard only; the composer still takes free text for the same question
    var FIELD_INPUT = {
      ean: { inputmode: 'numeric', autocomplete: 'off' },
      number: { inputmode: 'numeric', autocomplete: 'off' },
      amount: { inputmode: 'decimal', autocomplete: 'off' },
      postcode: { inputmode: 'text', autocomplete: 'postal-code' },
      'house-number': { inputmode: 'text', autocomplete: 'address-line2' },
      date: { inputmode: 'numeric', autocomplete: 'off' }
    };
    var fieldCount = 0;

    function fieldForm(field, bubbleId) {
      if (!field || typeof field !== 'object' || !field.name || !field.label) {
        return null;
      }
      var id = 'loket-field-' + (++fieldCount);
      var kind = FIELD_INPUT[String(field.type)] || { inputmode: 'text', autocomplete: 'off' };
      var described = [];
      var help = null;
      var error = null;
      if (field.help) {
        help = el('p', { id: id + '-help', className: 'field-help', text: String(field.help) });
        described.push(help.id);
      }
      if (field.invalid === true) {
        error = el('p', { id: id + '-error', className: 'field-error', text: t.fieldInvalid });
        described.push(error.id, bubbleId);
      }
      var control = el('input', {
        id: id, className: 'field-input', type: 'text', name: String(field.name), required: true,
        inputmode: kind.inputmode, autocomplete: kind.autocomplete, maxlength: String(MAX_TEXT),
        'aria-invalid': field.invalid === true ? 'true' : null,
        'aria-describedby': described.length ? described.join(' ') : null
      });
      var form = el('form', { className: 'field-form', 'data-field': String(field.name) }, [
        el('label', { 'for': id, className: 'field-label', text: String(field.label) }),
        help, error,
        el('div', { className: 'field-row' }, [control, el('button', { type: 'submit', className: 'field-send', text: t.fieldSend })])
      ]);
      form.addEventListener('submit', function (e) {
        e.preventDefault();
        var value = control.value.trim();
        if (!value) {
          control.focus();
          return;
        }
        state.answeredInForm = true;
        sendMessage(value);
        input.focus(); // until the next question arrives: then its own field takes the focus
      });
      return form;
    }

    function sourcesLine(sources) {
      if (!sources || !sources.length) {
        return null;
      }
      var titles = sources.map(function (s) { return String(s.title || s.id); });
      return el('p', { className: 'sources' }, [
        el('span', { className: 'label', text: (titles.length === 1 ? t.source : t.sources) + ': ' }),
        document.createTextNode(titles.join(', '))
      ]);
    }

    function feedbackButtons(event) {
      var thanks = el('span', { className: 'thanks', text: t.thanks, hidden: event.helpful === undefined });
      var up = iconButton('up', t.helpful, 'vote');
      var down = iconButton('down', t.notHelpful, 'vote');
      function mark(helpful) {
        up.setAttribute('aria-pressed', String(helpful === true));
        down.setAttribute('aria-pressed', String(helpful === false));
      }
      mark(event.helpful);
      function vote(helpful) {
        mark(helpful);
        thanks.hidden = false;
        send({ type: 'feedback', seq: event.seq, helpful: helpful });
      }
      up.addEventListener('click', function () { vote(true); });
      down.addEventListener('click', function () { vote(false); });
      return el('div', { className: 'feedback', role: 'group', 'aria-label': t.helpful + '?' }, [up, down, thanks]);
    }

    function timeOf(event) {
      var date = event.at ? new Date(event.at) : new Date();
      return isNaN(date) ? '' : date.toLocaleTimeString(config.lang === 'nl' ? 'nl-NL' : 'en-GB', { hour: '2-digit', minute: '2-digit' });
    }

    function messageItem(event) {
      var item = el('li', { className: 'item from-' + event.author, 'data-seq': event.seq || null });
      var meta = el('p', { className: 'who' }, [
        el('span', { className: 'name', text: authorLabel(event) }),
        el('span', { className: 'time', text: timeOf(event) })
      ]);
      var bubble = el('div', { className: 'bubble', id: event.field && event.seq ? 'loket-bubble-' + event.seq : null },
        [renderMarkdown(event.text)]);
      item.appendChild(meta);
      item.appendChild(bubble);
      var form = event.author === 'bot' ? fieldForm(event.field, bubble.id) : null;
      if (form) {
        item.appendChild(form);
      }
      if (event.author === 'bot' && event.kind === 'message') {
        var src = sourcesLine(event.sources);
        if (src) {
          // Only answers are rated: not the bot's own questions (which entry, details for a colleague) or its fallback.
          item.appendChild(src);
          item.appendChild(feedbackButtons(event));
        }
      }
      var quick = quickReplies(event.quickReplies);
      if (quick) {
        item.appendChild(quick);
      }
      return item;
    }

    function statusLine(event) {
      var text;
      switch (event.status) {
        case 'queued':
          text = t.statusQueued;
          if (event.queuePosition) {
            text += ' ' + format(t.position, { n: event.queuePosition });
          }
          var wait = event.estimatedWait || (event.attributes && event.attributes.estimatedWait);
          if (wait) {
            var minutes = Number(wait);
            text += ' ' + format(t.wait, { w: isNaN(minutes) ? String(wait) : format(t.minutes, { n: Math.max(1, Math.round(minutes / 60)) }) });
          }
          break;
        case 'agent': text = event.agentName ? format(t.statusAgent, { name: event.agentName }) : t.statusAgentNoName; break;
        case 'bot': text = t.statusBot; break;
        case 'closed': text = t.statusClosed; break;
        default: text = event.text || '';
      }
      return text;
    }

    function onEvent(event) {
      if (typeof event.seq !== 'number' || event.seq <= state.lastSeq) {
        return; // already shown: replays after a reconnect overlap on purpose
      }
      state.lastSeq = event.seq;
      persist();
      state.events.push(event);
      var live = state.historyUntil !== null && event.seq > state.historyUntil; // news, not history
      if (event.kind === 'status') {
        var line = statusLine(event);
        place(el('li', { className: 'item status-line', 'data-seq': event.seq }, [el('p', { text: line })]));
        setStatus(event.status, event.agentName);
        if (event.status !== 'bot') {
          dropStreams();
        }
        if (live) {
          announce(line);
        }
        return;
      }
      dropOldQuickReplies(); // only the newest message's choices are still open
      if (event.author === 'customer') {
        if (adoptPending(event)) {
          return;
        }
      }
      if (event.author === 'bot') {
        replaceStream(event);
      }
      if (event.author === 'agent') {
        hideTyping();
      }
      var item = messageItem(event);
      if (event.kind === 'notice') {
        item.className += ' notice';
      }
      place(item);
      var control = item.querySelector('.field-input');
      // the next question of a form takes the focus when the customer is not busy typing elsewhere
      if (live && control && state.open && (state.answeredInForm || (root.activeElement === input && !input.value))) {
        control.focus();
      }
      if (live && event.author === 'bot' && !control && state.answeredInForm) {
        // the form's last field is answered: its summary's first choice (confirm) takes the focus; after
        // that the focus stays where the customer is
        var choice = item.querySelector('.quick .chip');
        if (choice && state.open) {
          choice.focus();
        }
        state.answeredInForm = false;
      }
      if (live && event.author !== 'customer') {
        announce(authorLabel(event) + ': ' + event.text);
        if (!state.open) {
          state.unread++;
          updateBadge();
        }
      }
    }

    // ---- customer messages: rendered at once, marked pending until acknowledged
    function pendingItem(entry) {
      var item = messageItem({ author: 'customer', kind: 'message', text: entry.text });
      item.className += ' pending';
      item.setAttribute('data-client-msg-id', entry.clientMsgId);
      item.appendChild(el('p', { className: 'state', text: state.connected ? t.sending : t.notSent }));
      log.appendChild(item);
      scrollToEnd();
      return item;
    }

    function pendingFor(clientMsgId) {
      return log.querySelector('.item.pending[data-client-msg-id="' + clientMsgId + '"]');
    }

    function settle(item, seq) {
      item.classList.remove('pending');
      item.setAttribute('data-seq', seq);
      var note = item.querySelector('.state');
      if (note) {
        item.removeChild(note);
      }
    }

    function adoptPending(event) {
      var acked = log.querySelector('.item.from-customer[data-seq="' + event.seq + '"]');
      if (acked) {
        acked.classList.remove('pending');
        log.insertBefore(acked, firstPending());
        return true;
      }
      // The event can come before its ack; the server keeps one socket's messages in order.
      var pending = log.querySelectorAll('.item.pending');
      for (var i = 0; i < pending.length; i++) {
        var id = pending[i].getAttribute('data-client-msg-id');
        var entry = state.outbox.filter(function (e) { return e.clientMsgId === id; })[0];
        if (entry && entry.text === event.text) {
          entry.seq = event.seq;
          settle(pending[i], event.seq);
          log.insertBefore(pending[i], firstPending());
          return true;
        }
      }
      return false;
    }

    function onAck(frame) {
      var item = pendingFor(frame.clientMsgId);
      state.outbox = state.outbox.filter(function (e) { return e.clientMsgId !== frame.clientMsgId; });
      persist();
      if (!item) {
        return;
      }
      var shown = log.querySelector('.item.from-customer[data-seq="' + frame.seq + '"]:not(.pending)');
      if (shown && shown !== item) {
        item.parentNode.removeChild(item); // the event was shown already
      } else {
        settle(item, frame.seq);
        if (frame.seq <= state.lastSeq) {
          log.insertBefore(item, firstPending());
        }
      }
    }

    function sendMessage(text) {
      text = String(text || '').trim();
      if (!text) {
        return;
      }
      if (text.length > MAX_TEXT) {
        showConnection(t.tooLong, false);
        return;
      }
      var entry = { clientMsgId: newId(), text: text };
      state.outbox.push(entry);
      persist();
      dropOldQuickReplies();
      pendingItem(entry);
      ensureConnected();
      if (state.connected) {
        send({ type: 'message', clientMsgId: entry.clientMsgId, text: entry.text });
      }
    }

    function flushOutbox() {
      clearTimeout(state.flushTimer);
      var queue = state.outbox.slice();
      (function next(i) {
        if (i >= queue.length || !state.connected) {
          return;
        }
        send({ type: 'message', clientMsgId: queue[i].clientMsgId, text: queue[i].text });
        state.flushTimer = setTimeout(function () { next(i + 1); }, RESEND_GAP_MS);
      })(0);
      markPending(t.sending);
    }

    function markPending(text) {
      Array.prototype.forEach.call(log.querySelectorAll('.item.pending .state'), function (note) {
        note.textContent = text;
      });
    }

    composer.addEventListener('submit', function (e) {
      e.preventDefault();
      if (state.status === 'closed') {
        return;
      }
      var text = input.value;
      input.value = '';
      sendMessage(text);
      input.focus();
    });
    input.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        if (composer.requestSubmit) {
          composer.requestSubmit();
        } else {
          sendButton.click();
        }
      }
    });
    input.addEventListener('input', function () {
      var now = Date.now();
      if (state.connected && (state.status === 'agent' || state.status === 'queued') && now - state.lastTypingSent >= TYPING_EVERY_MS) {
        state.lastTypingSent = now;
        send({ type: 'typing' });
      }
    });

    // ---- LLM answers streaming in
    function onDelta(frame) {
      var item = state.streams[frame.replyTo];
      if (frame.discard) {
        if (item) {
          item.parentNode.removeChild(item);
          delete state.streams[frame.replyTo];
        }
        return;
      }
      if (state.status && state.status !== 'bot') {
        return;
      }
      if (!item) {
        item = el('li', { className: 'item from-bot streaming', 'aria-busy': 'true' }, [
          el('p', { className: 'who' }, [el('span', { className: 'name', text: t.assistant }),
            el('span', { className: 'time', text: t.streaming })]),
          el('div', { className: 'bubble' })
        ]);
        item.rawText = '';
        state.streams[frame.replyTo] = item;
        var before = log.querySelector('.item.pending');
        log.insertBefore(item, before);
      }
      item.rawText += String(frame.text || '');
      var bubble = item.querySelector('.bubble');
      bubble.textContent = '';
      bubble.appendChild(renderMarkdown(item.rawText));
      scrollToEnd();
    }

    function replaceStream(event) {
      Object.keys(state.streams).forEach(function (replyTo) {
        if (Number(replyTo) < event.seq) {
          var item = state.streams[replyTo];
          item.parentNode.removeChild(item);
          delete state.streams[replyTo];
        }
      });
    }

    function dropStreams() {
      Object.keys(state.streams).forEach(function (replyTo) {
        var item = state.streams[replyTo];
        item.parentNode.removeChild(item);
      });
      state.streams = {};
    }

    // ---- agent typing
    var typingTimer = null;
    function onTyping(frame) {
      if (frame.author !== 'agent') {
        return;
      }
      typing.textContent = format(t.typing, { name: state.agentName || t.agent });
      typing.hidden = false;
      clearTimeout(typingTimer);
      typingTimer = setTimeout(hideTyping, AGENT_TYPING_SHOWN_MS);
    }

    function hideTyping() {
      clearTimeout(typingTimer);
      typing.hidden = true;
    }

    // ---- status
    function setStatus(status, agentName) {
      state.status = status;
      if (status === 'agent' && agentName) {
        state.agentName = agentName;
      }
      var text = {
        bot: t.headerBot,
        queued: t.headerQueued,
        agent: format(t.headerAgent, { name: state.agentName || t.agent }),
        closed: t.headerClosed
      }[status] || t.headerBot;
      subtitle.textContent = text;
      host.setAttribute('data-status', status);
      var closed = status === 'closed';
      var withPerson = status === 'queued' || status === 'agent';
      composer.hidden = closed;
      personButton.hidden = closed;
      personButton.disabled = withPerson;
      newChatButton.hidden = !closed;
      endButton.hidden = closed;
      if (closed) {
        hideTyping();
        dropStreams();
        dropOldQuickReplies();
      }
    }

    personButton.addEventListener('click', function () {
      ensureConnected();
      send({ type: 'handover' }) || (state.handoverWanted = true);
    });

    endButton.addEventListener('click', function () {
      confirmBox.hidden = false;
      confirmNo.focus();
    });
    confirmNo.addEventListener('click', function () {
      confirmBox.hidden = true;
      endButton.focus();
    });
    confirmYes.addEventListener('click', function () {
      confirmBox.hidden = true;
      send({ type: 'close' });
      input.blur();
      downloadButton.focus();
    });
    newChatButton.addEventListener('click', function () {
      startOver();
      input.focus();
    });
    downloadButton.addEventListener('click', downloadTranscript);

    // ---- transcript: a text file built from the events the customer saw
    function transcriptText() {
      var lines = [config.title + ' - ' + t.transcriptTitle, ''];
      state.events.forEach(function (event) {
        var when = event.at ? new Date(event.at).toLocaleString(config.lang === 'nl' ? 'nl-NL' : 'en-GB') : '';
        if (event.kind === 'status') {
          lines.push('[' + when + '] ' + statusLine(event));
        } else {
          lines.push('[' + when + '] ' + authorLabel(event) + ': ' + event.text);
          if (event.sources && event.sources.length) {
            lines.push('    ' + t.sources + ': ' + event.sources.map(function (s) { return s.title || s.id; }).join(', '));
          }
        }
      });
      return lines.join('\n') + '\n';
    }

    function downloadTranscript() {
      var blob = new Blob([transcriptText()], { type: 'text/plain;charset=utf-8' });
      var url = URL.createObjectURL(blob);
      var a = el('a', { href: url, download: 'chat-' + new Date().toISOString().slice(0, 10) + '.txt', hidden: true });
      root.appendChild(a);
      a.click();
      root.removeChild(a);
      setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    }

    // ---- connection
    function showConnection(text, offline) {
      connection.textContent = text;
      connection.hidden = !text;
      host.setAttribute('data-connection', offline ? 'offline' : 'online');
    }

    function persist() {
      if (!state.conversationId) {
        if (state.outbox.length) {
          store.write({ outbox: state.outbox });
        }
        return;
      }
      store.write({ conversationId: state.conversationId, token: state.token, lastSeq: state.lastSeq, outbox: state.outbox });
    }

    function send(frame) {
      if (!state.socket || !state.connected || state.socket.readyState !== WebSocket.OPEN) {
        return false;
      }
      state.socket.send(JSON.stringify(frame));
      return true;
    }

    function ensureConnected() {
      if (state.socket || state.reconnectTimer) {
        return;
      }
      connect();
    }

    function connect() {
      state.reconnectTimer = null;
      var url = config.server.replace(/^http/, 'ws') + '/ws/chat';
      var socket;
      try {
        socket = new WebSocket(url);
      } catch (e) {
        scheduleReconnect();
        return;
      }
      state.socket = socket;
      if (state.attempt > 0) {
        showConnection(t.connecting, true);
      }
      socket.addEventListener('open', function () {
        var hello = { type: 'hello', lang: config.lang, page: String(location.href).slice(0, 2000) };
        if (state.conversationId) {
          hello.conversationId = state.conversationId;
          hello.token = state.token;
          hello.lastSeq = state.lastSeq;
        } else if (state.customer) {
          hello.customer = state.customer;
        }
        socket.send(JSON.stringify(hello));
      });
      socket.addEventListener('message', function (message) {
        var frame;
        try {
          frame = JSON.parse(message.data);
        } catch (e) {
          return;
        }
        handle(frame);
      });
      socket.addEventListener('close', function () {
        if (state.socket !== socket) {
          return;
        }
        state.socket = null;
        state.connected = false;
        hideTyping();
        showConnection(t.offline, true);
        markPending(t.notSent);
        scheduleReconnect();
      });
    }

    // Exponential backoff with jitter: many widgets that lost the same server do not all come back at once.
    function scheduleReconnect() {
      if (state.reconnectTimer) {
        return;
      }
      var ceiling = Math.min(30000, 500 * Math.pow(2, state.attempt));
      var delay = ceiling / 2 + Math.random() * ceiling / 2;
      state.attempt++;
      state.reconnectTimer = setTimeout(connect, delay);
    }

    window.addEventListener('online', function () {
      if (state.reconnectTimer) {
        clearTimeout(state.reconnectTimer);
        state.attempt = 0;
        connect();
      }
    });

    function handle(frame) {
      switch (frame.type) {
        case 'welcome':
          state.connected = true;
          state.attempt = 0;
          if (frame.token) {
            state.token = frame.token; // only a new conversation gets one
          }
          state.conversationId = frame.conversationId;
          persist();
          showConnection('', false);
          setStatus(frame.status || 'bot');
          if (!state.disclosed && frame.disclosure) {
            state.disclosed = true;
            var disclosure = el('li', { className: 'item disclosure' }, [icon('info'), el('p', { text: frame.disclosure })]);
            log.insertBefore(disclosure, greeting.nextSibling);
          }
          if (state.historyUntil === null) {
            // what the conversation held when this page first attached is history; what a reconnect
            // brings later happened while the page was open, so it is news
            state.historyUntil = typeof frame.lastSeq === 'number' ? frame.lastSeq : state.lastSeq;
          }
          flushOutbox();
          if (state.handoverWanted) {
            state.handoverWanted = false;
            send({ type: 'handover' });
          }
          break;
        case 'event': onEvent(frame); break;
        case 'ack': onAck(frame); break;
        case 'delta': onDelta(frame); break;
        case 'typing': onTyping(frame); break;
        case 'error': onError(frame); break;
        default: break; // newer servers may send more; ignore what we do not know
      }
    }

    function onError(frame) {
      switch (frame.code) {
        case 'unknown_conversation':
        case 'forbidden':
          if (!state.connected) {
            // our stored conversation is gone or not ours: begin again, keeping what was not sent yet
            startOver(t.restarted);
          }
          break;
        case 'conversation_closed':
          setStatus('closed');
          break;
        case 'rate_limited':
        case 'unavailable': // nothing was stored: the unacknowledged messages go again in a moment
          state.flushTimer = setTimeout(flushOutbox, 1000);
          break;
        default:
          if (window.console && console.warn) {
            console.warn('Loket: ' + frame.code + ': ' + frame.message);
          }
      }
    }

    /** Forgets the current conversation and starts a new one; unsent messages move along. */
    function startOver(reason) {
      var outbox = state.outbox.filter(function (e) { return !e.seq; });
      store.clear();
      var old = state.socket;
      state.socket = null;
      state.connected = false;
      if (old) {
        old.close();
      }
      clearTimeout(state.reconnectTimer);
      state.reconnectTimer = null;
      state.conversationId = null;
      state.token = null;
      state.lastSeq = 0;
      state.events = [];
      state.disclosed = false;
      state.historyUntil = null;
      state.agentName = null;
      dropStreams();
      Array.prototype.slice.call(log.childNodes).forEach(function (child) {
        if (child !== greeting) {
          log.removeChild(child);
        }
      });
      if (reason) {
        log.appendChild(el('li', { className: 'item status-line' }, [el('p', { text: reason })]));
        announce(reason);
      }
      state.outbox = outbox;
      outbox.forEach(pendingItem);
      setStatus('bot');
      persist();
      connect();
    }

    // ---- start
    function start() {
      mount();
      state.outbox.forEach(pendingItem);
      if (state.conversationId || state.outbox.length) {
        connect(); // a conversation is going on: follow it, so agent replies arrive even while minimised
      }
      if (config.openAtStart) {
        openPanel();
      }
    }

    return {
      start: start,
      open: openPanel,
      close: closePanel,
      identify: function (customer) {
        state.customer = customer || null; // used for the next new conversation; a running one keeps its customer
      }
    };
  }

  var widget = Widget(readConfig());
  if (document.body) {
    widget.start();
  } else {
    document.addEventListener('DOMContentLoaded', widget.start);
  }

  window.LoketWidget = {
    version: '1',
    open: widget.open,
    close: function () { widget.close(false); },
    identify: widget.identify,
    renderMarkdown: renderMarkdown
  };
})();
