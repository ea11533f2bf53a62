package io.subwatch.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The profile summary names the library a sampled thread was running: here, this class's own busy loop. */
class ProfilesTest {

	@TempDir
	Path dir;

	@Test
	void samplesCountForTheFirstFrameOutsideTheJdk() throws Exception {
		Path file = this.dir.resolve("busy.jfr");
		try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
			recording.start();
			busy();
			recording.stop();
			recording.dump(file);
		}
		String summary = Profiles.summarise(file);
		assertThat(summary).matches("[0-9,]+ CPU samples: subwatch [0-9]+%.*").contains("ProfilesTest.busy");
	}

	/** Half a second of this thread's CPU, spent in JDK code called from here (so the frame to find is below it). */
	private static long busy() {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long until = threads.getCurrentThreadCpuTime() + 500_000_000L;
		long sum = 0;
		while (threads.getCurrentThreadCpuTime() < until) {
			for (int i = 0; i < 10_000; i++) {
				sum += Long.toString(i).hashCode();
			}
		}
		return sum;
	}

}
