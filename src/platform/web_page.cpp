#include "platform/web_page.hpp"

#include <emscripten/emscripten.h>

// clang-format off

// noopener: the opened page gets no handle back to the portal (and no referrer).
EM_JS(void, js_open_in_new_tab, (const char* url), {
    window.open(UTF8ToString(url), '_blank', 'noopener,noreferrer');
});

// The async clipboard API needs a secure context and a recent click; when it is missing or refuses, an
// execCommand copy from a temporary field is the fallback. The outcome goes back to the app.
EM_JS(void, js_copy_link, (const char* link), {
    const text = UTF8ToString(link);
    const report = (ok) => { Module['_portal_share_finished'](ok ? 1 : 0); };
    const fallback = () => {
        const field = document.createElement('textarea');
        field.value = text;
        field.setAttribute('readonly', '');
        field.style.position = 'fixed';
        field.style.opacity = '0';
        document.body.appendChild(field);
        field.select();
        let ok = false;
        try { ok = document.execCommand('copy'); } catch (err) { ok = false; }
        field.remove();
        report(ok);
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(() => report(true), fallback);
    } else {
        fallback();
    }
});

EM_JS(void, js_download, (const char* name, const char* type, const char* content, int length), {
    const bytes = HEAPU8.slice(content, content + length);
    const url = URL.createObjectURL(new Blob([bytes], { type: UTF8ToString(type) }));
    const link = document.createElement('a');
    link.href = url;
    link.download = UTF8ToString(name);
    link.rel = 'noopener';
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
});

// The query (?lang, ?kiosk…) stays; only the fragment changes.
EM_JS(void, js_set_address, (const char* fragment, int push), {
    const text = UTF8ToString(fragment);
    const url = location.pathname + location.search + (text ? '#' + text : '');
    if (url === location.pathname + location.search + location.hash) return;
    try {
        if (push) history.pushState(null, '', url); else history.replaceState(null, '', url);
    } catch (err) {
        console.warn('portal: the address could not be updated: ' + err);
    }
});

// Storage can be switched off or full; remembering then quietly does nothing.
EM_JS(void, js_store_device_memory, (const char* payload), {
    const key = 'shangyu-portal.answers';
    const text = UTF8ToString(payload);
    try {
        if (text) localStorage.setItem(key, text); else if (localStorage.getItem(key) !== null) localStorage.removeItem(key);
    } catch (err) {
        console.warn('portal: this browser does not allow storage: ' + err);
    }
});

// The tab's copy of the answers: sessionStorage, which the browser keeps across reloads and drops with the tab.
EM_JS(void, js_store_session_memory, (const char* payload), {
    const key = 'shangyu-portal.session';
    const text = UTF8ToString(payload);
    try {
        if (text) sessionStorage.setItem(key, text); else if (sessionStorage.getItem(key) !== null) sessionStorage.removeItem(key);
    } catch (err) {
        console.warn('portal: this browser does not allow storage: ' + err);
    }
});

// A data author's local file: read here as bytes and handed to the app, never sent anywhere or stored. The
// reader is installed once; the picker (the app asks for it after a click, still within the click's user
// activation) and a drop on the page both use it.
EM_JS(void, js_install_preview_reader, (), {
    if (Module['portalPreviewFile']) return;
    Module['portalPreviewFile'] = (file) => {
        if (!file) return;
        file.arrayBuffer().then((buffer) => {
            const bytes = new Uint8Array(buffer);
            const name = new TextEncoder().encode(file.name || 'policies.json');
            const label = Module['_malloc'](Math.max(name.length, 1));
            if (!label) return;
            HEAPU8.set(name, label);
            // malloc answers 0 when the memory cannot grow to hold the file: say so instead of writing at 0.
            const data = Module['_malloc'](Math.max(bytes.length, 1));
            if (data) HEAPU8.set(bytes, data);
            Module['_portal_preview_file'](data, data ? bytes.length : -1, label, name.length);
            Module['_free'](data);
            Module['_free'](label);
        }, (err) => { console.warn('portal: the file could not be read: ' + err); });
    };
});

EM_JS(void, js_pick_preview_file, (), {
    let input = document.getElementById('preview-file');
    if (!input) {
        input = document.createElement('input');
        input.type = 'file';
        input.id = 'preview-file';
        input.accept = '.json,application/json';
        input.hidden = true;
        input.addEventListener('change', () => {
            Module['portalPreviewFile'](input.files && input.files[0]);
            input.value = '';
        });
        document.body.appendChild(input);
    }
    input.click();
});

EM_JS(void, js_accept_dropped_files, (), {
    const carriesFiles = (event) => event.dataTransfer && Array.from(event.dataTransfer.types || []).includes('Files');
    window.addEventListener('dragover', (event) => {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
    });
    window.addEventListener('drop', (event) => {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        Module['portalPreviewFile'](event.dataTransfer.files[0]);
    });
});

// A part of the data the app asks for after the first frame (its details, its policies' English): from the network
// (the service worker answers when offline), or on the self-contained offline page from its inline copy. Handed
// over as bytes, or with why not; then the page is told (the loader sets up the offline copy only once every part
// is in). `part` names the app's entry point (_portal_details, _portal_english), the inline copy and the event.
EM_JS(void, js_fetch_part, (const char* file, const char* part), {
    const name = UTF8ToString(file);
    const which = UTF8ToString(part);
    const deliver = (bytes, error) => {
        // As for a previewed file: without memory for the bytes the app is told why, never handed address 0.
        const data = _malloc(Math.max(bytes.length, 1));
        if (data) HEAPU8.set(bytes, data);
        else error = 'no memory left for ' + bytes.length + ' bytes';
        const size = lengthBytesUTF8(error) + 1;
        const why = _malloc(size);
        stringToUTF8(error, why, size);
        Module['_portal_' + which](data, data ? bytes.length : 0, why);
        _free(data);
        _free(why);
        window.dispatchEvent(new Event('portal-' + which + '-settled'));
    };
    const embedded = document.getElementById('portal-embedded-' + which);
    if (embedded) {
        const binary = atob(embedded.textContent.trim());
        deliver(Uint8Array.from(binary, (c) => c.charCodeAt(0)), '');
        return;
    }
    fetch(name, { cache: 'no-cache' })
        .then((response) => { if (!response.ok) throw new Error(name + ': HTTP ' + response.status); return response.arrayBuffer(); })
        .then((buffer) => deliver(new Uint8Array(buffer), ''),
              (err) => deliver(new Uint8Array(0), String((err && err.message) || err)));
});

// clang-format on

namespace portal::platform {

void accept_dropped_policy_files() {
    js_install_preview_reader();
    js_accept_dropped_files();
}

void perform_page_effects(const app::PageEffects& effects) {
    if (!effects.open_url.empty()) js_open_in_new_tab(effects.open_url.c_str());
    if (!effects.copy_link.empty()) js_copy_link(effects.copy_link.c_str());
    if (effects.download) {
        const auto& file = *effects.download;
        js_download(file.file_name.c_str(), file.mime_type.c_str(), file.content.data(),
                    static_cast<int>(file.content.size()));
    }
    if (effects.address) js_set_address(effects.address->c_str(), effects.push_history ? 1 : 0);
    if (effects.device_memory) js_store_device_memory(effects.device_memory->c_str());
    if (effects.session_memory) js_store_session_memory(effects.session_memory->c_str());
    if (!effects.fetch_details.empty()) js_fetch_part(effects.fetch_details.c_str(), "details");
    if (!effects.fetch_english.empty()) js_fetch_part(effects.fetch_english.c_str(), "english");
    if (effects.pick_preview_file) {
        js_install_preview_reader();
        js_pick_preview_file();
    }
}

}  // namespace portal::platform
