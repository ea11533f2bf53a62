package io.subwatch.web;

import java.util.ArrayList;
import java.util.List;

import io.subwatch.breakdown.StepMatrix;
import io.subwatch.progress.SubStepTimes;
import io.subwatch.progress.ThroughputChart;
import io.subwatch.records.Place;
import io.subwatch.subscription.Status;
import org.thymeleaf.util.NumberUtils;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The panels' repeated cells as text made once per page (templates call it as {@code @panelCells}), as
 * {@link RowCells} are for the table's rows: the step matrix, the throughput chart's bars and data, the sub-step
 * durations. Written in the template, each of their hundreds of cells called {@code @fmt} several times, and Thymeleaf
 * evaluates such a call through reflection, converting its arguments each time (a third of the page's server time).
 */
@Component("panelCells")
class PanelCells {

	private final PageFormat fmt;

	PanelCells(PageFormat fmt) {
		this.fmt = fmt;
	}

	/** The step matrix: its rows, then the column totals and the grand total. */
	public record Matrix(List<MatrixRow> rows, List<String> totals, String total) {
	}

	/**
	 * @param current whether the result table shows this row's hosts (the breakdown filter without a failure cluster)
	 */
	public record MatrixRow(String id, boolean current, String step, String subStep, List<MatrixCell> cells,
			String total) {
	}

	/** A cell with hosts has its classes, id, link, count and title; an empty one has only nulls (a dot is shown). */
	public record MatrixCell(String css, String id, String href, String text, String title) {

		static final MatrixCell EMPTY = new MatrixCell(null, null, null, null, null);

	}

	public Matrix matrix(StepMatrix matrix, ResultQuery query) {
		Place place = query.place();
		List<MatrixRow> rows = new ArrayList<>(matrix.rows().size());
		for (StepMatrix.Row row : matrix.rows()) {
			List<MatrixCell> cells = new ArrayList<>(matrix.columns().size());
			for (Status status : matrix.columns()) {
				int n = row.count(status);
				cells.add((n > 0) ? new MatrixCell("cell " + this.fmt.css(status),
						"cell-" + row.stepIndex() + "-" + row.subIndex() + "-" + status.name(),
						query.placeHref(status, row.stepIndex(), row.subIndex()), this.fmt.number(n),
						row.subStep() + " · " + this.fmt.statusName(status) + ": " + n) : MatrixCell.EMPTY);
			}
			boolean current = place != null && place.errorKey() == null && place.stepIndex() == row.stepIndex()
					&& place.subIndex() == row.subIndex();
			rows.add(new MatrixRow("matrix-" + row.stepIndex() + "-" + row.subIndex(), current,
					this.fmt.visible(row.step()), this.fmt.visible(row.subStep()), cells, this.fmt.number(row.total())));
		}
		List<String> totals = matrix.columns().stream().map((status) -> this.fmt.number(matrix.total(status))).toList();
		return new Matrix(rows, totals, this.fmt.number(matrix.total()));
	}

	/**
	 * A bar of the throughput chart and its line in the chart's data table.
	 *
	 * @param title the bar's tooltip: its start and hosts
	 * @param listed whether the data table lists it (hosts finished in it)
	 */
	public record Bar(String x, String y, String w, String h, String title, boolean listed, RowCells.Shown from,
			String hosts, String perMinute) {
	}

	public List<Bar> bars(ThroughputChart chart) {
		String zone = this.fmt.zone();
		List<Bar> bars = new ArrayList<>(chart.bars().size());
		for (ThroughputChart.Bar bar : chart.bars()) {
			bars.add(new Bar(bar.x(), bar.y(), bar.w(), bar.h(), this.fmt.time(bar.from()) + ": " + bar.hosts(),
					bar.hosts() > 0, this.fmt.shown(bar.from(), zone), this.fmt.number(bar.hosts()),
					decimal(bar.perMinute())));
		}
		return bars;
	}

	/** A line of the sub-step durations: where, how many runs, median, p95 and longest in words. */
	public record Durations(String place, String runs, String median, String p95, String max) {
	}

	public List<Durations> durations(List<SubStepTimes> times) {
		return times.stream()
			.map((t) -> new Durations(this.fmt.visible(t.step()) + " › " + this.fmt.visible(t.subStep()),
					this.fmt.number(t.stats().samples()), this.fmt.words(t.stats().median()),
					this.fmt.words(t.stats().p95()), this.fmt.words(t.stats().max())))
			.toList();
	}

	/** As the template's {@code #numbers.formatDecimal(value, 1, 1)}: one decimal, the reader's decimal mark. */
	public String decimal(double value) {
		return NumberUtils.format(value, 1, 1, LocaleContextHolder.getLocale());
	}

}
