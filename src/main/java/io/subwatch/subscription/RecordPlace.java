package io.subwatch.subscription;

/**
 * Where a record stands: the sub-step it is at and, once failed, the key of its normalised error (null otherwise).
 * The step matrix counts records by place and status, the failure clusters failed records by place and error key.
 *
 * @param errorKey {@link ErrorText#key} of the failing sub-step's error line, for a failed record only
 * @param errorLine that line as logged (at most {@link ErrorText#MAX_LINE} characters), or null
 */
public record RecordPlace(int stepIndex, int subIndex, String errorKey, String errorLine) {

	/** Where every new record starts. */
	public static final RecordPlace START = new RecordPlace(0, 0, null, null);

	/**
	 * The sub-step a record stands at: the furthest running one, else the first failed, else the first terminated,
	 * else (every one done) the last, else the first still pending.
	 */
	public static RecordPlace of(RecordProgress progress) {
		SubStepState running = null;
		SubStepState failed = null;
		SubStepState terminated = null;
		SubStepState pending = null;
		SubStepState last = null;
		for (RecordProgress.StepProgress step : progress.steps()) {
			for (SubStepState sub : step.subSteps()) {
				last = sub;
				switch (sub.status()) {
					case RUNNING -> running = sub;
					case FAILED -> failed = (failed != null) ? failed : sub;
					case TERMINATED -> terminated = (terminated != null) ? terminated : sub;
					case PENDING -> pending = (pending != null) ? pending : sub;
					default -> {
					}
				}
			}
		}
		SubStepState at = (running != null) ? running
				: (failed != null) ? failed : (terminated != null) ? terminated : (pending != null) ? pending : last;
		return (at != null) ? new RecordPlace(at.stepIndex(), at.subIndex(), null, null) : START;
	}

	/** The same place with the error a failed record failed with. */
	public RecordPlace failedWith(String line) {
		String shown = ErrorText.line(line);
		return new RecordPlace(this.stepIndex, this.subIndex, ErrorText.key(ErrorText.normalise(shown)), shown);
	}

	public boolean samePosition(RecordPlace other) {
		return this.stepIndex == other.stepIndex && this.subIndex == other.subIndex;
	}

}
