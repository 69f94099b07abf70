// Gap report and dashboard enhancements: the month trend as a Chart.js chart (the same data is in a table
// next to it) and a print button. Data comes from data- attributes because inline scripts are not allowed.
'use strict';
(function () {
    document.querySelectorAll('[data-print]').forEach(function (button) {
        button.addEventListener('click', function () { window.print(); });
    });

    if (typeof Chart === 'undefined') {
        return;
    }

    document.querySelectorAll('canvas[data-trend]').forEach(function (canvas) {
        var data = JSON.parse(canvas.getAttribute('data-trend'));
        var datasets = [{
            type: 'bar',
            label: data.needsLabel,
            data: data.needs,
            backgroundColor: '#0f6f74',
            yAxisID: 'y'
        }];
        if (data.unmetShare) {
            datasets.push({
                type: 'line',
                label: data.unmetLabel,
                data: data.unmetShare,
                borderColor: '#c2410c',
                backgroundColor: '#c2410c',
                spanGaps: false,
                yAxisID: 'share'
            });
        }

        var scales = { y: { beginAtZero: true, ticks: { precision: 0 } } };
        if (data.unmetShare) {
            scales.share = { beginAtZero: true, max: 100, position: 'right', grid: { drawOnChartArea: false } };
        }

        new Chart(canvas, {
            data: { labels: data.labels, datasets: datasets },
            options: { animation: false, maintainAspectRatio: false, scales: scales }
        });
    });
})();
