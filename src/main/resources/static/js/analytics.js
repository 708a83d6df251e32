// The analytics page: the period picker's custom fields, and the charts drawn with uPlot
// from the JSON embedded in #analytics-data.
(function () {
  'use strict';

  var COLORS = { calls: '#3b5bdb', errors: '#c92a2a', p50: '#1f7a4d', p95: '#e8590c', created: '#7048e8' };

  function picker() {
    var form = document.getElementById('period-form');
    if (!form) {
      return;
    }
    var period = form.elements.period;
    var dates = [form.elements.from, form.elements.to];
    function sync() {
      var custom = period.value === 'custom';
      dates.forEach(function (input) { input.disabled = !custom; });
    }
    // A preset applies at once; a custom period waits for "Apply".
    period.addEventListener('change', function () {
      sync();
      if (period.value !== 'custom') {
        form.submit();
      }
    });
    form.elements.deployment.addEventListener('change', function () {
      if (period.value !== 'custom') {
        form.submit();
      }
    });
    sync();
  }

  function utc(ts) {
    return uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC');
  }

  function bars(label, color) {
    return {
      label: label,
      stroke: color,
      fill: color + 'cc',
      width: 1,
      paths: uPlot.paths.bars({ size: [0.7, 40], align: 0 }),
      points: { show: false }
    };
  }

  function line(label, color) {
    return { label: label, stroke: color, width: 2, spanGaps: false, points: { size: 4, fill: color } };
  }

  function integerAxis() {
    return { size: 50, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 100000],
      values: function (u, ticks) { return ticks.map(function (v) { return v.toLocaleString('en'); }); } };
  }

  function msAxis() {
    return { size: 70, values: function (u, ticks) {
      return ticks.map(function (v) { return v >= 1000 ? (v / 1000).toLocaleString('en') + ' s' : v + ' ms'; });
    } };
  }

  function draw(element, series, data, yAxis) {
    var options = {
      width: Math.max(element.clientWidth, 200),
      height: 230,
      tzDate: utc,
      cursor: { points: { show: false } },
      legend: { live: true },
      scales: { x: { time: true }, y: { range: function (u, min, max) { return [0, Math.max(max || 0, 1) * 1.1]; } } },
      axes: [{}, yAxis],
      series: [{}].concat(series)
    };
    var chart = new uPlot(options, data, element);
    window.addEventListener('resize', function () {
      chart.setSize({ width: Math.max(element.clientWidth, 200), height: 230 });
    });
    return chart;
  }

  function charts() {
    var source = document.getElementById('analytics-data');
    if (!source || typeof uPlot === 'undefined') {
      return;
    }
    var d = JSON.parse(source.textContent);
    draw(document.getElementById('chart-calls'), [bars('Calls', COLORS.calls), bars('Errors', COLORS.errors)],
      [d.x, d.calls, d.errors], integerAxis());
    draw(document.getElementById('chart-latency'), [line('p50', COLORS.p50), line('p95', COLORS.p95)],
      [d.x, d.p50, d.p95], msAxis());
    draw(document.getElementById('chart-instances'), [bars('Instances created', COLORS.created)],
      [d.x, d.instancesCreated], integerAxis());
  }

  picker();
  charts();
})();
