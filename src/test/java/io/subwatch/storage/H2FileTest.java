package io.subwatch.storage;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class H2FileTest {

	@Test
	void theEmbeddedDefaultIsAFileUnderData() {
		H2File h2 = H2File.of("jdbc:h2:file:./data/subwatch;MODE=MySQL;WRITE_DELAY=0").orElseThrow();
		assertThat(h2.dataFile()).isEqualTo(Path.of("data/subwatch.mv.db").toAbsolutePath());
		assertThat(h2.folder()).isEqualTo(Path.of("data").toAbsolutePath());
		assertThat(h2.sharedByServer()).isFalse();
		assertThat(h2.mustExist()).isFalse();
	}

	@Test
	void aPathWithoutTheFilePrefixAndTheHomeDirectoryAreFilesToo() {
		assertThat(H2File.of("jdbc:h2:/var/lib/subwatch/db").orElseThrow().dataFile())
			.isEqualTo(Path.of("/var/lib/subwatch/db.mv.db"));
		assertThat(H2File.of("jdbc:h2:~/subwatch").orElseThrow().dataFile())
			.isEqualTo(Path.of(System.getProperty("user.home"), "subwatch.mv.db"));
	}

	@Test
	void memoryServerAndOtherDatabasesHaveNoFileOfOurs() {
		assertThat(H2File.of("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1")).isEmpty();
		assertThat(H2File.of("jdbc:h2:tcp://localhost/~/test")).isEmpty();
		assertThat(H2File.of("jdbc:mysql://127.0.0.1:3306/subwatch")).isEmpty();
		assertThat(H2File.of(null)).isEmpty();
	}

	@Test
	void settingsThatChangeTheChecksAreRecognisedInAnyCase() {
		H2File h2 = H2File.of("jdbc:h2:file:./x;auto_server=true;IfExists=TRUE").orElseThrow();
		assertThat(h2.sharedByServer()).isTrue();
		assertThat(h2.mustExist()).isTrue();
	}

}
