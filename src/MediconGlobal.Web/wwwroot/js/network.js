// Draws the collaboration network with Cytoscape.js from the data-graph attribute of #network-canvas.
// An enhancement only: the page's table carries the same organisations and links without JavaScript.
'use strict';
(function () {
    const container = document.getElementById('network-canvas');
    if (!container || typeof window.cytoscape !== 'function') {
        return;
    }

    const graph = JSON.parse(container.dataset.graph || '{"nodes":[],"edges":[]}');
    // A phone shows the whole network zoomed out, so its labels are drawn larger to stay readable.
    const narrow = container.clientWidth < 576;
    // Start from a circle so the force-directed layout gives the same picture on every load.
    const radius = 40 * Math.max(4, graph.nodes.length);
    const elements = graph.nodes.map((node, i) => ({
        group: 'nodes',
        data: node,
        position: {
            x: radius * Math.cos((2 * Math.PI * i) / graph.nodes.length),
            y: radius * Math.sin((2 * Math.PI * i) / graph.nodes.length),
        },
    })).concat(graph.edges.map((edge, i) => ({ group: 'edges', data: { id: 'e' + i, ...edge } })));

    const cy = window.cytoscape({
        container,
        elements,
        wheelSensitivity: 0.3,
        style: [
            {
                selector: 'node',
                style: {
                    'background-color': 'data(colour)',
                    label: 'data(label)',
                    width: 'mapData(degree, 0, 8, 18, 56)',
                    height: 'mapData(degree, 0, 8, 18, 56)',
                    'font-size': narrow ? 26 : 13,
                    color: '#14202c',
                    'text-wrap': 'wrap',
                    'text-max-width': narrow ? 160 : 110,
                    'text-valign': 'bottom',
                    'text-margin-y': 4,
                    'text-outline-color': '#fff',
                    'text-outline-width': 2,
                    'border-color': '#fff',
                    'border-width': 2,
                },
            },
            { selector: 'node[?broker]', style: { 'border-color': '#0b2e4f', 'border-width': 4, 'font-weight': 'bold' } },
            {
                selector: 'edge',
                style: {
                    width: 'mapData(strength, 1, 10, 1.5, 7)',
                    'line-color': '#8aa4b4',
                    'curve-style': 'straight',
                    opacity: 0.8,
                },
            },
            { selector: 'edge[?referral]', style: { 'line-style': 'dashed' } },
        ],
        layout: {
            name: 'cose', animate: false, randomize: false, padding: 30, nodeDimensionsIncludeLabels: true,
            nodeRepulsion: () => 600000, idealEdgeLength: () => 140, nodeOverlap: 40, componentSpacing: 120, gravity: 0.5,
        },
    });

    cy.on('tap', 'node', event => {
        window.location.href = event.target.data('url');
    });
})();
