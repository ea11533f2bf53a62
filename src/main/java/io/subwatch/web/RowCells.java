package io.subwatch.web;

/**
 * What a result-table row shows of its status, place and times, as text made once per row by {@link PageFormat#cells}:
 * the table's fifty rows called the status, time and duration widgets four times each, and Thymeleaf evaluated every
 * formatting call of them through reflection with its arguments converted (a quarter of the page's server time).
 *
 * @param stepText where the record stands ("正在 安装"), or null when no sub-step is named
 * @param start when it started, or null
 * @param finish when it finished, or null
 * @param duration from start to finish (or to now while running), or null when it has not started
 */
public record RowCells(String statusCss, String statusIcon, String statusText, String stepText, Shown start,
		Shown finish, Shown duration) {

	/** A {@code <time>}: its machine-readable value, its text and its title (the text with the zone named). */
	public record Shown(String datetime, String text, String title) {
	}

}
