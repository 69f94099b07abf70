// Catalogue: with JavaScript, changing a filter or the sort order refreshes the results in place and keeps the
// address bar in step (so links and the back button still work). Without it, the form's buttons do the same.
'use strict';
(function () {
    const form = document.getElementById('catalogue-form');
    const status = document.getElementById('catalogue-status');
    const phone = window.matchMedia('(max-width: 991.98px)');

    // The filters come rendered open; on phones fold them so the results are on the first screen. On wider
    // screens they are a side column that stays open.
    const panel = document.querySelector('.filters-panel');
    if (panel && phone.matches) {
        panel.open = false;
    }
    document.addEventListener('toggle', function (event) {
        if (event.target.classList && event.target.classList.contains('filters-panel') && !event.target.open && !phone.matches) {
            event.target.open = true;
        }
    }, true);

    if (!form || !window.fetch || !window.history.pushState) {
        return;
    }

    document.documentElement.classList.add('js');

    function urlFromForm() {
        const params = new URLSearchParams();
        for (const [key, value] of new FormData(form)) {
            // Leave out empty values and the default sort, as the server's own links do.
            if (String(value).trim() !== '' && !(key === 'sort' && value === 'relevance')) {
                params.append(key, value);
            }
        }
        const query = params.toString();
        return form.getAttribute('action') + (query ? '?' + query : '');
    }

    async function refresh(url, push) {
        const focusedId = document.activeElement && document.activeElement.id;
        let response;
        try {
            response = await fetch(url, { headers: { 'X-Requested-With': 'fetch' } });
        } catch {
            window.location.href = url;
            return;
        }
        if (!response.ok) {
            window.location.href = url;
            return;
        }
        const html = await response.text();
        const next = new DOMParser().parseFromString(html, 'text/html').getElementById('catalogue-body');
        const current = document.getElementById('catalogue-body');
        if (!next || !current) {
            window.location.href = url;
            return;
        }
        const wasOpen = current.querySelector('.filters-panel');
        const willOpen = next.querySelector('.filters-panel');
        if (wasOpen && willOpen) {
            willOpen.open = wasOpen.open;
        }
        current.replaceWith(next);
        const query = new URL(url, window.location.href).searchParams.get('q') || '';
        document.getElementById('catalogue-q').value = query;
        if (push) {
            window.history.pushState({ catalogue: true }, '', url);
        }
        if (status) {
            status.textContent = next.dataset.summary || '';
        }
        const again = focusedId && document.getElementById(focusedId);
        if (again) {
            again.focus();
        }
    }

    document.addEventListener('change', function (event) {
        const target = event.target;
        if (target.form === form && (target.type === 'checkbox' || target.tagName === 'SELECT')) {
            refresh(urlFromForm(), true);
        }
    });

    form.addEventListener('submit', function (event) {
        event.preventDefault();
        refresh(urlFromForm(), true);
    });

    document.addEventListener('click', function (event) {
        const link = event.target.closest && event.target.closest('a[data-catalogue-link]');
        if (link && !event.ctrlKey && !event.metaKey && !event.shiftKey && event.button === 0) {
            event.preventDefault();
            refresh(link.href, true).then(function () {
                const heading = document.getElementById('results-heading');
                if (heading) {
                    heading.focus();
                }
            });
        }
    });

    window.addEventListener('popstate', function () {
        refresh(window.location.href, false);
    });
})();
