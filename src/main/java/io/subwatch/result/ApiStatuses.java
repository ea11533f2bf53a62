package io.subwatch.result;

import io.subwatch.subscription.Status;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Statuses as the API reports them (spec section 5): a revoked (TERMINATED) record is FAILED unless configured. */
@Component
class ApiStatuses {

	private final Status terminatedAs;

	ApiStatuses(@Value("${subwatch.api.terminated-as:FAILED}") Status terminatedAs) {
		this.terminatedAs = terminatedAs;
	}

	Status reported(Status stored) {
		return (stored == Status.TERMINATED) ? this.terminatedAs : stored;
	}

}
