package io.subwatch.storage;

import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

class H2FilesCheckTest {

	@TempDir
	Path dir;

	private H2File h2(String settings) {
		return H2File.of("jdbc:h2:file:" + this.dir.resolve("data/subwatch") + ";MODE=MySQL" + settings).orElseThrow();
	}

	@Test
	void aNewFolderAndFileAreOwnerOnlyAndH2StartsANewDatabaseInThem() throws Exception {
		assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
		H2File h2 = h2("");
		H2FilesCheck.check(h2);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(h2.folder()))).isEqualTo("rwx------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(h2.dataFile()))).isEqualTo("rw-------");
		try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + h2.database(), "sa", "")) {
			connection.createStatement().execute("CREATE TABLE t (id INT PRIMARY KEY)");
		}
		assertThat(Files.size(h2.dataFile())).isPositive();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(h2.dataFile()))).isEqualTo("rw-------");
	}

	@Test
	void anExistingFolderAndDatabaseKeepTheirPermissions() throws Exception {
		assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
		H2File h2 = h2("");
		Files.createDirectories(h2.folder(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-x---")));
		Files.writeString(h2.dataFile(), "not empty");
		Files.setPosixFilePermissions(h2.dataFile(), PosixFilePermissions.fromString("rw-r-----"));
		H2FilesCheck.check(h2);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(h2.folder()))).isEqualTo("rwxr-x---");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(h2.dataFile()))).isEqualTo("rw-r-----");
	}

	@Test
	void anEmptyDatabaseFileStopsStartUp() throws Exception {
		H2File h2 = h2("");
		Files.createDirectories(h2.folder());
		Files.createFile(h2.dataFile());
		assertThatThrownBy(() -> H2FilesCheck.check(h2)).isInstanceOfSatisfying(DatabaseFileProblem.Found.class,
				(found) -> {
					assertThat(found.problem()).isEqualTo(DatabaseFileProblem.EMPTY);
					assertThat(found.file()).isEqualTo(h2.dataFile());
				});
		assertThat(Files.size(h2.dataFile())).isZero();
	}

	@Test
	void aFileLockedByAnotherHolderIsInUse() throws Exception {
		H2File h2 = h2("");
		Files.createDirectories(h2.folder());
		Files.writeString(h2.dataFile(), "held");
		try (FileChannel holder = FileChannel.open(h2.dataFile(), StandardOpenOption.READ, StandardOpenOption.WRITE);
				var lock = holder.lock()) {
			assertThatThrownBy(() -> H2FilesCheck.check(h2)).isInstanceOfSatisfying(DatabaseFileProblem.Found.class,
					(found) -> assertThat(found.problem()).isEqualTo(DatabaseFileProblem.IN_USE));
			// shared through H2's own server: the other process is expected to hold it
			H2FilesCheck.check(h2(";AUTO_SERVER=TRUE"));
		}
		H2FilesCheck.check(h2);
	}

	@Test
	void ifExistsLeavesAnAbsentFileAbsent() {
		H2File h2 = h2(";IFEXISTS=TRUE");
		H2FilesCheck.check(h2);
		assertThat(h2.dataFile()).doesNotExist();
	}

}
