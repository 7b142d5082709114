/*
 * The playground chat page: plain browser JavaScript (no framework, no build
 * step, nothing from the internet). It talks to /playground/api/* (see
 * playground-contract.md): GET state and strings, POST send/press/contact/photo/
 * identity, and follows the chat live over server-sent events. Bot text is put
 * in with textContent, so it shows exactly as sent (newlines kept by CSS).
 * Written for old phones: ES2017 at most, no optional chaining, only fetch,
 * EventSource and FormData beyond the basics.
 */
(function () {
  'use strict';

  var API = '/playground/api';
  var LANGS = ['fa', 'en'];
  var FILE_LIMIT = 5 * 1024 * 1024;

  var lang = savedLanguage();
  var strings = {};
  var state = null;
  /** message id → its <li>, to apply edits and deletions in place. */
  var bubbles = {};
  var keyboardHidden = false;
  /** Counts reply keyboards shown: a one-time keyboard hides after a press only if no newer one came meanwhile. */
  var keyboardGeneration = 0;
  var events = null;
  var eventsFailed = false;
  var reconnectTimer = null;
  var pickedFile = null;
  var previewUrl = null;

  var $ = function (id) { return document.getElementById(id); };

  // ---------- strings ----------

  function savedLanguage() {
    try {
      var saved = window.localStorage.getItem('imdad-playground-lang');
      if (saved && LANGS.indexOf(saved) >= 0) return saved;
    } catch (e) { /* storage may be off: use the default */ }
    return 'fa';
  }

  function lookup(key) {
    var node = strings;
    var parts = key.split('.');
    for (var i = 0; i < parts.length; i++) {
      if (!node || typeof node !== 'object') return undefined;
      node = node[parts[i]];
    }
    return typeof node === 'string' ? node : undefined;
  }

  function t(key, params) {
    var text = lookup(key);
    if (text === undefined) return key;
    return text.replace(/\{\{(\w+)\}\}/g, function (_, name) {
      return params && params[name] !== undefined ? String(params[name]) : '';
    });
  }

  /** Digits the page writes itself (times) follow the page's language; bot text is never touched. */
  function digits(s) {
    return lang === 'fa' ? String(s).replace(/[0-9]/g, function (d) { return '۰۱۲۳۴۵۶۷۸۹'.charAt(Number(d)); }) : String(s);
  }

  function applyStrings() {
    document.documentElement.lang = lang;
    document.documentElement.dir = lang === 'fa' ? 'rtl' : 'ltr';
    document.title = t('title');
    each('[data-i18n]', function (el) { el.textContent = t(el.getAttribute('data-i18n')); });
    each('[data-i18n-label]', function (el) { el.setAttribute('aria-label', t(el.getAttribute('data-i18n-label'))); });
    each('[data-i18n-title]', function (el) { el.setAttribute('title', t(el.getAttribute('data-i18n-title'))); });
    each('[data-i18n-placeholder]', function (el) { el.setAttribute('placeholder', t(el.getAttribute('data-i18n-placeholder'))); });
    $('language').value = lang;
  }

  function each(selector, fn) {
    var list = document.querySelectorAll(selector);
    for (var i = 0; i < list.length; i++) fn(list[i]);
  }

  function loadStrings(next) {
    return request('GET', '/strings?lng=' + encodeURIComponent(next)).then(function (json) {
      strings = json;
      lang = next;
    });
  }

  // ---------- server ----------

  function ApiError(code, message) {
    this.code = code;
    this.message = message;
  }

  /** JSON in, JSON out; a failure becomes an ApiError with the server's code (or "network"). */
  function request(method, path, body) {
    var init = { method: method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
    if (body instanceof FormData) init.body = body;
    else if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(API + path, init).then(
      function (res) {
        return res.text().then(function (text) {
          var json = null;
          try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
          if (res.ok) return json;
          var err = json && json.error ? json.error : {};
          throw new ApiError(err.code || 'HTTP_' + res.status, err.message || '');
        });
      },
      function () { throw new ApiError('network', ''); },
    );
  }

  function errorText(err) {
    if (err && err.code && lookup('errors.' + err.code) !== undefined) return t('errors.' + err.code);
    if (err && err.message) return err.message;
    return t('errors.generic');
  }

  function refreshState() {
    return request('GET', '/state').then(setState);
  }

  /** A chat to talk in: the current one, or a fresh new donor's when there is none yet. */
  function ensureChat() {
    if (state && state.chat) return Promise.resolve();
    return startChat('new-donor');
  }

  function startChat(identity, centerCode) {
    var body = { identity: identity, language: lang };
    if (centerCode) body.centerCode = centerCode;
    return request('POST', '/identity', body).then(function (next) {
      setState(next);
      connectEvents();
    });
  }

  // ---------- rendering ----------

  function setState(next) {
    state = next;
    renderSetup();
    renderLog();
    renderReplyKeyboard(state.replyKeyboard);
    $('app').removeAttribute('aria-busy');
  }

  function renderSetup() {
    var select = $('identity');
    var chosen = select.value || (state.chat ? state.chat.identity : 'new-donor');
    select.innerHTML = '';
    (state.identities || []).forEach(function (item) {
      var option = document.createElement('option');
      option.value = item.key;
      option.textContent = t('identity.' + item.key) + (item.available ? '' : ' (' + t('identity.unavailable') + ')');
      option.disabled = !item.available;
      select.appendChild(option);
    });
    select.value = chosen;

    var center = $('center');
    var chosenCenter = center.value;
    center.innerHTML = '';
    // A trustee needs a center; anyone else may start without one and pick it in the chat.
    var none = document.createElement('option');
    none.value = '';
    none.textContent = t('identity.noCenter');
    center.appendChild(none);
    (state.centers || []).forEach(function (c) {
      var option = document.createElement('option');
      option.value = c.code;
      option.textContent = c.name;
      center.appendChild(option);
    });
    if (chosenCenter) center.value = chosenCenter;
    syncCenterField();

    var links = $('center-links');
    links.innerHTML = '';
    (state.centers || []).forEach(function (c) {
      var li = document.createElement('li');
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'link';
      var name = document.createElement('span');
      name.textContent = c.name;
      var command = document.createElement('code');
      command.dir = 'ltr';
      command.textContent = c.startCommand;
      button.appendChild(name);
      button.appendChild(command);
      button.addEventListener('click', function () {
        ensureChat().then(function () { return sendText(c.startCommand, button); }).then(null, showError);
      });
      li.appendChild(button);
      links.appendChild(li);
    });
    $('centers').hidden = !(state.centers && state.centers.length);

    $('current').textContent = state.chat ? t('identity.current', { identity: t('identity.' + state.chat.identity) }) : t('identity.label');
    $('setup').open = !state.chat;
    $('identity-hint').hidden = !!state.chat;
  }

  /** The "no center" choice is not offered to a trustee (whose chat is linked to one center's board). */
  function syncCenterField() {
    var trustee = $('identity').value === 'trustee';
    var center = $('center');
    center.options[0].disabled = trustee;
    if (trustee && !center.value && center.options.length > 1) center.selectedIndex = 1;
  }

  function renderLog() {
    var log = $('log');
    log.innerHTML = '';
    bubbles = {};
    (state.messages || []).forEach(addMessage);
    updateEmpty();
    scrollToEnd();
  }

  function updateEmpty() {
    $('empty').hidden = $('log').children.length > 0;
  }

  function scrollToEnd() {
    var log = $('log');
    log.scrollTop = log.scrollHeight;
  }

  /** Tehran wall-clock time of a unix-seconds date (Iran keeps +03:30 all year). */
  function timeOf(date) {
    var seconds = ((date + 12600) % 86400 + 86400) % 86400;
    var h = Math.floor(seconds / 3600);
    var m = Math.floor((seconds % 3600) / 60);
    return digits((h < 10 ? '0' : '') + h + ':' + (m < 10 ? '0' : '') + m);
  }

  function buildBubble(msg) {
    var li = document.createElement('li');
    li.className = 'msg ' + (msg.from === 'user' ? 'user' : 'bot');
    li.setAttribute('data-id', String(msg.id));
    fillBubble(li, msg);
    return li;
  }

  function fillBubble(li, msg) {
    li.innerHTML = '';
    var who = document.createElement('span');
    who.className = 'sr-only';
    who.textContent = (msg.from === 'user' ? t('log.you') : t('log.bot')) + ': ';
    li.appendChild(who);

    var body = document.createElement('div');
    body.className = 'body';
    if (msg.photo) {
      var link = document.createElement('a');
      link.href = msg.photo.url;
      link.target = '_blank';
      link.rel = 'noopener';
      var img = document.createElement('img');
      img.src = msg.photo.url;
      img.alt = t('log.photo');
      img.className = 'photo';
      img.addEventListener('load', scrollToEnd);
      link.appendChild(img);
      body.appendChild(link);
    }
    if (msg.document) {
      var doc = document.createElement('a');
      doc.href = msg.document.url;
      doc.target = '_blank';
      doc.rel = 'noopener';
      doc.className = 'document';
      doc.textContent = t('log.file') + ': ' + (msg.document.name || '');
      body.appendChild(doc);
    }
    if (msg.contact) {
      var contact = document.createElement('div');
      contact.className = 'contact';
      contact.textContent = t('log.contact', { name: msg.contact.name, phone: msg.contact.phone });
      body.appendChild(contact);
    }
    if (msg.invoice) body.appendChild(buildInvoice(msg));
    var words = msg.text !== undefined ? msg.text : msg.caption;
    if (words) {
      var text = document.createElement('div');
      text.className = 'text';
      text.dir = 'auto';
      text.textContent = words;
      body.appendChild(text);
    }
    li.appendChild(body);

    if (msg.inlineKeyboard && msg.inlineKeyboard.length) li.appendChild(buildInlineKeyboard(msg));

    var meta = document.createElement('div');
    meta.className = 'meta';
    if (msg.edited) {
      var edited = document.createElement('span');
      edited.className = 'edited';
      edited.textContent = t('log.edited');
      meta.appendChild(edited);
    }
    var time = document.createElement('time');
    time.textContent = timeOf(msg.date);
    meta.appendChild(time);
    li.appendChild(meta);
  }

  /** An amount in Rials as the page's language writes Toman (people read Toman; invoices count Rials). */
  function toman(rial) {
    var n = Math.floor(Number(rial) / 10);
    try { return n.toLocaleString(lang === 'fa' ? 'fa-IR' : 'en-US'); } catch (e) { return digits(String(n)); }
  }

  /**
   * An invoice as the messenger's payment sheet shows it: what, for how much, and pay or
   * close -- played here (no money moves); then paid or closed.
   */
  function buildInvoice(msg) {
    var box = document.createElement('div');
    box.className = 'invoice ' + msg.invoice.status;
    var title = document.createElement('strong');
    title.dir = 'auto';
    title.textContent = msg.invoice.title;
    box.appendChild(title);
    var description = document.createElement('div');
    description.dir = 'auto';
    description.textContent = msg.invoice.description;
    box.appendChild(description);
    var amount = document.createElement('div');
    amount.className = 'amount';
    amount.textContent = t('invoice.amount', { amount: toman(msg.invoice.totalAmount) });
    box.appendChild(amount);
    if (msg.invoice.status !== 'open') {
      var done = document.createElement('div');
      done.className = 'invoice-status';
      done.textContent = t(msg.invoice.status === 'paid' ? 'invoice.paid' : 'invoice.cancelled');
      box.appendChild(done);
      return box;
    }
    var note = document.createElement('div');
    note.className = 'invoice-note';
    note.textContent = t('invoice.sheet');
    box.appendChild(note);
    var row = document.createElement('div');
    row.className = 'row';
    var pay = document.createElement('button');
    pay.type = 'button';
    pay.className = 'pay';
    pay.textContent = t('invoice.pay');
    var cancel = document.createElement('button');
    cancel.type = 'button';
    cancel.textContent = t('invoice.cancel');
    pay.addEventListener('click', function () { invoiceAction(msg.id, 'pay', pay, cancel); });
    cancel.addEventListener('click', function () { invoiceAction(msg.id, 'cancel', cancel, pay); });
    row.appendChild(pay);
    row.appendChild(cancel);
    box.appendChild(row);
    return box;
  }

  /** Pay (the bot may refuse: its sentence is shown as the sheet would) or close an invoice. */
  function invoiceAction(messageId, action, button, other) {
    other.disabled = true;
    busy(button, request('POST', '/invoice', { messageId: messageId, action: action })).then(
      function (result) {
        other.disabled = false;
        if (action === 'pay' && result && !result.paid) toast(result.error || t('invoice.refused'), true);
      },
      function (err) {
        other.disabled = false;
        showError(err);
      },
    );
  }

  /** Rows of keyboard buttons (inline or reply) into `box`; `setUp` gives each its action. */
  function appendKeyRows(box, rows, setUp) {
    rows.forEach(function (row) {
      var line = document.createElement('div');
      line.className = 'row';
      row.forEach(function (key) {
        var button = document.createElement('button');
        button.type = 'button';
        button.dir = 'auto';
        button.textContent = key.text;
        setUp(button, key);
        line.appendChild(button);
      });
      box.appendChild(line);
    });
  }

  function buildInlineKeyboard(msg) {
    var box = document.createElement('div');
    box.className = 'inline-keyboard';
    appendKeyRows(box, msg.inlineKeyboard, function (button, key) {
      if (key.url) {
        button.className = 'url';
        button.title = t('button.link');
        button.addEventListener('click', function () { window.open(key.url, '_blank', 'noopener'); });
      } else if (key.copyText !== undefined) {
        button.className = 'copy';
        button.title = t('button.copy');
        button.addEventListener('click', function () { copy(key.copyText); });
      } else {
        button.addEventListener('click', function () { press(msg.id, key.data, button); });
      }
    });
    return box;
  }

  function addMessage(msg) {
    var existing = bubbles[msg.id];
    if (existing) {
      fillBubble(existing, msg);
      return;
    }
    var li = buildBubble(msg);
    bubbles[msg.id] = li;
    $('log').appendChild(li);
  }

  function editMessage(msg) {
    var li = bubbles[msg.id];
    if (li) fillBubble(li, msg);
    else addMessage(msg);
  }

  function deleteMessage(id) {
    var li = bubbles[id];
    if (!li) return;
    li.parentNode.removeChild(li);
    delete bubbles[id];
  }

  function renderReplyKeyboard(keyboard) {
    if (state) state.replyKeyboard = keyboard;
    var box = $('reply-keyboard');
    box.innerHTML = '';
    keyboardHidden = false;
    keyboardGeneration++;
    var generation = keyboardGeneration;
    var text = $('text');
    text.setAttribute('placeholder', keyboard && keyboard.placeholder ? keyboard.placeholder : t('input.placeholder'));
    if (!keyboard || !keyboard.rows || !keyboard.rows.length) {
      box.hidden = true;
      $('keyboard-toggle').hidden = true;
      return;
    }
    appendKeyRows(box, keyboard.rows, function (button, key) {
      if (key.requestContact) {
        button.className = 'contact';
        button.addEventListener('click', openContact);
      } else {
        button.addEventListener('click', function () {
          sendText(key.text, button).then(function () {
            if (keyboard.oneTime && generation === keyboardGeneration) hideKeyboard(true);
          }, showError);
        });
      }
    });
    hideKeyboard(false);
  }

  function hideKeyboard(hide) {
    keyboardHidden = hide;
    $('reply-keyboard').hidden = hide;
    var toggle = $('keyboard-toggle');
    toggle.hidden = false;
    toggle.setAttribute('aria-label', t(hide ? 'input.keyboardShow' : 'input.keyboardHide'));
    toggle.setAttribute('aria-expanded', hide ? 'false' : 'true');
  }

  // ---------- toasts and status ----------

  function toast(text, isError) {
    var box = $('toasts');
    // At most three at once; the same sentence twice in a row is shown once.
    var last = box.lastChild;
    if (last && last.textContent === text) return;
    while (box.children.length >= 3) box.removeChild(box.firstChild);
    var item = document.createElement('div');
    item.className = 'toast' + (isError ? ' error' : '');
    item.dir = 'auto';
    item.textContent = text;
    box.appendChild(item);
    setTimeout(function () { if (item.parentNode) item.parentNode.removeChild(item); }, isError ? 6000 : 3500);
  }

  function showError(err) {
    toast(errorText(err), true);
  }

  function setStatus(text) {
    $('status').textContent = text;
  }

  // ---------- actions ----------

  /** While a request runs its button is disabled, so a double tap sends once. */
  function busy(button, promise) {
    if (button) button.disabled = true;
    return promise.then(
      function (value) { if (button) button.disabled = false; return value; },
      function (err) { if (button) button.disabled = false; throw err; },
    );
  }

  function sendText(text, button) {
    return busy(button, request('POST', '/send', { text: text }));
  }

  function press(messageId, data, button) {
    busy(button, request('POST', '/press', { messageId: messageId, data: data })).then(null, showError);
  }

  function copy(text) {
    var done = function () { toast(t('toast.copied')); };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, function () { copyByHand(text) ? done() : toast(t('errors.copyFailed'), true); });
    } else if (copyByHand(text)) done();
    else toast(t('errors.copyFailed'), true);
  }

  /** Older browsers: select a hidden textarea and copy it. */
  function copyByHand(text) {
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'absolute';
    area.style.left = '-9999px';
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok;
  }

  /** The typed text stays in the box until the server has it. */
  function onSubmitText(event) {
    event.preventDefault();
    var box = $('text');
    var text = box.value;
    if (!text.trim()) return;
    var button = $('send');
    ensureChat()
      .then(function () { return sendText(text, button); })
      .then(function () {
        if (box.value === text) box.value = '';
        box.focus();
      }, showError);
  }

  function openContact() {
    $('photo-form').hidden = true;
    $('contact-form').hidden = false;
    $('contact-name').focus();
  }

  function closeContact() {
    $('contact-form').hidden = true;
  }

  function onSubmitContact(event) {
    event.preventDefault();
    var name = $('contact-name').value.trim();
    var phone = $('contact-phone').value.trim();
    if (!name) return toast(t('errors.nameRequired'), true);
    if (!phone) return toast(t('errors.phoneRequired'), true);
    var generation = keyboardGeneration;
    var oneTime = !!(state && state.replyKeyboard && state.replyKeyboard.oneTime);
    busy($('contact-send'), request('POST', '/contact', { name: name, phone: phone })).then(function () {
      closeContact();
      if (oneTime && generation === keyboardGeneration) hideKeyboard(true);
    }, showError);
  }

  function onPickFile() {
    var input = $('file');
    var file = input.files && input.files[0];
    input.value = '';
    if (!file) return;
    var isImage = /^image\//.test(file.type);
    if (!isImage && file.type !== 'application/pdf') return toast(t('errors.BAD_FILE_TYPE'), true);
    if (file.size > FILE_LIMIT) return toast(t('errors.FILE_TOO_LARGE'), true);
    pickedFile = file;
    var preview = $('photo-preview');
    preview.innerHTML = '';
    if (previewUrl) URL.revokeObjectURL(previewUrl);
    previewUrl = null;
    if (isImage) {
      previewUrl = URL.createObjectURL(file);
      var img = document.createElement('img');
      img.src = previewUrl;
      img.alt = file.name;
      preview.appendChild(img);
    } else {
      var name = document.createElement('div');
      name.className = 'document';
      name.dir = 'auto';
      name.textContent = t('log.file') + ': ' + file.name;
      preview.appendChild(name);
    }
    closeContact();
    $('photo-form').hidden = false;
    $('photo-send').focus();
  }

  function closePhoto() {
    $('photo-form').hidden = true;
    $('photo-caption').value = '';
    $('photo-preview').innerHTML = '';
    if (previewUrl) URL.revokeObjectURL(previewUrl);
    previewUrl = null;
    pickedFile = null;
  }

  function onSubmitPhoto(event) {
    event.preventDefault();
    if (!pickedFile) return;
    var form = new FormData();
    var caption = $('photo-caption').value.trim();
    // The caption goes first: a streaming multipart reader sees it before the file.
    if (caption) form.append('caption', caption);
    form.append('file', pickedFile, pickedFile.name);
    ensureChat()
      .then(function () { return busy($('photo-send'), request('POST', '/photo', form)); })
      .then(closePhoto, showError);
  }

  function onStartChat(event) {
    event.preventDefault();
    var identity = $('identity').value;
    var centerCode = $('center').value || undefined;
    if (state && state.chat && $('log').children.length && !window.confirm(t('identity.confirmNew'))) return;
    busy($('identity-start'), startChat(identity, centerCode)).then(null, showError);
  }

  function onLanguage() {
    var next = $('language').value;
    try { window.localStorage.setItem('imdad-playground-lang', next); } catch (e) { /* not kept: fine */ }
    loadStrings(next).then(function () {
      applyStrings();
      if (state) setState(state);
    }, function (err) {
      $('language').value = lang;
      showError(err);
    });
  }

  // ---------- live events ----------

  function parse(event) {
    try { return JSON.parse(event.data); } catch (e) { return null; }
  }

  /** The state's history follows the stream, so a re-render (language switch) shows everything. */
  function remember(msg) {
    if (!state.messages) state.messages = [];
    var list = state.messages;
    for (var i = 0; i < list.length; i++) {
      if (list[i].id === msg.id) {
        list[i] = msg;
        return;
      }
    }
    list.push(msg);
  }

  function forget(id) {
    state.messages = state.messages.filter(function (m) { return m.id !== id; });
  }

  function connectEvents() {
    if (events) events.close();
    if (reconnectTimer) clearTimeout(reconnectTimer);
    reconnectTimer = null;
    if (!state || !state.chat) return;
    events = new EventSource(API + '/events');
    eventsFailed = false;
    events.addEventListener('open', function () {
      if (!eventsFailed) return;
      // Back after a break: what happened meanwhile comes with a fresh state.
      eventsFailed = false;
      setStatus('');
      refreshState().then(null, showError);
    });
    events.addEventListener('error', function () {
      eventsFailed = true;
      setStatus(t('status.offline'));
      // A closed stream (the server said no) is not retried by the browser: retry by hand.
      if (events && events.readyState === 2 && !reconnectTimer) {
        reconnectTimer = setTimeout(function () {
          reconnectTimer = null;
          refreshState().then(connectEvents, function () { connectEvents(); });
        }, 3000);
      }
    });
    events.addEventListener('message', function (event) {
      var msg = parse(event);
      if (!msg) return;
      remember(msg);
      addMessage(msg);
      updateEmpty();
      scrollToEnd();
    });
    events.addEventListener('edit', function (event) {
      var msg = parse(event);
      if (!msg) return;
      remember(msg);
      editMessage(msg);
    });
    events.addEventListener('delete', function (event) {
      var data = parse(event);
      if (!data) return;
      forget(data.id);
      deleteMessage(data.id);
      updateEmpty();
    });
    events.addEventListener('keyboard', function (event) {
      var data = parse(event);
      if (data) renderReplyKeyboard(data.replyKeyboard || null);
    });
    events.addEventListener('toast', function (event) {
      var data = parse(event);
      if (data && data.text) toast(data.text);
    });
  }

  // ---------- start ----------

  function wire() {
    $('send-form').addEventListener('submit', onSubmitText);
    $('text').addEventListener('keydown', function (event) {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) onSubmitText(event);
    });
    $('attach').addEventListener('click', function () { $('file').click(); });
    $('file').addEventListener('change', onPickFile);
    $('photo-form').addEventListener('submit', onSubmitPhoto);
    $('photo-cancel').addEventListener('click', closePhoto);
    $('contact-form').addEventListener('submit', onSubmitContact);
    $('contact-cancel').addEventListener('click', closeContact);
    $('keyboard-toggle').addEventListener('click', function () { hideKeyboard(!keyboardHidden); });
    $('identity-form').addEventListener('submit', onStartChat);
    $('identity').addEventListener('change', syncCenterField);
    $('language').addEventListener('change', onLanguage);
  }

  wire();
  Promise.all([loadStrings(lang), request('GET', '/state')]).then(function (results) {
    applyStrings();
    setState(results[1]);
    connectEvents();
  }, function (err) {
    applyStrings();
    showError(err);
  });
})();
