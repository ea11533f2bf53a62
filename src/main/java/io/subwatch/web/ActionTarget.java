package io.subwatch.web;

import java.util.List;
import java.util.Locale;

/**
 * What an operator action applies to, as the confirmation page and the action itself receive it: every eligible host
 * of the task shown, one host, the hosts ticked in the table, or every host matching the table's filter.
 *
 * @param kind retry or terminate
 * @param instances the chosen instances ({@link Mode#ONE}, {@link Mode#SELECTED}), else empty
 * @param filter the task and filter of the view the action started from
 * @param back where to return (a page of this site), or null for the subscription page
 */
record ActionTarget(Kind kind, Mode mode, List<String> instances, ResultQuery filter, String back) {

	enum Kind {

		RETRY, TERMINATE;

		static Kind parse(String value) {
			if (value != null) {
				for (Kind kind : values()) {
					if (kind.name().equalsIgnoreCase(value.strip())) {
						return kind;
					}
				}
			}
			throw new BadPageRequestException("error.badAction", String.valueOf(value));
		}

		public String param() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	enum Mode {

		ALL, ONE, SELECTED, MATCHING;

		static Mode parse(String value, boolean allMatching) {
			if (allMatching) {
				return MATCHING;
			}
			if (value == null || value.isBlank()) {
				return SELECTED;
			}
			for (Mode mode : values()) {
				if (mode.name().equalsIgnoreCase(value.strip())) {
					return mode;
				}
			}
			throw new BadPageRequestException("error.badAction", value);
		}

		public String param() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/** Whether the instances are named one by one (so a host may have finished since, or not exist at all). */
	boolean explicit() {
		return this.mode == Mode.ONE || this.mode == Mode.SELECTED;
	}

	public String backHref() {
		return (this.back != null) ? this.back : this.filter.href();
	}

}
