package io.subwatch.web;

import io.subwatch.system.SubwatchProperties;

import org.springframework.stereotype.Component;

/** Settings the templates read as {@code @pageSettings}: the live refresh interval. */
@Component("pageSettings")
class PageSettings {

	private final SubwatchProperties properties;

	PageSettings(SubwatchProperties properties) {
		this.properties = properties;
	}

	/** The htmx trigger of a live region: {@code every 3000ms, refresh} (refresh = resume or tab shown again). */
	public String pollTrigger() {
		return "every " + this.properties.ui().pollInterval().toMillis() + "ms, refresh";
	}

	/** How many records a prefix search looks at before it says the result may be incomplete. */
	public int searchCap() {
		return ResultTable.SEARCH_CAP;
	}

}
