// Starts the empty app the way portal-loader.js starts the portal (load app.js, create the module, wait for the
// first drawn frame with requestAnimationFrame) and exposes the same `window.portal.ready` for bench/startup.mjs.
'use strict';

(function () {
  let resolveReady;
  const ready = new Promise((resolve) => { resolveReady = resolve; });
  let module = null;
  window.portal = {
    ready,
    state: () => ({ view: module ? 'empty' : 'loading', frames: module ? module._empty_app_frames() : 0, error: null }),
  };

  const script = document.createElement('script');
  script.src = 'empty-app.js';
  script.onload = async () => {
    module = await window.createPortalModule({ canvas: document.getElementById('canvas') });
    const poll = () => (module._empty_app_frames() >= 1 ? resolveReady() : requestAnimationFrame(poll));
    poll();
  };
  document.body.appendChild(script);
})();
