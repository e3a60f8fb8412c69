// The accessibility mirror: real DOM elements for what the canvas shows, so screen readers can read it and the
// keyboard can reach it. The app collects what ImGui submitted each frame (src/ui/a11y.hpp) and sends it here
// only when something changed (portalA11y.update); an idle page sends nothing, so the mirror costs nothing.
//
// Each node is a real element (button, a, input, h1-h3, p; role=tab in a tablist, role=checkbox), kept by key and
// updated in place, invisible and not hit by the mouse but placed over its widget (so a screen reader's focus box
// and a touch-exploring finger land on the right spot). Landmarks: header (before the tabs), nav (the tabs),
// main (the rest), in which each section heading (h2) opens a region named by it; policy cards and result rows
// are list items. The outline: h1 the view (a policy's title on its page, else the name of the tab showing), h2
// its sections, h3 their parts. What the app draws over the page (the booth's countdown and QR panels) is a
// dialog; an urgent one (the countdown) is said at once through an assertive live region. A refused answer's
// field is aria-invalid, its reason the aria-errormessage and description.
//
// Acting. The page's focus and ImGui's keyboard focus follow each other: focusing a node gives its widget ImGui's
// focus and its focus ring (portal_a11y_focus); ImGui moving its focus (an arrow key, the app focusing the next
// question) moves the page's focus while it is in the mirror. Tab order is the mirror's order, which is the
// order ImGui drew (reading order). Enter and Space press Enter in ImGui (its own keyboard activation), Escape and
// the arrows go to ImGui as keys; a click on a node (a screen reader's "activate") becomes a mouse click at the
// widget's centre through the canvas's own mouse events. Nothing here changes the app except through input a
// visitor could give: the mirror is another way to see and to press, not a side door.
//
// Text fields. A field's node is an <input>; focusing it starts the edit in ImGui, whereupon the page's text input
// (text-input.js) takes the keyboard, named like the field. When the edit ends, focus comes back to the mirror.
'use strict';

window.createPortalA11y = function createPortalA11y(module, canvas, textInput) {
  const WORDS = {
    zh: { header: '页头', nav: '主导航', skip: '跳过筛选，到政策列表', main: '主要内容' },
    en: { header: 'Page header', nav: 'Main navigation', skip: 'Skip the filters to the policies', main: 'Main content' },
  };
  const make = (tag, props) => Object.assign(document.createElement(tag), props || {});
  const root = make('div', { id: 'a11y' });
  const skip = make('a', { className: 'a11y-skip', href: '#a11y-main' });
  const header = make('header');
  const viewTitle = make('h1', { className: 'a11y-view' });  // the view's name when it draws no title of its own
  const nav = make('nav');
  const tablist = make('div');
  tablist.setAttribute('role', 'tablist');
  const main = make('main', { id: 'a11y-main', tabIndex: -1 });
  const status = make('div', { className: 'a11y-status' });
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  const alert = make('div', { className: 'a11y-status' });
  alert.setAttribute('role', 'alert');
  alert.setAttribute('aria-live', 'assertive');
  nav.append(tablist);
  root.append(skip, header, nav, main, status, alert);
  canvas.after(root);
  // The canvas stays focusable for the mouse and ImGui's own keyboard navigation, but Tab goes through the mirror.
  canvas.tabIndex = -1;

  const nodes = new Map();  // key -> { el, data (the node's array as last applied), li }
  let imguiFocus = null;    // the key ImGui's focus was on in the last update
  let mirrorUsed = false;   // the page's focus was last in the mirror (so ImGui's focus may move it)
  let returning = false;    // focus is coming back from the text input: do not start another edit
  let pendingClick = null;  // a node clicked while scrolled out of view: clicked once it is in view
  let lang = null;          // the language the mirror's own words are in
  let editing = null;       // the field's node whose edit the page's text input is doing
  let lastActed = null;     // the key of the node last activated (Enter, Space, click)

  const call = (name, text) => {
    const size = module.lengthBytesUTF8(text) + 1;
    const pointer = module._malloc(size);
    module.stringToUTF8(text, pointer, size);
    try { return module[name](pointer); } finally { module._free(pointer); }
  };
  // A key given to ImGui as if pressed on the canvas (its own keyboard navigation and activation).
  function withKey(name, down, shift) {
    const size = module.lengthBytesUTF8(name) + 1;
    const pointer = module._malloc(size);
    module.stringToUTF8(name, pointer, size);
    try { module._portal_key(pointer, down ? 1 : 0, shift ? 2 : 0); } finally { module._free(pointer); }
    module._portal_wake();
  }
  const stops = () => [...root.querySelectorAll('button, a[role=link], input')];
  const lastStop = (el) => { const all = stops(); return all[all.length - 1] === el; };
  // The first stop of the first card drawn: Shift+Tab from it goes back to the filters in the mirror's order.
  const firstInList = (el) => {
    const li = el.closest('li');
    return !li.previousElementSibling && el === stops().find((stop) => li.contains(stop));
  };

  function elementFor(role, level) {
    switch (role) {
      case 'textbox': case 'searchbox': return make('input', { type: role === 'searchbox' ? 'search' : 'text', autocomplete: 'off' });
      case 'link': return make('a', { tabIndex: 0 });
      case 'heading': return make('h' + Math.min(3, Math.max(1, level || 2)));
      case 'text': return make('p');
      default: return make('button', { type: 'button' });
    }
  }

  const STATES = { disabled: 1, checkable: 2, checked: 4, pressable: 8, pressed: 16, expandable: 32, expanded: 64, selected: 128, invalid: 256, urgent: 512 };
  // An element's id, for the relations between nodes (a field described by its error, a region by its heading).
  const idOf = (k) => 'a11y-n-' + k.replace(/\s/g, '_');

  // Applies one node's data to its element: role, name, value, states, place.
  function apply(entry, data) {
    const [k, role, name, x, y, w, h, states, extra, error] = data;
    const el = entry.el;
    const old = entry.data || [];
    if (old[2] !== name || old[1] !== role) {
      if (role === 'textbox' || role === 'searchbox') el.setAttribute('aria-label', name);
      else el.textContent = name;
    }
    if (role === 'link' && !el.hasAttribute('role')) el.setAttribute('role', 'link');
    if (role === 'tab' || role === 'checkbox') el.setAttribute('role', role);
    if ((role === 'textbox' || role === 'searchbox') && el.value !== extra && document.activeElement !== el) el.value = extra || '';
    if (old[7] !== states) {
      const has = (s) => (states & STATES[s]) !== 0;
      toggleAttr(el, 'aria-disabled', has('disabled') ? 'true' : null);
      toggleAttr(el, 'aria-checked', has('checkable') || role === 'checkbox' ? String(has('checked')) : null);
      toggleAttr(el, 'aria-pressed', has('pressable') && role === 'button' ? String(has('pressed')) : null);
      toggleAttr(el, 'aria-expanded', has('expandable') ? String(has('expanded')) : null);
      toggleAttr(el, 'aria-selected', role === 'tab' ? String(has('selected')) : null);
      toggleAttr(el, 'aria-invalid', has('invalid') ? 'true' : null);
    }
    if (old[9] !== error) {
      toggleAttr(el, 'aria-errormessage', error ? idOf(error) : null);
      toggleAttr(el, 'aria-describedby', error ? idOf(error) : null);
    }
    if (old[3] !== x || old[4] !== y || old[5] !== w || old[6] !== h) {
      const s = el.style;
      s.left = x + 'px'; s.top = y + 'px'; s.width = Math.max(1, w) + 'px'; s.height = Math.max(1, h) + 'px';
      el.classList.toggle('a11y-away', w === 0);
    }
    if (el.dataset.key !== k) { el.dataset.key = k; el.id = idOf(k); }
    entry.data = data;
  }
  function toggleAttr(el, attr, value) {
    if (value === null) el.removeAttribute(attr); else el.setAttribute(attr, value);
  }

  // Puts `children` into `parent` in order, moving only what is out of place (a moved element loses focus).
  function order(parent, children) {
    children.forEach((child, i) => {
      if (parent.children[i] !== child) parent.insertBefore(child, parent.children[i] || null);
    });
    while (parent.children.length > children.length) parent.lastElementChild.remove();
  }

  const LIST_ITEM = /^(policy|result):/;
  const IN_CARD = /^(compare:|i)/;

  function update(json) {
    const data = JSON.parse(json);
    const focused = document.activeElement;
    const hadFocus = root.contains(focused);
    if (data.lang !== lang) localise(data.lang);
    const seen = new Set();
    const headerKids = [], tabs = [], mainKids = [], opened = new Map();
    let region = 'header', list = null, item = null, titled = false, tabName = '';
    for (const node of data.nodes) {
      const k = node[0], role = node[1];
      seen.add(k);
      let entry = nodes.get(k);
      if (!entry || entry.data[1] !== role || (role === 'heading' && entry.data[8] !== node[8])) {
        if (entry) entry.el.remove();
        entry = { el: elementFor(role, node[8]), data: null };
        nodes.set(k, entry);
      }
      apply(entry, node);
      if (node[10]) { dialogFor(opened, node[10], node[7] & STATES.urgent).kids.push(entry.el); continue; }
      if (role === 'heading' && node[8] === 1) titled = true;
      if (role === 'tab') {
        region = 'main'; tabs.push(entry.el);
        if (node[7] & STATES.selected) tabName = node[2];
        continue;
      }
      if (region === 'header') { headerKids.push(entry.el); continue; }
      // Cards and result rows: a list, one item per card with the card's own buttons.
      if (LIST_ITEM.test(k)) {
        if (!list) { list = { el: listElement('ul:' + k), items: [] }; mainKids.push(list.el); }
        item = listElement('li:' + k);
        list.items.push(item);
        item._kids = [entry.el];
        continue;
      }
      if (list && item && IN_CARD.test(k) && role !== 'heading') { item._kids.push(entry.el); continue; }
      if (list) { closeList(list); list = null; item = null; }
      mainKids.push(entry.el);
    }
    if (list) closeList(list);
    for (const [k, entry] of nodes) {
      if (!seen.has(k)) { entry.el.remove(); nodes.delete(k); }
    }
    order(header, headerKids);
    order(tablist, tabs);
    viewTitle.textContent = tabName;
    order(main, sectioned(!titled && tabName ? [viewTitle, ...mainKids] : mainKids));
    nav.hidden = tabs.length === 0;
    openDialogs(opened);

    if (hadFocus && !root.contains(document.activeElement) && focused.isConnected) focused.focus({ preventScroll: true });
    // ImGui moved its focus (arrows, the app focusing what comes next): the page's focus follows, if it was here.
    if (data.focus !== imguiFocus) {
      imguiFocus = data.focus;
      const target = data.focus && nodes.get(data.focus);
      const here = root.contains(document.activeElement) || (mirrorUsed && document.activeElement === document.body);
      if (target && here && document.activeElement !== target.el) target.el.focus({ preventScroll: true });
    }
    if (mirrorUsed && document.activeElement === document.body) landFocus();
    if (pendingClick) {
      const entry = nodes.get(pendingClick);
      if (!entry) pendingClick = null;
      else if (entry.data[5] > 0) { pendingClick = null; click(entry); }
    }
    // The edit ended (an answer committed) and the same node now stands for another field (the next question):
    // the page's focus is on it already, so its edit starts as if it had just been focused.
    const active = entryOf(document.activeElement);
    if (active && returnedName !== null && isField(active) && active.data[2] !== returnedName) {
      focusWidget(active.data[0]);
      startEdit(active);
    }
    if (data.say) say(data.say);
  }

  // The widget the page's focus was on went away (an answer moved on, a view opened or closed): focus lands on
  // the widget last acted on if it is back (the card whose details were closed), else on the first control of
  // the main content (the next question's first answer), never on a text field (that would start an edit).
  function landFocus() {
    const back = lastActed && nodes.get(lastActed);
    if (back) lastActed = null;  // kept until it is back (the details close again onto their card)
    const first = [...main.querySelectorAll('button, a[role=link]')].find((el) => !el.closest('[hidden]'));
    (back ? back.el : first || main).focus({ preventScroll: true });
  }

  // Each h2 of the main content opens a region named by it, up to the next h2 or h1.
  const sections = new Map();  // heading key -> section element
  function sectioned(kids) {
    const out = [], used = new Set();
    let section = null;
    for (const el of kids) {
      if (el.tagName === 'H2') {
        const k = el.dataset.key;
        section = sections.get(k);
        if (!section) { section = make('section'); section.setAttribute('aria-labelledby', idOf(k)); sections.set(k, section); }
        section._kids = [el];
        used.add(k);
        out.push(section);
      } else if (el.tagName === 'H1') {
        section = null;
        out.push(el);
      } else if (section) section._kids.push(el);
      else out.push(el);
    }
    for (const [k, el] of sections) if (used.has(k)) order(el, el._kids); else sections.delete(k);
    return out;
  }

  // Dialogs by name: what the app draws over the page. One that was not open in the last update is announced
  // (assertively when urgent: the booth's countdown) by what it shows, and takes the page's focus if the mirror had it.
  const dialogs = new Map();  // name -> element
  function dialogFor(opened, name, urgent) {
    let d = opened.get(name);
    if (!d) { d = { kids: [], urgent: !!urgent }; opened.set(name, d); }
    return d;
  }
  function openDialogs(opened) {
    for (const [name, d] of opened) {
      let el = dialogs.get(name);
      const fresh = !el;
      if (!el) {
        el = make('div', { tabIndex: -1 });
        el.setAttribute('aria-modal', 'true');
        el.setAttribute('aria-label', name);
        dialogs.set(name, el);
      }
      el.setAttribute('role', d.urgent ? 'alertdialog' : 'dialog');
      order(el, d.kids);
      if (el.parentNode !== root) root.insertBefore(el, status);
      if (fresh) {
        if (d.urgent) sayNow(d.kids.filter((kid) => kid.tagName === 'P' || /^H\d$/.test(kid.tagName))
          .map((kid) => kid.textContent).join(' '));
        if (root.contains(document.activeElement) || mirrorUsed) {
          const control = el.querySelector('button, a[role=link], input');
          (control || el).focus({ preventScroll: true });
        }
      }
    }
    for (const [name, el] of dialogs) if (!opened.has(name)) { el.remove(); dialogs.delete(name); }
  }

  const lists = new Map();
  function listElement(id) {
    let el = lists.get(id);
    if (!el) { el = make(id.startsWith('ul:') ? 'ul' : 'li'); lists.set(id, el); }
    return el;
  }
  function closeList(list) {
    for (const li of list.items) order(li, li._kids);
    order(list.el, list.items);
  }

  function localise(next) {
    lang = next;
    const words = WORDS[lang] || WORDS.zh;
    root.lang = lang === 'zh' ? 'zh-CN' : 'en';
    header.setAttribute('aria-label', words.header);
    nav.setAttribute('aria-label', words.nav);
    main.setAttribute('aria-label', words.main);
    skip.textContent = words.skip;
  }

  // The live regions: cleared first, so the same sentence twice is said twice.
  function sayIn(region, text) {
    region.textContent = '';
    setTimeout(() => { region.textContent = text; }, 50);
  }
  const say = (text) => sayIn(status, text);
  const sayNow = (text) => sayIn(alert, text);

  // A click at the widget's centre through the canvas's own mouse events, as a visitor's click would be.
  function click(entry) {
    const [, , , x, y, w, h] = entry.data;
    if (w === 0) { pendingClick = entry.data[0]; focusWidget(entry.data[0]); return; }
    const box = canvas.getBoundingClientRect();
    const at = { clientX: box.left + x + w / 2, clientY: box.top + y + h / 2, bubbles: true, cancelable: true, view: window, button: 0 };
    canvas.dispatchEvent(new MouseEvent('mousemove', at));
    canvas.dispatchEvent(new MouseEvent('mousedown', Object.assign({ buttons: 1 }, at)));
    canvas.dispatchEvent(new MouseEvent('mouseup', Object.assign({ buttons: 0 }, at)));
    module._portal_wake();
  }

  function focusWidget(k) {
    imguiFocus = k;
    call('_portal_a11y_focus', k);
  }

  const isField = (entry) => entry.data[1] === 'textbox' || entry.data[1] === 'searchbox';
  let returnedName = null;  // the field an edit ended in, while the page's focus is back on its node
  function startEdit(entry) {
    editing = entry;
    returnedName = null;
    textInput.element.setAttribute('aria-label', entry.data[2]);
    if (!textInput.element.hidden) textInput.element.focus({ preventScroll: true });  // already being edited
    else { withKey('Enter', true); withKey('Enter', false); }
  }

  // Typing straight into a field's node (its edit not started, or ended by an answer): the edit starts and the
  // text goes to ImGui behind the Enter that starts it.
  root.addEventListener('input', (event) => {
    const entry = entryOf(event.target);
    if (!entry || !isField(entry) || event.isComposing) return;
    const text = event.target.value;
    event.target.value = '';
    focusWidget(entry.data[0]);
    startEdit(entry);
    if (text) call('_portal_text_input', text);
  });

  const entryOf = (el) => el && el.dataset && el.dataset.key ? nodes.get(el.dataset.key) : null;

  root.addEventListener('focusin', (event) => {
    mirrorUsed = true;
    const entry = entryOf(event.target);
    if (!entry) return;
    // Deferred: focus may move inside a frame (the app ending an edit), and the app is not re-entered there.
    Promise.resolve().then(() => {
      // Coming back from an edit, ImGui's focus may have moved on (Tab): it is not pulled back.
      if (!returning) focusWidget(entry.data[0]);
      const role = entry.data[1];
      if (isField(entry) && !returning && document.activeElement === entry.el) startEdit(entry);
      if (!returning) returnedName = null;
      returning = false;
    });
  });

  root.addEventListener('keydown', (event) => {
    const entry = entryOf(event.target);
    if (event.altKey || event.ctrlKey || event.metaKey || event.target === skip) return;
    if (event.key === 'Escape') {  // closes what is open, wherever the page's focus is in the mirror
      event.preventDefault();
      withKey('Escape', true);
      return;
    }
    if (!entry) return;
    const role = entry.data[1];
    const text = role === 'textbox' || role === 'searchbox';
    let name = null;
    // Tab past what the mirror holds: the list draws only its visible cards, and ImGui's own Tab scrolls to the
    // next one (the page's focus then follows ImGui's). Elsewhere Tab is the browser's, in the mirror's order.
    if (event.key === 'Tab' && !event.shiftKey ? lastStop(event.target) || event.target.closest('li')
      : event.key === 'Tab' && event.target.closest('li') && !firstInList(event.target)) name = 'Tab';
    else if (event.key === 'Tab') return;
    if (name) {
      event.preventDefault();
      withKey('Tab', true, event.shiftKey);
      withKey('Tab', false, event.shiftKey);
      return;
    }
    if (event.key === 'Enter' || (event.key === ' ' && !text)) name = 'Enter';
    else if (!text && event.key.startsWith('Arrow')) name = event.key;
    if (!name) return;
    event.preventDefault();
    if (event.repeat && name === 'Enter') return;
    // The key acts on this node's widget: ImGui's focus may have moved meanwhile (an answer removed the one it had).
    if (imguiFocus !== entry.data[0]) focusWidget(entry.data[0]);
    if (name === 'Enter') lastActed = entry.data[0];
    if (name === 'Enter' && isField(entry)) startEdit(entry);
    else withKey(name, true);
    // The press is handled now, before the page's focus can move on and take ImGui's focus with it (a fast
    // Tab, Enter on the next node).
    module._portal_frame_now();
  });
  root.addEventListener('keyup', (event) => {
    const entry = entryOf(event.target);
    if (event.key !== ' ' || !entry || entry.data[1] === 'textbox' || entry.data[1] === 'searchbox') return;
    event.preventDefault();  // no click from the button's own Space activation: ImGui was given Enter already
    withKey('Enter', false);
  });
  // A click that did not come from our own keys: a screen reader's activation, or a script's click().
  root.addEventListener('click', (event) => {
    const entry = entryOf(event.target.closest('[data-key]'));
    if (event.target === skip) {
      event.preventDefault();
      const first = [...nodes.values()].find((e) => LIST_ITEM.test(e.data[0]));
      (first ? first.el : main).focus();
      return;
    }
    if (!entry) return;
    event.preventDefault();
    lastActed = entry.data[0];
    click(entry);
  });

  // Tab on the canvas (ImGui's own navigation had the keyboard) enters the mirror at ImGui's focus, so Tab and
  // Shift+Tab can reach the page's own links and come back.
  window.addEventListener('keydown', (event) => {
    if (event.target !== canvas || event.key !== 'Tab' || !nodes.size) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    const at = imguiFocus && nodes.get(imguiFocus);
    const first = [...nodes.values()].find((e) => e.el.matches('button, a, input'));
    if (event.shiftKey && !at) skip.focus();
    else (at || first).el.focus();
  }, true);

  return {
    update,
    // The page's text input finished an edit started here: focus returns to the field's node.
    returnFocus() {
      if (!editing || !editing.el.isConnected) { editing = null; return false; }
      returning = true;
      returnedName = editing.data[2];
      editing.el.focus({ preventScroll: true });
      editing = null;
      return true;
    },
    // Whether the page's text input may take the keyboard from this element (a field's node starting an edit).
    owns: (el) => root.contains(el),
    // The booth wiped a visit: nothing the last visitor heard or typed stays in the page.
    wipe() {
      status.textContent = '';
      alert.textContent = '';
      for (const input of root.querySelectorAll('input')) input.value = '';
      lastActed = null;
      editing = null;
    },
  };
};
