package io.subwatch.subscription;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps every record's place (sub-step and, once failed, error) and the place counters in step with its progress.
 * Every writer of records calls it once per transaction, after its status counters, in the transaction that holds
 * the records' task locks: creation, events, stops (revoke, zombie check) and removal.
 */
@Component
public class RecordPlaces {

	/**
	 * A record whose sub-steps changed: as it was read under its task lock, its progress now, all its sub-step states
	 * now (written with its row by {@link #movedWithProgress}), and its place as read with it (null: read it here).
	 */
	public record Moved(InstanceRecord record, RecordProgress after, Collection<SubStepState> subSteps,
			RecordPlace placeBefore) {

		public Moved(InstanceRecord record, RecordProgress after, Collection<SubStepState> subSteps) {
			this(record, after, subSteps, null);
		}

	}

	private final RecordPlaceDao dao;

	private final SubStepDao subSteps;

	RecordPlaces(RecordPlaceDao dao, SubStepDao subSteps) {
		this.dao = dao;
		this.subSteps = subSteps;
	}

	/**
	 * Records that moved, with their status, times and sub-step states: each record's row written once, its sub-steps,
	 * status and times with its place, and the place counters moved. Call after their logs are written: a record that
	 * failed takes its error line from the failing sub-step's log as stored now. {@code update_time} becomes
	 * {@code now} where the status or times changed, and {@code sub_steps_at} where sub-steps were written.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void movedWithProgress(List<Moved> moves, Instant now) {
		Changes changes = places(moves);
		Map<Long, RecordPlace> places = changes.places();
		List<RecordPlaceDao.RecordRow> rows = new ArrayList<>();
		for (Moved move : moves) {
			InstanceRecord record = move.record();
			RecordProgress after = move.after();
			boolean progressed = after.status() != record.status()
					|| !Objects.equals(after.startTime(), record.startTime())
					|| !Objects.equals(after.finishTime(), record.finishTime());
			RecordPlace place = places.get(record.id());
			if (progressed || place != null || move.subSteps() != null) {
				rows.add(new RecordPlaceDao.RecordRow(record.id(), after, progressed ? now : null, place,
						move.subSteps(), now));
			}
		}
		this.dao.updateWithProgress(rows);
		this.dao.apply(changes.deltas());
	}

	/** The places that changed, by record id, and the place counter changes that go with them. */
	private record Changes(Map<Long, RecordPlace> places, PlaceDeltas deltas) {
	}

	/** The places that changed; the place counters move with them (and with the statuses). */
	private Changes places(List<Moved> moves) {
		if (moves.isEmpty()) {
			return new Changes(Map.of(), new PlaceDeltas());
		}
		List<Long> unread = moves.stream().filter((m) -> m.placeBefore() == null).map((m) -> m.record().id()).toList();
		Map<Long, RecordPlace> before = new HashMap<>(unread.isEmpty() ? Map.of() : this.dao.findByIds(unread));
		moves.stream().filter((m) -> m.placeBefore() != null).forEach((m) -> before.put(m.record().id(), m.placeBefore()));
		List<Long> failing = moves.stream()
			.filter((m) -> m.after().status() == Status.FAILED && !keepsError(m, before.get(m.record().id())))
			.map((m) -> m.record().id())
			.toList();
		Map<Long, Map<Integer, String>> logs = failing.isEmpty() ? Map.of() : this.subSteps.findLogs(failing);
		Map<Long, RecordPlace> updates = new HashMap<>();
		PlaceDeltas deltas = new PlaceDeltas();
		for (Moved move : moves) {
			InstanceRecord record = move.record();
			RecordPlace old = before.getOrDefault(record.id(), RecordPlace.START);
			RecordPlace now = RecordPlace.of(move.after());
			if (move.after().status() == Status.FAILED) {
				now = keepsError(move, old) ? old
						: now.failedWith(logs.getOrDefault(record.id(), Map.of())
							.get(RecordProgress.key(now.stepIndex(), now.subIndex())));
			}
			if (!now.equals(old)) {
				updates.put(record.id(), now);
			}
			if (!now.equals(old) || move.after().status() != record.status()) {
				deltas.move(record, record.latest(), record.status(), old, move.after().status(), now);
			}
		}
		return new Changes(updates, deltas);
	}

	/** A record that already failed at the same sub-step keeps the error it failed with. */
	private static boolean keepsError(Moved move, RecordPlace old) {
		return move.record().status() == Status.FAILED && old != null && old.errorKey() != null
				&& old.samePosition(RecordPlace.of(move.after()));
	}

	/**
	 * New records of a task (pending, at their first sub-step, their instances' latest) and the latest records they
	 * replace, which leave the subscription's counters.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void created(long subscriptionId, long taskId, List<NewRecord> created, Collection<InstanceRecord> replaced) {
		PlaceDeltas deltas = new PlaceDeltas();
		Map<Long, RecordPlace> places = this.dao.findByIds(replaced.stream().map(InstanceRecord::id).toList());
		for (InstanceRecord old : replaced) {
			deltas.add(false, subscriptionId, old.planId(), old.status(),
					places.getOrDefault(old.id(), RecordPlace.START), -1);
		}
		for (NewRecord record : created) {
			deltas.add(true, taskId, record.planId(), Status.PENDING, RecordPlace.START, 1);
			deltas.add(false, subscriptionId, record.planId(), Status.PENDING, RecordPlace.START, 1);
		}
		this.dao.apply(deltas);
	}

	/**
	 * Records deleted (they leave their task's counters, and their subscription's when they were its latest) and the
	 * older records that became their instances' latest again.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void removed(Collection<InstanceRecord> removed, Collection<InstanceRecord> restored) {
		PlaceDeltas deltas = new PlaceDeltas();
		Map<Long, RecordPlace> places = this.dao.findByIds(
				java.util.stream.Stream.concat(removed.stream(), restored.stream()).map(InstanceRecord::id).toList());
		for (InstanceRecord record : removed) {
			deltas.move(record, record.latest(), record.status(), places.getOrDefault(record.id(), RecordPlace.START),
					null, null);
		}
		for (InstanceRecord record : restored) {
			deltas.add(false, record.subscriptionId(), record.planId(), record.status(),
					places.getOrDefault(record.id(), RecordPlace.START), 1);
		}
		this.dao.apply(deltas);
	}

}
