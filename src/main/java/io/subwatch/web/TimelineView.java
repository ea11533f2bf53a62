package io.subwatch.web;

import java.time.Instant;
import java.util.List;

import io.subwatch.subscription.Status;

/** A record's steps and sub-steps as the instance page draws them. */
public final class TimelineView {

	private TimelineView() {
	}

	public record Step(int index, String id, String nodeName, Status status, Instant start, Instant finish,
			TimelineBar bar, List<SubStep> subSteps) {

		public String anchorId() {
			return "step-" + this.index;
		}

	}

	/**
	 * @param href the instance page with this sub-step opened
	 */
	public record SubStep(int step, int index, String name, String stepCode, Status status, Instant start,
			Instant finish, TimelineBar bar, boolean selected, String href) {

		public String anchorId() {
			return "sub-" + this.step + "-" + this.index;
		}

		/** The link without JavaScript: the page with this sub-step opened, scrolled to it. */
		public String anchorHref() {
			return this.href + "#substep";
		}

		public boolean running() {
			return this.status == Status.RUNNING;
		}

	}

	/**
	 * The opened sub-step: its place, times and log.
	 */
	public record Detail(SubStep subStep, String stepName, LogView log, String downloadHref) {
	}

}
