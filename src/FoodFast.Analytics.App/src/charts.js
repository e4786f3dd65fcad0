// ECharts, only the parts the app draws, rendered as SVG (crisp at any zoom; its text is real text for tests and
// screen readers). Every chart is disposed of when its view is replaced.
import * as echarts from "echarts/core";
import { BarChart, HeatmapChart, LineChart, PieChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from "echarts/components";
import { SVGRenderer } from "echarts/renderers";
import { h } from "./dom.js";

echarts.use([BarChart, HeatmapChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, SVGRenderer]);

const live = new Set();
addEventListener("resize", () => live.forEach((chart) => chart.resize()));

export function disposeAll() {
  live.forEach((chart) => chart.dispose());
  live.clear();
}

function mount(options, { height = 260, onClick, label } = {}) {
  const element = h("div", { class: "chart", style: `height:${height}px`, role: "img", "aria-label": label });
  requestAnimationFrame(() => {
    if (!element.isConnected) return;
    const chart = echarts.init(element, null, { renderer: "svg" });
    chart.setOption({ animation: false, textStyle: { fontFamily: 'system-ui, "DejaVu Sans", sans-serif' }, ...options });
    if (onClick) chart.on("click", (event) => onClick(event));
    live.add(chart);
  });
  return element;
}

const tooltip = { trigger: "axis", confine: true };

/** Lines over time: `series` [{ name, values, axis }] against the `categories` (bucket keys); axis 1 is the right one. */
export function lines(categories, series, options = {}) {
  return mount({
    tooltip, legend: { top: 0, type: "scroll" },
    grid: { left: 64, right: 56, top: 32, bottom: 28 },
    xAxis: { type: "category", data: categories, boundaryGap: false },
    yAxis: [{ type: "value" }, { type: "value", splitLine: { show: false } }],
    series: series.map((s) => ({ type: "line", name: s.name, data: s.values, yAxisIndex: s.axis || 0, showSymbol: categories.length < 40, areaStyle: s.area ? {} : undefined })),
  }, options);
}

/** Horizontal bars, largest first at the top: one row per label. */
export function bars(labels, values, options = {}) {
  const height = Math.max(120, labels.length * 26 + 40);
  return mount({
    tooltip: { ...tooltip, axisPointer: { type: "shadow" } },
    // A fixed label column: names longer than it end in an ellipsis (the tooltip has the whole name).
    grid: { left: 172, right: 32, top: 8, bottom: 24, outerBoundsMode: "none" },
    xAxis: { type: "value" },
    yAxis: { type: "category", data: [...labels].reverse(), axisLabel: { width: 160, overflow: "truncate" } },
    series: [{ type: "bar", name: options.name, data: [...values].reverse(), cursor: options.onClick ? "pointer" : "default" }],
  }, { height, ...options });
}

/** Vertical bars over time or categories, stacked when `stacked`. */
export function columns(categories, series, { stacked = false, ...options } = {}) {
  return mount({
    tooltip: { ...tooltip, axisPointer: { type: "shadow" } }, legend: { top: 0, type: "scroll" },
    grid: { left: 64, right: 24, top: 32, bottom: 28 },
    xAxis: { type: "category", data: categories },
    yAxis: { type: "value" },
    series: series.map((s) => ({ type: "bar", name: s.name, data: s.values, stack: stacked ? "all" : undefined })),
  }, options);
}

export function pie(labels, values, options = {}) {
  return mount({
    tooltip: { trigger: "item" }, legend: { bottom: 0, type: "scroll" },
    series: [{ type: "pie", radius: ["40%", "68%"], data: labels.map((name, i) => ({ name, value: values[i] })), label: { formatter: "{b}: {d}%" } }],
  }, options);
}

/** A heat map of rates 0-1: rows × columns. */
export function heat(rows, columns, cells, options = {}) {
  return mount({
    tooltip: { position: "top", formatter: (p) => `${rows[p.value[1]]}, ${columns[p.value[0]]}: ${(p.value[2] * 100).toFixed(1)}%` },
    grid: { left: 96, right: 16, top: 8, bottom: 64 },
    xAxis: { type: "category", data: columns, splitArea: { show: true } },
    yAxis: { type: "category", data: rows, inverse: true, splitArea: { show: true } },
    visualMap: { min: 0, max: 1, calculable: false, orient: "horizontal", left: "center", bottom: 0, itemHeight: 120 },
    series: [{ type: "heatmap", data: cells, label: { show: true, formatter: (p) => `${Math.round(p.value[2] * 100)}%` } }],
  }, { height: Math.max(160, rows.length * 30 + 80), ...options });
}
