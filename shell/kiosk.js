// Kiosk lock-down for a recruitment-fair touch screen (page side; the app does the rest): no context menu, no
// pinch or keyboard zoom, no text selection, no leaving the page by the back button. Loaded only by the booth's
// page (kiosk.html), whose viewport already forbids pinch zoom: a visitor's pinch must scroll the app.
'use strict';

(function () {
  const block = (event) => event.preventDefault();
  document.addEventListener('contextmenu', block);
  document.addEventListener('selectstart', block);
  document.addEventListener('dragstart', block);
  document.addEventListener('gesturestart', block);
  window.addEventListener('wheel', (event) => { if (event.ctrlKey) event.preventDefault(); }, { passive: false });
  window.addEventListener('keydown', (event) => {
    const zoomKey = ['+', '-', '=', '0'].includes(event.key);
    if ((event.ctrlKey || event.metaKey) && zoomKey) event.preventDefault();
  }, true);
  document.addEventListener('touchmove', (event) => { if (event.touches.length > 1) event.preventDefault(); },
    { passive: false });

  // Called by the app (src/platform/web_kiosk.cpp) when a visit was wiped after the idle time or "start over":
  // the page forgets it too. Nothing should be stored in kiosk mode at all; clearing makes sure. The address
  // goes back to the bare kiosk URL (no fragment) without adding a history entry.
  window.portalKiosk = {
    visitWiped() {
      try { localStorage.clear(); } catch (err) { /* storage disabled: nothing to clear */ }
      try { sessionStorage.clear(); } catch (err) { /* as above */ }
      history.replaceState({ kioskGuard: true }, '', location.pathname + location.search);
      const input = document.getElementById('text-input');
      if (input) { input.value = ''; input.blur(); }
      if (window.portalA11y) window.portalA11y.wipe();
      const selection = window.getSelection && window.getSelection();
      if (selection) selection.removeAllRanges();
    },
  };

  // Guarded back navigation: the booth's page stays the booth's page. A history entry of our own absorbs the
  // back gesture; the URL itself never changes, so nothing of a visit is left in the history.
  history.replaceState({ kioskGuard: true }, '', location.pathname + location.search);
  history.pushState({ kioskGuard: true }, '', location.pathname + location.search);
  window.addEventListener('popstate', () => {
    history.pushState({ kioskGuard: true }, '', location.pathname + location.search);
  });
})();
