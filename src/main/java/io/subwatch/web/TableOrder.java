package io.subwatch.web;

import java.util.Locale;

/** The order of the subscription page's table ({@code order=}): record order, or the longest running hosts first. */
public enum TableOrder {

	/** The hosts in record order (the default, no parameter). */
	RECORD(null),

	/** Running hosts by the start of their running sub-step, oldest first, then the rest in record order. */
	LONGEST("longest");

	private final String param;

	TableOrder(String param) {
		this.param = param;
	}

	/** The parameter's value, null for the default. */
	public String param() {
		return this.param;
	}

	static TableOrder parse(String value) {
		if (value == null || value.isBlank()) {
			return RECORD;
		}
		String wanted = value.strip().toLowerCase(Locale.ROOT);
		for (TableOrder order : values()) {
			if (wanted.equals(order.param)) {
				return order;
			}
		}
		throw new BadPageRequestException("error.badOrder", value.strip());
	}

}
