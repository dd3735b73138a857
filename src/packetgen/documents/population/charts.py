"""The population workbook's charts, titled and set in the workbook's font (render/xlsx.py): the
caller adds the series, from cells of its own sheet."""

from __future__ import annotations

from openpyxl.chart import BarChart, LineChart

from packetgen.render.xlsx_charts import style_chart

COUNT_AXIS = "#,##0"  # whole people on a value axis


def column_chart(title: str, number_format: str | None = None) -> BarChart:
    """Vertical bars; ``number_format`` for the value axis."""
    chart = BarChart()
    chart.type = "col"
    style_chart(chart, title)
    if number_format:
        chart.y_axis.number_format = number_format
    return chart


def line_chart(title: str, number_format: str | None = None) -> LineChart:
    """Straight lines between known values; ``number_format`` for the value axis."""
    chart = LineChart()
    style_chart(chart, title)
    if number_format:
        chart.y_axis.number_format = number_format
    return chart
