// Shortlist: a print button and a copy-link button, shown only when JavaScript can run them.
'use strict';
(function () {
    document.querySelectorAll('.js-print').forEach(function (button) {
        button.hidden = false;
        button.addEventListener('click', function () { window.print(); });
    });

    document.querySelectorAll('.js-copy').forEach(function (button) {
        const target = document.getElementById(button.dataset.copyTarget);
        if (!target || !navigator.clipboard) {
            return;
        }
        button.hidden = false;
        button.addEventListener('click', async function () {
            await navigator.clipboard.writeText(target.value);
            button.textContent = button.dataset.copiedText || 'Copied';
        });
    });
})();
