/* Draws the dashboard's charts from the overview JSON embedded in the page (ECharts, vendored). */
(function () {
  "use strict";
  var node = document.getElementById("overview-data");
  if (!node || typeof echarts === "undefined") { return; }
  var data = JSON.parse(node.textContent);
  var charts = [];

  function draw(id, option) {
    var el = document.getElementById(id);
    if (!el) { return; }
    var chart = echarts.init(el, null, { renderer: "canvas" });
    chart.setOption(Object.assign({ tooltip: { trigger: "axis" }, grid: { left: 48, right: 16, top: 36, bottom: 48 } }, option));
    charts.push(chart);
  }

  var kinds = [["need", "科技所需"], ["question", "科普所需"], ["offer", "科技所能"]];
  var stageLabels = [];
  kinds.forEach(function (k) {
    (data.funnel[k[0]] || []).forEach(function (s) {
      if (stageLabels.indexOf(s.label) < 0) { stageLabels.push(s.label); }
    });
  });
  draw("chart-funnel", {
    legend: { top: 0 },
    xAxis: { type: "category", data: stageLabels, axisLabel: { interval: 0 } },
    yAxis: { type: "value", minInterval: 1 },
    series: kinds.map(function (k) {
      var byLabel = {};
      (data.funnel[k[0]] || []).forEach(function (s) { byLabel[s.label] = s.count; });
      return { name: k[1], type: "bar", data: stageLabels.map(function (l) { return byLabel[l] === undefined ? null : byLabel[l]; }) };
    })
  });

  var weeks = data.weekly || [];
  draw("chart-weekly", {
    legend: { top: 0 },
    xAxis: { type: "category", data: weeks.map(function (w) { return String(w.week_start).slice(5, 10); }) },
    yAxis: { type: "value", minInterval: 1 },
    series: [["posts", "发布"], ["contacted", "对接"], ["landed", "落地"], ["pushes_sent", "推送"]].map(function (s) {
      return { name: s[1], type: "line", data: weeks.map(function (w) { return w[s[0]]; }) };
    })
  });

  var push = data.push || [];
  draw("chart-push", {
    legend: { top: 0 },
    xAxis: { type: "value", minInterval: 1 },
    yAxis: { type: "category", data: push.map(function (p) { return p.label || p.kind; }) },
    grid: { left: 110, right: 16, top: 36, bottom: 24 },
    series: [["sent", "已发"], ["pending", "待发"], ["failed", "失败"], ["unreachable", "无法触达"], ["cancelled", "已取消"]]
      .map(function (s) { return { name: s[1], type: "bar", stack: "all", data: push.map(function (p) { return p[s[0]]; }) }; })
  });

  var children = (data.children || []).slice().sort(function (a, b) { return (b.posts || 0) - (a.posts || 0); }).slice(0, 21);
  draw("chart-children", {
    legend: { top: 0 },
    xAxis: { type: "category", data: children.map(function (c) { return c.name; }), axisLabel: { rotate: 40, interval: 0 } },
    yAxis: { type: "value", minInterval: 1 },
    grid: { left: 48, right: 16, top: 36, bottom: 90 },
    series: [["posts", "供需发布"], ["open_tickets", "在办工单"], ["users", "用户"]].map(function (s) {
      return { name: s[1], type: "bar", data: children.map(function (c) { return c[s[0]]; }) };
    })
  });

  window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });
  document.documentElement.setAttribute("data-charts", String(charts.length));
})();
