package io.subwatch.progress;

import java.util.List;

/**
 * The task's stuck hosts: how many, and the longest running of them first.
 *
 * @param stuck how many of the running hosts read are stuck
 * @param read how many running hosts were read (at most {@link #MAX_READ})
 * @param running how many hosts run (the counter), more than {@code read} when capped
 * @param longest the stuck ones, longest running first, at most {@link #SHOWN}
 */
public record Stragglers(int stuck, int read, int running, List<Straggler> longest) {

	/** A sub-step's own p95 counts once this many runs of it finished in the sample. */
	static final int MIN_SAMPLE = 20;

	/** The most running hosts read per refresh. */
	static final int MAX_READ = 5_000;

	static final int SHOWN = 20;

	public int minSample() {
		return MIN_SAMPLE;
	}

	public boolean capped() {
		return this.running > this.read;
	}

}
