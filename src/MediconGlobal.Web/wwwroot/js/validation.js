// Immediate feedback on forms whose fields carry validation rules: FluentValidation's client-side adapters write the
// validators' rules and localised messages as data-val-* attributes, and jQuery Validation (with its unobtrusive
// add-on) checks them as people type and before a form is sent. The libraries are loaded only on pages with such
// fields, one after another, from the portal itself (the CSP allows scripts from 'self' only). Without JavaScript
// nothing changes: the server validates every post (docs/decisions/1652).
'use strict';

(function () {
    const script = document.currentScript;
    if (!script || !document.querySelector('[data-val="true"]')) {
        return;
    }

    const sources = (script.dataset.libraries || '').split(' ').filter(Boolean);
    const load = index => {
        if (index >= sources.length) {
            return;
        }

        const library = document.createElement('script');
        library.src = sources[index];
        library.onload = () => load(index + 1);
        document.head.appendChild(library);
    };
    load(0);
})();
