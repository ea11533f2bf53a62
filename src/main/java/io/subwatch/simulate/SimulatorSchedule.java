package io.subwatch.simulate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the simulator on its schedule: a tick every second, a launch check every few seconds (which launches at start-up and then every launch interval). Both
 * wait until the application is ready, so the demo data (whose seed example must be subscription 1) loads first.
 */
@Component
@Conditional(SimulatorEnabled.class)
@ConditionalOnProperty(name = "subwatch.jobs.enabled", havingValue = "true", matchIfMissing = true)
class SimulatorSchedule {

	private final Simulator simulator;

	private final SimulatorLauncher launcher;

	SimulatorSchedule(Simulator simulator, SimulatorLauncher launcher) {
		this.simulator = simulator;
		this.launcher = launcher;
	}

	private volatile boolean ready;

	@EventListener(ApplicationReadyEvent.class)
	void ready() {
		this.ready = true;
	}

	@Scheduled(fixedDelayString = "${subwatch.simulator.tick:1s}", initialDelayString = "${subwatch.simulator.tick:1s}")
	@SchedulerLock(name = "simulator-tick", lockAtMostFor = "PT5M")
	void tick() {
		if (this.ready) {
			this.simulator.tick();
		}
	}

	@Scheduled(fixedDelay = 5000, initialDelay = 1000)
	@SchedulerLock(name = "simulator-launch", lockAtMostFor = "PT5M")
	void launch() {
		if (!this.ready) {
			return;
		}
		this.launcher.launchIfIdle();
	}

}
