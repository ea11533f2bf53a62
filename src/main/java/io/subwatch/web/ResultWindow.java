package io.subwatch.web;

import java.util.List;

/**
 * The record ids one page of the table shows and the size of the filtered set they were cut from.
 *
 * @param ids the page's record ids, ascending
 * @param total how many records match the filter
 * @param notFound terms of an exact search that match no host of the subscription in any task: never targeted
 * @param notInView terms that match hosts of the subscription, but none in this view (another task)
 * @param capped a prefix search matched more records than are looked at; the result may be incomplete
 */
record ResultWindow(List<Long> ids, long total, List<String> notFound, List<String> notInView, boolean capped) {

	/** The terms not found, one per line, for the clipboard. */
	public String notFoundText() {
		return String.join("\n", this.notFound);
	}

}
