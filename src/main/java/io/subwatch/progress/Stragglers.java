package io.subwatch.progress;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The task's stuck hosts: how many, and the longest running of them first.
 *
 * @param stuck how many of the running hosts read are stuck
 * @param read how many running hosts were read (at most {@link #MAX_READ})
 * @param running how many hosts run (the counter), more than {@code read} when capped
 * @param all every stuck host read, longest running first: the panel shows the first {@link #SHOWN}, the table badges
 * them and its {@code stuck=1} filter lists them
 * @param recordIds the records of the stuck hosts
 */
public record Stragglers(int stuck, int read, int running, List<Straggler> all, Set<Long> recordIds) {

	/**
	 * The stuck hosts and, made once, the set of their records: the table asks it for every page it shows while the
	 * panels' view (and with it this) is kept for a poll interval.
	 */
	public Stragglers(int stuck, int read, int running, List<Straggler> all) {
		this(stuck, read, running, all, recordIdsOf(all));
	}

	/** No host is stuck (nothing runs, or the page shows no single task). */
	public static final Stragglers NONE = new Stragglers(0, 0, 0, List.of());

	/** A sub-step's own p95 counts once this many runs of it finished in the sample. */
	static final int MIN_SAMPLE = 20;

	/** The most running hosts read per refresh. */
	static final int MAX_READ = 5_000;

	static final int SHOWN = 20;

	public int minSample() {
		return MIN_SAMPLE;
	}

	/** The panel's list: the longest running of the stuck hosts. */
	public List<Straggler> longest() {
		return this.all.subList(0, Math.min(SHOWN, this.all.size()));
	}

	private static Set<Long> recordIdsOf(List<Straggler> all) {
		Set<Long> ids = new HashSet<>();
		all.forEach((s) -> ids.add(s.recordId()));
		return Set.copyOf(ids);
	}

	public boolean capped() {
		return this.running > this.read;
	}

}
