// A real <input> that stands in for the ImGui text field being edited, because a canvas cannot host an input
// method (Chinese IMEs, phone keyboards) or the clipboard. The app tells us where its caret is (place());
// we put this input there, let the browser compose into it, and forward committed text and editing keys.
//
// Who owns the keyboard. At any moment exactly one of two things receives keys: this input while the app has a
// text field being edited (it is shown then), the canvas otherwise (SDL reads its key events). The app decides,
// through place(): a click or tap on a field, or the app moving focus to one (a refused answer), shows the input
// and focuses it; the field ending its edit hides it and gives focus back to the canvas. That covers Enter (the
// answer is committed), Escape (the edit is abandoned), Tab (focus moves to the next widget), a click elsewhere,
// the field scrolling out of its pane and the view changing: the app ends the edit in each case. The window
// losing focus leaves the owner as it was when it comes back.
// At every hand-over, the window losing focus included, every key the app believes held is released
// (portal_keyboard_moved): a key pressed before the hand-over is let go after it, and that key-up lands on the
// new owner, or outside the page, where the old owner never sees it. Without this the app would keep Enter
// "held" after an answer committed with Enter, and repeat it into the next field.
// The accessibility mirror (a11y-mirror.js) is part of the page: while one of its nodes has focus neither owner
// has the keyboard, and the mirror hands the keys it handles to the app itself. A field's node starts an edit
// when focused; this input then takes the keyboard from it, and gives it back (returnFocus) when the edit ends.
'use strict';

window.createPortalTextInput = function createPortalTextInput(module, canvas) {
  const input = document.createElement('input');
  input.type = 'text';
  input.id = 'text-input';
  input.autocomplete = 'off';
  input.spellcheck = false;
  input.setAttribute('autocapitalize', 'off');
  input.setAttribute('autocorrect', 'off');
  input.setAttribute('enterkeyhint', 'done');
  input.setAttribute('aria-label', document.documentElement.lang === 'en' ? 'Text entry' : '文字输入');
  input.hidden = true;
  document.body.appendChild(input);

  // The keyboard a phone shows for each kind of field (ui::EntryKind): text, a decimal number, digits (dates).
  const INPUT_MODES = ['text', 'decimal', 'numeric'];

  let composing = false;
  let owner = null;  // 'input', 'canvas' or null (neither: focus is elsewhere on the page or outside it)

  function withString(text, fn) {
    const size = module.lengthBytesUTF8(text) + 1;
    const pointer = module._malloc(size);
    module.stringToUTF8(text, pointer, size);
    try { return fn(pointer); } finally { module._free(pointer); }
  }

  function commit() {
    const text = input.value;
    input.value = '';
    input.classList.remove('composing');
    input.style.width = '';
    if (text) withString(text, (p) => module._portal_text_input(p));
    module._portal_wake();
  }

  // The keyboard changed hands: whatever was held is released now, before the next owner's first key.
  function handOver(next) {
    if (next === owner) return;
    owner = next;
    module._portal_keyboard_moved();
    module._portal_wake();
  }
  const ownerOf = (element) => (element === input ? 'input' : element === canvas ? 'canvas' : null);
  document.addEventListener('focusin', (event) => handOver(ownerOf(event.target)));
  document.addEventListener('focusout', (event) => { if (!event.relatedTarget) handOver(null); });
  window.addEventListener('blur', () => { owner = null; module._portal_keyboard_moved(); module._portal_wake(); });
  window.addEventListener('focus', () => handOver(ownerOf(document.activeElement)));

  input.addEventListener('compositionstart', () => {
    composing = true;
    input.classList.add('composing');  // the pinyin being composed is shown in place, over the field
  });
  input.addEventListener('compositionupdate', () => {
    input.style.width = Math.max(2, input.value.length + 2) + 'em';  // just wide enough for what is composed
  });
  input.addEventListener('compositionend', () => { composing = false; commit(); });
  input.addEventListener('input', (event) => { if (!event.isComposing && !composing) commit(); });
  input.addEventListener('paste', (event) => {
    const text = event.clipboardData ? event.clipboardData.getData('text/plain') : '';
    if (text) withString(text, (p) => module._portal_clipboard_from_page(p));
  });

  const forward = (event, down) => {
    if (composing || event.isComposing) return;
    const mods = (event.ctrlKey ? 1 : 0) | (event.shiftKey ? 2 : 0) | (event.altKey ? 4 : 0) | (event.metaKey ? 8 : 0);
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    if (key === 'v' && (mods & 9)) return;  // paste: let the browser deliver it as text
    // A key held before the field took the keyboard repeats here; the app saw no press of it, so it gets none.
    if (down && event.repeat && !pressedHere.has(key)) { event.preventDefault(); return; }
    if (down) pressedHere.add(key); else pressedHere.delete(key);
    if (withString(key, (p) => module._portal_key(p, down ? 1 : 0, mods))) {
      event.preventDefault();
      module._portal_wake();
    }
  };
  const pressedHere = new Set();  // keys whose key-down this input forwarded
  input.addEventListener('keydown', (event) => forward(event, true));
  input.addEventListener('keyup', (event) => forward(event, false));
  // Wherever a key is let go (the canvas, the page, this input), the app hears it: SDL drops the key-up of a key
  // whose key-down it did not see, and a key-up the app does not need is ignored by it.
  window.addEventListener('keyup', (event) => {
    if (event.target === input || event.isComposing) return;
    const mods = (event.ctrlKey ? 1 : 0) | (event.shiftKey ? 2 : 0) | (event.altKey ? 4 : 0) | (event.metaKey ? 8 : 0);
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    withString(key, (p) => module._portal_key(p, 0, mods));
  }, true);
  input.addEventListener('blur', () => pressedHere.clear());

  return {
    // Called by the app at the end of a frame when the edited field or its caret moved.
    place(visible, x, y, lineHeight, kind) {
      if (!visible) {
        if (!input.hidden) {
          if (input.value) commit();
          const hadFocus = document.activeElement === input;
          input.hidden = true;
          // Back to where the edit came from: the accessibility mirror's field, else the canvas.
          const mirror = window.portalA11y;
          if (hadFocus && !(mirror && mirror.returnFocus())) canvas.focus({ preventScroll: true });
        }
        return;
      }
      const box = canvas.getBoundingClientRect();
      input.style.left = (box.left + x) + 'px';
      input.style.top = (box.top + y) + 'px';
      input.style.height = lineHeight + 'px';
      input.style.fontSize = Math.max(12, lineHeight * 0.8) + 'px';
      const mode = INPUT_MODES[kind] || 'text';
      if (input.inputMode !== mode) input.inputMode = mode;
      input.hidden = false;
      // Focus is taken from the canvas (the click that activated the field), from the accessibility mirror's node
      // for this field (a11y-mirror.js starts the edit when it is focused) or from nowhere, never from another
      // control of the page.
      const active = document.activeElement;
      const mirror = window.portalA11y;
      if (active !== input && (active === canvas || active === document.body || active === null ||
          (mirror && mirror.owns(active)))) {
        input.focus({ preventScroll: true });
      }
    },
    element: input,
  };
};
