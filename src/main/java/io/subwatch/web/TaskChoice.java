package io.subwatch.web;

/**
 * Which records the subscription page shows: the newest task (the default), one task, or all tasks aggregated (the
 * newest record of every instance, as {@code need_aggregate_all_tasks}).
 *
 * @param taskId the chosen task, or null
 * @param all all tasks aggregated
 */
record TaskChoice(Long taskId, boolean all) {

	static final TaskChoice LATEST = new TaskChoice(null, false);

	static final TaskChoice ALL = new TaskChoice(null, true);

	static TaskChoice parse(String value) {
		if (value == null || value.isBlank() || "latest".equals(value)) {
			return LATEST;
		}
		if ("all".equals(value)) {
			return ALL;
		}
		try {
			long id = Long.parseLong(value.strip());
			if (id > 0) {
				return new TaskChoice(id, false);
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new BadPageRequestException("error.badTask", value);
	}

	/** The query-string value: null for the default. */
	public String param() {
		if (this.all) {
			return "all";
		}
		return (this.taskId != null) ? this.taskId.toString() : null;
	}

	public boolean latest() {
		return this.taskId == null && !this.all;
	}

}
