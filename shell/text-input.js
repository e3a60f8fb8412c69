// A real <input> that stands in for the ImGui text field being edited, because a canvas cannot host an input
// method (Chinese IMEs, phone keyboards) or the clipboard. The app tells us where its caret is (place());
// we put this input there, let the browser compose into it, and forward committed text and editing keys.
'use strict';

window.createPortalTextInput = function createPortalTextInput(module, canvas) {
  const input = document.createElement('input');
  input.type = 'text';
  input.id = 'text-input';
  input.autocomplete = 'off';
  input.spellcheck = false;
  input.setAttribute('autocapitalize', 'off');
  input.setAttribute('autocorrect', 'off');
  input.setAttribute('aria-label', document.documentElement.lang === 'en' ? 'Text entry' : '文字输入');
  input.hidden = true;
  document.body.appendChild(input);

  let composing = false;

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
    if (withString(key, (p) => module._portal_key(p, down ? 1 : 0, mods))) {
      event.preventDefault();
      module._portal_wake();
    }
  };
  input.addEventListener('keydown', (event) => forward(event, true));
  input.addEventListener('keyup', (event) => forward(event, false));

  return {
    // Called by the app at the end of a frame when the edited field or its caret moved.
    place(visible, x, y, lineHeight) {
      if (!visible) {
        if (!input.hidden) {
          if (input.value) commit();
          const hadFocus = document.activeElement === input;
          input.hidden = true;
          if (hadFocus) canvas.focus({ preventScroll: true });
        }
        return;
      }
      const box = canvas.getBoundingClientRect();
      input.style.left = (box.left + x) + 'px';
      input.style.top = (box.top + y) + 'px';
      input.style.height = lineHeight + 'px';
      input.style.fontSize = Math.max(12, lineHeight * 0.8) + 'px';
      input.hidden = false;
      if (document.activeElement !== input) input.focus({ preventScroll: true });
    },
    element: input,
  };
};
