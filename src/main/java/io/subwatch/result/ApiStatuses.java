package io.subwatch.result;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.subwatch.subscription.Status;
import io.subwatch.subscription.StatusCounts;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How the API reports stored statuses (spec section 5), in one place for every endpoint: a revoked instance is stored
 * TERMINATED (the pages show it so) and reported as FAILED, as NodeMan does, unless
 * {@code subwatch.api.terminated-as=TERMINATED}. Row, step and sub-step statuses, the {@code statuses} filter and
 * {@code status_counter} all go through here, so they agree.
 *
 * @param terminatedAs what the API calls a TERMINATED record: FAILED (the default) or TERMINATED
 */
@Component
public record ApiStatuses(Status terminatedAs) {

	/** NodeMan's view: TERMINATED reported as FAILED. */
	public static final ApiStatuses NODEMAN = new ApiStatuses(Status.FAILED);

	public ApiStatuses(@Value("${subwatch.api.terminated-as:FAILED}") Status terminatedAs) {
		if (terminatedAs != Status.FAILED && terminatedAs != Status.TERMINATED) {
			throw new IllegalArgumentException(
					"subwatch.api.terminated-as must be FAILED or TERMINATED, got " + terminatedAs);
		}
		this.terminatedAs = terminatedAs;
	}

	/** The status the API shows for a stored one. */
	public Status report(Status stored) {
		return (stored == Status.TERMINATED) ? this.terminatedAs : stored;
	}

	/**
	 * The stored statuses that the API reports as any of {@code reported}, in the order first named. Any string is
	 * accepted (spec section 2): one that names no reported status (unknown, or TERMINATED while it is reported as
	 * FAILED) adds nothing, so a list of only such strings matches nothing.
	 */
	public List<Status> storedAs(List<String> reported) {
		Set<Status> stored = new LinkedHashSet<>();
		for (String name : reported) {
			for (Status status : Status.RECORD_STATUSES) {
				if (report(status).name().equals(name)) {
					stored.add(status);
				}
			}
		}
		return new ArrayList<>(stored);
	}

	/** Counts as the API reports them: TERMINATED merged into FAILED by default. */
	public StatusCounts report(StatusCounts stored) {
		if (this.terminatedAs == Status.TERMINATED || stored.count(Status.TERMINATED) == 0) {
			return stored;
		}
		Map<Status, Integer> merged = new EnumMap<>(Status.class);
		stored.byStatus().forEach((status, count) -> merged.merge(report(status), count, Integer::sum));
		return new StatusCounts(Collections.unmodifiableMap(merged), stored.total());
	}

}
