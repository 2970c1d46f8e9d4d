// The statistics page's charts, drawn with ECharts from the page's JSON block (#statistics-data): the
// chosen indicator over the years, and the units under the unit ranked by it. Each chart replaces its
// list of bars visually only: the list stays for screen readers (the chart is labelled as an image),
// and without script the list is what shows. Numbers as the page writes them (1.081 in Vietnamese).
(function () {
  var block = document.getElementById('statistics-data');
  if (!block || typeof echarts === 'undefined') {
    return;
  }
  var data = JSON.parse(block.textContent);
  var lang = document.documentElement.lang === 'en' ? 'en-GB' : 'vi-VN';
  var number = new Intl.NumberFormat(lang, {maximumFractionDigits: 1});
  var format = function (value) { return number.format(value); };
  var colour = getComputedStyle(document.documentElement).getPropertyValue('--bs-primary').trim() || '#0d6efd';

  function draw(element, fallback, option) {
    if (!element) {
      return null;
    }
    element.hidden = false;
    var chart = echarts.init(element, null, {renderer: 'svg'});
    chart.setOption(option);
    if (fallback) {
      fallback.classList.add('visually-hidden');
    }
    element.setAttribute('data-drawn', 'true');
    window.addEventListener('resize', function () { chart.resize(); });
    return chart;
  }

  var common = {
    animation: false,
    aria: {enabled: false},
    tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}, valueFormatter: format, confine: true}
  };

  if (data.trend.length) {
    draw(document.getElementById('statistics-trend-chart'), document.getElementById('statistics-trend-bars'),
      Object.assign({}, common, {
        grid: {left: 8, right: 16, top: 24, bottom: 8, containLabel: true},
        xAxis: {type: 'category', data: data.trend.map(function (t) { return String(t.year); })},
        yAxis: {type: 'value', minInterval: 1, axisLabel: {formatter: format}},
        series: [{
          type: 'bar', name: '', itemStyle: {color: colour},
          label: {show: true, position: 'top', formatter: function (p) { return format(p.value); }},
          data: data.trend.map(function (t) { return t.value; })
        }]
      }));
  }

  var ranked = document.getElementById('statistics-ranked-chart');
  if (ranked && data.children.length) {
    // largest at the top: a category axis lists from the bottom
    var children = data.children.slice().reverse();
    ranked.style.height = Math.max(160, children.length * 26 + 40) + 'px';
    ranked.hidden = false;
    var narrow = ranked.clientWidth < 500;
    var chart = draw(ranked, document.getElementById('statistics-ranked'), Object.assign({}, common, {
      grid: {left: 8, right: 48, top: 8, bottom: 8, containLabel: true},
      xAxis: {type: 'value', minInterval: 1, axisLabel: {formatter: format}},
      yAxis: {
        type: 'category', data: children.map(function (c) { return c.name; }),
        axisLabel: {width: narrow ? 120 : 220, overflow: 'truncate'}
      },
      series: [{
        type: 'bar', name: '', itemStyle: {color: colour}, cursor: 'pointer',
        label: {show: true, position: 'right', formatter: function (p) { return format(p.value); }},
        data: children.map(function (c) { return c.value; })
      }]
    }));
    chart.on('click', function (p) {
      var child = children[p.dataIndex];
      if (child) {
        window.location.href = child.href;
      }
    });
  }
})();
